import type { Outcome } from './model.ts';
import type { LeadStage } from './referrals.ts';

/**
 * A thank-you that names the help (issue 15): the person they referred, the introduction, the
 * advice, and the result when the book knows it (a meeting held, a deal won and its amount).
 * Pure: the caller reads the facts and formats money in the note's language.
 */

export type NoteLocale = 'en' | 'de';

/** One referred person as the note names them, with how far it went. */
export interface ReferredFact {
  fullName: string;
  company?: string | undefined;
  stage: LeadStage;
  /** The referrer made the introduction (marked by the user). */
  introduced?: boolean | undefined;
  /** Won from this referral, formatted (e.g. "$12,000"); absent when nothing was won. */
  won?: string | undefined;
}

/** One help received from the person: the outcome recorded, and what the book knows of it. */
export interface HelpFact {
  outcome: Outcome;
  /** For a referral: whom they referred. */
  referred?: readonly ReferredFact[];
  /** For a win: the amount, formatted. */
  won?: string | undefined;
}

function list(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

function who(fact: ReferredFact, at: string): string {
  return fact.company ? `${fact.fullName} ${at} ${fact.company}` : fact.fullName;
}

const EN = {
  and: 'and',
  at: 'at',
  referral: (names: string) => `Thank you for referring me to ${names}.`,
  aReferral: 'Thank you for the referral.',
  referralWon: (name: string, won: string) =>
    won
      ? `${name} and I have just closed a deal (${won}), and it started with your referral.`
      : `${name} and I have just closed a deal, and it started with your referral.`,
  referralMet: (name: string) => `${name} and I have met and are talking about working together.`,
  referralIntroduced: (name: string) => `Thank you as well for introducing me to ${name}.`,
  intro: 'Thank you for the introduction — it opened a door I could not have opened on my own.',
  advice: 'Thank you for your advice — I took it to heart, and it changed how I went about it.',
  meeting: 'Thank you for making the time to meet with me.',
  won: (won: string) =>
    won
      ? `Thank you for your trust — we closed the deal (${won}), and I am glad to be working with you.`
      : 'Thank you for your trust — we closed the deal, and I am glad to be working with you.',
  generic:
    'I wanted to say a real thank you for your help. It made a difference, and I appreciate you taking the time.',
  difference: 'It made a real difference, and I appreciate you taking the time.',
};

const DE: typeof EN = {
  and: 'und',
  at: 'bei',
  referral: (names) => `Vielen Dank, dass Sie mich an ${names} weiterempfohlen haben.`,
  aReferral: 'Vielen Dank für Ihre Empfehlung.',
  referralWon: (name, won) =>
    won
      ? `${name} und ich haben gerade einen Abschluss gemacht (${won}) – angefangen hat es mit Ihrer Empfehlung.`
      : `${name} und ich haben gerade einen Abschluss gemacht – angefangen hat es mit Ihrer Empfehlung.`,
  referralMet: (name) => `${name} und ich haben uns getroffen und sprechen über eine Zusammenarbeit.`,
  referralIntroduced: (name) => `Danke auch für die Vorstellung bei ${name}.`,
  intro: 'Vielen Dank für die Vorstellung – sie hat mir eine Tür geöffnet, die ich allein nicht hätte öffnen können.',
  advice: 'Vielen Dank für Ihren Rat – ich habe ihn mir zu Herzen genommen, und er hat mein Vorgehen verändert.',
  meeting: 'Vielen Dank, dass Sie sich Zeit für ein Treffen genommen haben.',
  won: (won) =>
    won
      ? `Vielen Dank für Ihr Vertrauen – wir haben den Auftrag abgeschlossen (${won}), und ich freue mich auf die Zusammenarbeit.`
      : 'Vielen Dank für Ihr Vertrauen – wir haben den Auftrag abgeschlossen, und ich freue mich auf die Zusammenarbeit.',
  generic:
    'ich möchte mich herzlich für Ihre Hilfe bedanken. Sie hat etwas bewirkt, und ich weiß es sehr zu schätzen, dass Sie sich die Zeit genommen haben.',
  difference:
    'Das hat wirklich etwas bewirkt, und ich weiß es sehr zu schätzen, dass Sie sich die Zeit genommen haben.',
};

export const NOTE_WORDS: Record<NoteLocale, typeof EN> = { en: EN, de: DE };

/**
 * The sentences that name each help, in order: referrals first (with how each went), then the
 * introduction, the advice, a meeting, a win. Each kind once, however often it was recorded.
 */
export function helpSentences(helps: readonly HelpFact[], locale: NoteLocale): string[] {
  const w = NOTE_WORDS[locale];
  const sentences: string[] = [];
  const referred = helps.flatMap((help) => (help.outcome === 'helped-referral' ? (help.referred ?? []) : []));
  if (referred.length > 0) {
    sentences.push(
      w.referral(
        list(
          referred.map((fact) => who(fact, w.at)),
          w.and,
        ),
      ),
    );
    for (const fact of referred) {
      if (fact.stage === 'won') sentences.push(w.referralWon(fact.fullName, fact.won ?? ''));
      else if (fact.stage === 'deal') sentences.push(w.referralMet(fact.fullName));
      else if (fact.introduced) sentences.push(w.referralIntroduced(fact.fullName));
    }
  } else if (helps.some((help) => help.outcome === 'helped-referral')) {
    sentences.push(w.aReferral);
  }
  const has = (outcome: Outcome) => helps.some((help) => help.outcome === outcome);
  if (has('helped-intro')) sentences.push(w.intro);
  if (has('helped-advice')) sentences.push(w.advice);
  if (has('meeting')) sentences.push(w.meeting);
  const win = helps.find((help) => help.outcome === 'won');
  if (win) sentences.push(w.won(win.won ?? ''));
  return sentences;
}

/**
 * Puts the help into a rendered thank-you note. The built-in notes carry one general sentence
 * (`generic`): it is replaced by the named help. A note of the user's own keeps every word and
 * gets the help as its second paragraph, after the greeting.
 */
export function nameTheHelp(note: string, helps: readonly HelpFact[], locale: NoteLocale): string {
  const sentences = helpSentences(helps, locale);
  if (sentences.length === 0) return note;
  const named = sentences.join(' ');
  for (const words of [NOTE_WORDS[locale], NOTE_WORDS[locale === 'en' ? 'de' : 'en']]) {
    if (!note.includes(words.generic)) continue;
    return note.replace(words.generic, `${named} ${words.difference}`);
  }
  const [greeting, ...rest] = note.split('\n\n');
  return rest.length > 0 ? [greeting, named, ...rest].join('\n\n') : `${note}\n\n${named}`;
}
