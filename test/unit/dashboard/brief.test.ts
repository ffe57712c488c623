import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  asksPerDay,
  closedBySource,
  comparePace,
  funnels,
  weeksWithoutProspecting,
} from '../../../src/shared/analytics.ts';
import { managerBrief, valuePerAskOf, type BriefInput } from '../../../src/shared/brief.ts';
import { language } from '../i18n-fake.ts';
import { NOV, records, relationshipOf } from './book-fixture.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../i18n-fake.ts')).fakeI18n } }));

const { briefText } = await import('../../../src/options/dashboard/brief-text.ts');

const days = asksPerDay(records, NOV);
const base: BriefInput = {
  range: NOV,
  funnels: funnels(records, NOV, relationshipOf),
  closed: closedBySource(records, NOV, relationshipOf),
  weeksWithout: weeksWithoutProspecting(days),
  weeks: 4,
  pace: comparePace(days, () => true, '2026-11-29', 40, 25),
  keepable: null,
};
const quota: NonNullable<BriefInput['quota']> = {
  unit: 'amount',
  target: 200_000,
  closed: 66_500,
  baseline: 50_000,
  gap: 133_500,
  workingDaysLeft: 22,
  valuePerAsk: 150,
};
/** The user's own figure: 12 asks a day. */
const twelve = { source: 'answer', perDay: 12 } as const;
const empty: BriefInput = {
  ...base,
  funnels: funnels([], NOV, relationshipOf),
  closed: closedBySource([], NOV, relationshipOf),
  weeksWithout: [],
  pace: comparePace(asksPerDay([], NOV), () => true, '2026-11-29', null, 25),
};

/** What the options page passes: labels in the UI language, amounts through Intl. */
function words(labels: { kind: Record<string, string>; relationship: Record<string, string> }) {
  const money = (n: number) =>
    new Intl.NumberFormat(language.current, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);
  return {
    kind: (key: string) => labels.kind[key] ?? key,
    relationship: (key: string) => labels.relationship[key] ?? key,
    value: money,
    money,
  };
}
const ENGLISH = words({
  kind: { 'referral-ask': 'Referral ask', 'favour-ask': 'Favour ask', upsell: 'Upsell' },
  relationship: { customer: 'Customer', friend: 'Friend' },
});
const GERMAN = words({
  kind: { 'referral-ask': 'Empfehlungsanfrage', 'favour-ask': 'Bitte um Gefallen', upsell: 'Upsell' },
  relationship: { customer: 'Kunde', friend: 'Freund' },
});

afterEach(() => {
  language.current = 'en-US';
});

