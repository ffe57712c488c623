import type { NoteLocale } from './thank-you-note.ts';

/**
 * The next step with a referred lead: ask the referrer for an introduction, double opt-in — the
 * referrer checks with the lead first and forwards a short blurb, so nobody is handed over who did
 * not want to be. Pure text in the user's language; what is unknown is left out, never a `{{…}}`.
 */

export interface IntroFacts {
  referrerFirstName: string;
  leadName: string;
  leadFirstName: string;
  leadCompany?: string | undefined;
  myName: string;
  myCompany?: string | undefined;
  product?: string | undefined;
}

export interface IntroRequest {
  /** To the referrer: would they check with the lead and introduce us. */
  request: string;
  /** A few lines the referrer can forward to the lead as they are. */
  blurb: string;
}

function blurbOf(f: IntroFacts, locale: NoteLocale): string {
  const me = f.myCompany ? `${f.myName} (${f.myCompany})` : f.myName;
  if (locale === 'de') {
    const what = f.product ? ` mit ${f.product}` : '';
    const where = f.leadCompany ? ` wie ${f.leadCompany}` : ' wie Ihres';
    return `${me} unterstützt Teams${where}${what}. Ich dachte, ein kurzes Gespräch könnte für Sie interessant sein. Möchten Sie, dass ich Sie beide miteinander bekannt mache? Ein Nein ist völlig in Ordnung.`;
  }
  const what = f.product ? ` with ${f.product}` : '';
  const where = f.leadCompany ? ` like ${f.leadCompany}` : ' like yours';
  return `${me} helps teams${where}${what}. I thought a short conversation could be useful to you. Would you like me to introduce you? A no is completely fine.`;
}

export function introRequest(f: IntroFacts, locale: NoteLocale): IntroRequest {
  const blurb = blurbOf(f, locale);
  const lead = f.leadCompany ? `${f.leadName} (${f.leadCompany})` : f.leadName;
  const request =
    locale === 'de'
      ? [
          `Hallo ${f.referrerFirstName},`,
          '',
          `nochmals vielen Dank, dass Sie an ${lead} gedacht haben. Würden Sie uns miteinander bekannt machen?`,
          '',
          `Damit es für beide Seiten passt: Könnten Sie ${f.leadFirstName} zuerst fragen, ob ein kurzes Gespräch willkommen ist? Unten stehen ein paar Zeilen, die Sie einfach weiterleiten können. Wenn ${f.leadFirstName} zusagt, genügt eine kurze E-Mail an uns beide – den Rest übernehme ich.`,
          '',
          'Vielen Dank',
          f.myName,
          '',
          '---',
          blurb,
        ].join('\n')
      : [
          `Hi ${f.referrerFirstName},`,
          '',
          `Thank you again for thinking of ${lead}. Would you be willing to introduce us?`,
          '',
          `So that it is welcome on both sides, could you first ask ${f.leadFirstName} whether a short conversation would be useful? Below are a few lines you can forward as they are. If ${f.leadFirstName} says yes, a short email to both of us is perfect — I will take it from there.`,
          '',
          'Thank you,',
          f.myName,
          '',
          '---',
          blurb,
        ].join('\n');
  return { request, blurb };
}
