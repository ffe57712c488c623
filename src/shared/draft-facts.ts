/**
 * What the book knows about a person, as placeholder values for a draft: the role and company the
 * page shows, what a customer bought and the result, a stalled deal's last next step and the
 * question about what stands in its way, the favour last given. Pure: the caller reads the stores.
 */
import type { Deal, ImpedimentKind } from './deals.ts';
import type { Contact, Favour } from './model.ts';
import type { PlaceholderValues } from './template.ts';

export interface BookFacts {
  /** As the page shows them now (a LinkedIn headline and company), else as the book has them. */
  headline?: string | undefined;
  company?: string | undefined;
  contact?: Contact | undefined;
  /** The deals this contact is on. */
  deals: readonly Deal[];
  /** Favours the user gave this contact. */
  favours: readonly Favour[];
}

/** A headline's role, at most this long: a longer first part is a slogan, not a title. */
const ROLE_MAX = 60;

/**
 * The role in a headline: the part before " at ", " @ ", " bei ", a "|" or a "·"
 * ("VP Operations at Northwind | Speaker" → "VP Operations").
 */
export function roleOf(headline: string | undefined): string | undefined {
  const first = headline
    ?.split(/\s+(?:at|@|bei|chez)\s+|\s*[|·•]\s*|,\s+/i)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  return first && first.length <= ROLE_MAX ? first : undefined;
}

/** The company a headline names after " at " / " bei " / " @ ", when the page gave none. */
export function companyOf(headline: string | undefined): string | undefined {
  const match = headline?.match(/\s(?:at|@|bei)\s+([^|·•,]+)/i);
  return match?.[1]?.trim() || undefined;
}

/**
 * The result a customer got, as the user noted it: a notes line starting "Result:" (German
 * "Ergebnis:"), e.g. "Result: onboarding time down from 6 weeks to 2".
 */
export function resultFromNotes(notes: string | undefined): string | undefined {
  const match = notes?.match(/^\s*(?:result|outcome|ergebnis)\s*:\s*(.+?)\s*$/im);
  return match?.[1]?.replace(/[.。]+$/, '') || undefined;
}

/** The question about what stands in a stalled deal's way, per impediment learned, en and de. */
const IMPEDIMENT_QUESTIONS: Record<'en' | 'de', Record<ImpedimentKind, string>> = {
  en: {
    budget:
      'When we last spoke, budget was what stood in the way. Is that still so, or has something changed — and would a smaller first step help?',
    timing: 'When we last spoke, the timing was not right. Is it still too early, or has something moved since?',
    'decision-maker':
      'When we last spoke, someone else still had to be convinced. Would it help if I prepared something for them, or joined a short call?',
    competitor:
      'When we last spoke, you were also looking at another option. Is there a question about ours that is still open?',
    'no-clear-need':
      'When we last spoke, it was not clear this solved a pressing problem. Is that still how you see it? A plain "no" is a fine answer.',
    unknown:
      'Could you tell me honestly what is in the way right now — timing, budget, a missing piece, or something else?',
  },
  de: {
    budget:
      'Bei unserem letzten Gespräch stand das Budget im Weg. Ist das noch so, oder hat sich etwas geändert – und würde ein kleinerer erster Schritt helfen?',
    timing:
      'Bei unserem letzten Gespräch passte der Zeitpunkt nicht. Ist es noch zu früh, oder hat sich inzwischen etwas bewegt?',
    'decision-maker':
      'Bei unserem letzten Gespräch musste noch jemand anderes überzeugt werden. Würde es helfen, wenn ich dafür etwas vorbereite oder an einem kurzen Gespräch teilnehme?',
    competitor:
      'Bei unserem letzten Gespräch haben Sie auch eine andere Lösung geprüft. Ist zu unserer noch eine Frage offen?',
    'no-clear-need':
      'Bei unserem letzten Gespräch war nicht klar, ob das ein drängendes Problem löst. Sehen Sie das noch so? Ein klares „Nein“ ist eine gute Antwort.',
    unknown:
      'Würden Sie mir ehrlich sagen, was im Moment im Weg steht – Zeitpunkt, Budget, ein fehlendes Teil oder etwas anderes?',
  },
};

function lang(locale: string): 'en' | 'de' {
  return locale.toLowerCase().startsWith('de') ? 'de' : 'en';
}

function latest<T>(items: readonly T[], at: (item: T) => number): T | undefined {
  return [...items].sort((a, b) => at(b) - at(a))[0];
}

/** The facts as placeholder values; a fact the book does not have is left out (its [[…]] section goes). */
export function factsFor(facts: BookFacts, locale: string): PlaceholderValues {
  const won = latest(
    facts.deals.filter((deal) => deal.state === 'won'),
    (deal) => deal.wonAt ?? deal.updatedAt,
  );
  const open = latest(
    facts.deals.filter((deal) => deal.state === 'open'),
    (deal) => deal.lastActivityAt ?? deal.updatedAt,
  );
  const favour = latest(facts.favours, (entry) => entry.at);
  const headline = facts.headline ?? facts.contact?.headline;
  const values: PlaceholderValues = {
    role: roleOf(headline),
    company: facts.company ?? facts.contact?.company ?? companyOf(headline) ?? won?.company ?? open?.company,
    purchase: won?.name,
    result: resultFromNotes(facts.contact?.notes),
    nextStep: open?.nextStep?.replace(/[.。]+$/, ''),
    // A stalled deal always has a question to ask: the learned impediment's, else the open one.
    impedimentQuestion: IMPEDIMENT_QUESTIONS[lang(locale)][open?.impediment?.kind ?? 'unknown'],
    favour: favour?.note.replace(/[.。]+$/, ''),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as PlaceholderValues;
}