describe('manager brief: the facts', () => {
  it('states what the log supports, in numbers and keys, no words', () => {
    expect(managerBrief({ ...base, quota })).toEqual([
      {
        id: 'activity',
        facts: [
          {
            id: 'activity',
            from: '2026-11-02',
            to: '2026-11-29',
            asks: 7,
            workedDays: 28,
            perDay: 0.3,
            sinceFirstUse: false,
          },
          { id: 'top-kind', kind: 'referral-ask', asks: 3 },
        ],
      },
      { id: 'conversion', facts: [{ id: 'conversion', asked: 7, replied: 5, helped: 3, won: 2 }] },
      {
        id: 'revenue',
        facts: [
          { id: 'won', deals: 3, won: 16_500 },
          {
            id: 'won-by-kind',
            parts: [
              { kind: 'referral-ask', amount: 10_000, share: 10_000 / 16_500 },
              { kind: 'favour-ask', amount: 4_000, share: 4_000 / 16_500 },
              { kind: 'upsell', amount: 2_500, share: 2_500 / 16_500 },
            ],
          },
          {
            id: 'won-by-relationship',
            parts: [
              { relationship: 'customer', amount: 12_500 },
              { relationship: 'friend', amount: 4_000 },
            ],
          },
          { id: 'closed-before-logging', value: 50_000 },
        ],
      },
      {
        id: 'weeks',
        facts: [{ id: 'weeks-without', without: 2, weeks: 4, weekStarts: ['2026-11-09', '2026-11-16'] }],
      },
      {
        id: 'pace',
        facts: [
          { id: 'gap', closed: 66_500, target: 200_000, gap: 133_500, workingDaysLeft: 22 },
          { id: 'needed-pace', needed: 40, achieved: 0.3 },
          { id: 'keepable-unknown', minDays: 5 },
        ],
      },
    ]);
  });

  it('without a quota or asks it says so instead of inventing numbers', () => {
    const facts = Object.fromEntries(managerBrief(empty).map((section) => [section.id, section.facts]));
    expect(facts.conversion).toEqual([{ id: 'no-asks' }]);
    expect(facts.revenue).toEqual([{ id: 'no-wins' }]);
    expect(facts.pace).toEqual([{ id: 'no-quota' }]);
    expect(facts.weeks).toEqual([{ id: 'every-week', weeks: 4 }]);
  });

  it('a reached target, an unknown value per ask, a pace beyond and within reach of the one the user keeps', () => {
    const pace = (q: Partial<NonNullable<BriefInput['quota']>>, input: Partial<BriefInput> = { keepable: twelve }) =>
      managerBrief({ ...base, ...input, quota: { ...quota, ...q } }).find((section) => section.id === 'pace')?.facts;
    expect(pace({ gap: 0, closed: 200_000 })).toEqual([{ id: 'target-reached', target: 200_000, closed: 200_000 }]);
    expect(pace({ valuePerAsk: null })?.slice(2)).toEqual([
      { id: 'keepable-answer', perDay: 12 },
      { id: 'reach-unknown' },
      { id: 'beyond-keepable', perDay: 12, needed: 40 },
    ]);
    // 66,500 closed + 12 a day × 22 days × $150 = $106,100 of $200,000.
    expect(pace({})?.slice(3)).toEqual([
      { id: 'reach', perDay: 12, workingDaysLeft: 22, reach: 106_100, share: 0.5305, short: 93_900 },
      { id: 'beyond-keepable', perDay: 12, needed: 40 },
    ]);
    const within = pace({}, { keepable: { source: 'answer', perDay: 45 } });
    expect(within?.at(-1)).toEqual({ id: 'within-reach', perDay: 45, needed: 40 });
    expect(within?.at(-2)).toMatchObject({ id: 'reach', short: 0 });
  });

  it('never measures against an unset default: without a pace of the user\'s own, no reach and no "within reach"', () => {
    const facts = managerBrief({ ...base, keepable: null, quota }).find((section) => section.id === 'pace')?.facts;
    const ids = facts?.map((fact) => fact.id);
    expect(ids).toContain('keepable-unknown');
    expect(ids).not.toContain('within-reach');
    expect(ids).not.toContain('reach');
    // The realistic-pace setting (25 by default) is nowhere in the facts.
    expect(JSON.stringify(facts)).not.toContain('25');
  });

  it('blended value of one ask comes from the plan', () => {
    expect(valuePerAskOf({ valuePerDay: 6000, asksPlannedToday: 40 })).toBe(150);
    expect(valuePerAskOf({ valuePerDay: null, asksPlannedToday: null })).toBeNull();
  });
});

describe('manager brief: the words', () => {
  it('says plainly in English what happened and that the gap cannot close at the pace I can keep', () => {
    expect(briefText(managerBrief({ ...base, keepable: twelve, quota }), ENGLISH)).toEqual([
      {
        id: 'activity',
        title: 'Activity',
        sentences: [
          'From November 2, 2026 to November 29, 2026 I made 7 asks on 28 working days, 0.3 a working day on average.',
          'My most frequent kind of ask was “Referral ask” (3 asks).',
        ],
      },
      {
        id: 'conversion',
        title: 'Conversion',
        sentences: [
          '5 of 7 asks got an answer (71%), 3 led to help — a referral, an introduction, advice or a meeting — (43%), and 2 to a won deal (29%).',
        ],
      },
      {
        id: 'revenue',
        title: 'Where closed revenue came from',
        sentences: [
          'Logged outreach won 3 deals worth $16,500.',
          'By kind of ask: Referral ask $10,000 (61%), Favour ask $4,000 (24%), and Upsell $2,500 (15%).',
          'By relationship: Customer $12,500 and Friend $4,000.',
          'Closed before I started logging in this tool: $50,000.',
        ],
      },
      {
        id: 'weeks',
        title: 'Weeks without prospecting',
        sentences: [
          'I made no ask at all in 2 of the 4 weeks so far (weeks of Nov 9 and Nov 16). That is where the pipeline dried up.',
        ],
      },
      {
        id: 'pace',
        title: 'Needed pace and a pace I can keep',
        sentences: [
          'Closed so far: $66,500 of $200,000. Still open: $133,500, with 22 working days left.',
          'Closing the gap needs about 40 asks a working day at my own conversion; so far I have averaged 0.3.',
          'A pace I can keep up: 12 asks a working day (my own figure).',
          'At 12 asks a day over the 22 working days left I reach about $106,100 by the deadline (53% of the target), leaving $93,900 open.',
          'The gap needs 40 a day, more than the 12 I can keep up: the help I ask for below is what would change that.',
        ],
      },
    ]);
  });

  it('says the same in German, with German numbers, dates, money and plurals', () => {
    language.current = 'de-DE';
    const text = briefText(managerBrief({ ...base, keepable: twelve, quota }), GERMAN);
    // Intl's German money puts a no-break space before the currency sign.
    const sentences = text.flatMap((section) => section.sentences).map((s) => s.replaceAll('\u00a0', ' '));
    expect(text.map((section) => section.title)).toEqual([
      'Aktivität',
      'Umwandlungsrate',
      'Woher der abgeschlossene Umsatz kam',
      'Wochen ohne Akquise',
      'Nötiges und durchhaltbares Tempo',
    ]);
    expect(sentences).toEqual([
      'Vom 2. November 2026 bis 29. November 2026 habe ich an 28 Arbeitstagen 7 Anfragen gestellt, im Schnitt 0,3 pro Arbeitstag.',
      'Meine häufigste Art von Anfrage war „Empfehlungsanfrage“ (3 Anfragen).',
      'Eine Antwort bekam ich auf 5 von 7 Anfragen (71 %), Hilfe – eine Empfehlung, eine Vorstellung, einen Rat oder einen Termin – bei 3 (43 %) und einen gewonnenen Abschluss bei 2 (29 %).',
      'Die erfassten Kontaktaufnahmen brachten 3 Abschlüsse im Wert von 16.500 $.',
      'Nach Art der Anfrage: Empfehlungsanfrage 10.000 $ (61 %), Bitte um Gefallen 4.000 $ (24 %) und Upsell 2.500 $ (15 %).',
      'Nach Beziehung: Kunde 12.500 $ und Freund 4.000 $.',
      'Schon abgeschlossen, bevor ich mit dem Erfassen in diesem Werkzeug begann: 50.000 $.',
      'In 2 der bisher 4 Wochen habe ich keine einzige Anfrage gestellt (Wochen ab dem 9. Nov. und 16. Nov.). Dort ist die Pipeline ausgetrocknet.',
      'Bisher abgeschlossen: 66.500 $ von 200.000 $. Noch offen: 133.500 $, bei 22 verbleibenden Arbeitstagen.',
      'Um die Lücke zu schließen, braucht es bei meiner eigenen Umwandlungsrate etwa 40 Anfragen pro Arbeitstag; mein Schnitt bisher liegt bei 0,3.',
      'Ein Tempo, das ich durchhalten kann: 12 Anfragen pro Arbeitstag (meine eigene Angabe).',
      'Mit 12 Anfragen pro Tag über die verbleibenden 22 Arbeitstage erreiche ich bis zum Stichtag etwa 106.100 $ (53 % des Ziels); offen bleiben 93.900 $.',
      'Die Lücke braucht 40 pro Tag, mehr als die 12, die ich durchhalten kann: Die Hilfe, um die ich unten bitte, würde daran etwas ändern.',
    ]);
  });

  it('chooses the singular for one, in both languages', () => {
    const single: BriefInput = {
      ...base,
      funnels: funnels([records[0] as never], NOV, relationshipOf),
      closed: closedBySource([records[0] as never], NOV, relationshipOf),
      weeksWithout: [{ weekStart: '2026-11-02', asks: 0 }],
      weeks: 1,
      pace: { workedDaysSoFar: 1, asksSoFar: 1, achievedPerDay: 1, neededPerDay: 1, realisticPerDay: 1 },
      keepable: { source: 'answer', perDay: 1 },
      quota: { ...quota, workingDaysLeft: 1 },
    };
    const english = briefText(managerBrief(single), ENGLISH).flatMap((section) => section.sentences);
    expect(english).toEqual(
      expect.arrayContaining([
        'From November 2, 2026 to November 29, 2026 I made 1 ask on 1 working day, 1 a working day on average.',
        '1 of 1 ask got an answer (100%), 1 led to help — a referral, an introduction, advice or a meeting — (100%), and 1 to a won deal (100%).',
        'Logged outreach won 1 deal worth $10,000.',
        'I made no ask at all in 1 of the 1 week so far (week of Nov 2). That is where the pipeline dried up.',
        'Closed so far: $66,500 of $200,000. Still open: $133,500, with 1 working day left.',
        'Closing the gap needs about 1 ask a working day at my own conversion; so far I have averaged 1.',
        'A pace I can keep up: 1 ask a working day (my own figure).',
      ]),
    );
    language.current = 'de-DE';
    const german = briefText(managerBrief(single), GERMAN)
      .flatMap((section) => section.sentences)
      .map((s) => s.replaceAll('\u00a0', ' '));
    expect(german).toEqual(
      expect.arrayContaining([
        'Vom 2. November 2026 bis 29. November 2026 habe ich an 1 Arbeitstag 1 Anfrage gestellt, im Schnitt 1 pro Arbeitstag.',
        'Die erfassten Kontaktaufnahmen brachten 1 Abschluss im Wert von 10.000 $.',
        'In 1 der bisher 1 Woche habe ich keine einzige Anfrage gestellt (Woche ab dem 2. Nov.). Dort ist die Pipeline ausgetrocknet.',
        'Bisher abgeschlossen: 66.500 $ von 200.000 $. Noch offen: 133.500 $, bei 1 verbleibenden Arbeitstag.',
      ]),
    );
    expect(briefText(managerBrief({ ...empty, weeks: 1 }), GERMAN)[3]?.sentences).toEqual([
      'In der bisher einzigen Woche habe ich Akquise betrieben.',
    ]);
  });

  it('without a quota or asks, in English and German', () => {
    const english = briefText(managerBrief(empty), ENGLISH).flatMap((section) => section.sentences);
    expect(english.slice(1)).toEqual([
      'No ask was made in this period, so there is no conversion to report.',
      'No won deal was logged in this period.',
      'I prospected in every one of the 4 weeks so far.',
      'No quota is set, so there is no required pace to compare with.',
    ]);
    language.current = 'de-DE';
    const german = briefText(managerBrief(empty), GERMAN).flatMap((section) => section.sentences);
    expect(german).toEqual([
      'Vom 2. November 2026 bis 29. November 2026 habe ich an 28 Arbeitstagen 0 Anfragen gestellt, im Schnitt 0 pro Arbeitstag.',
      'In diesem Zeitraum wurde keine Anfrage gestellt, daher gibt es keine Umwandlungsrate zu berichten.',
      'In diesem Zeitraum wurde kein gewonnener Abschluss erfasst.',
      'Ich habe in jeder der bisher 4 Wochen Akquise betrieben.',
      'Es ist keine Quote festgelegt, daher gibt es kein nötiges Tempo zum Vergleich.',
    ]);
  });
});
