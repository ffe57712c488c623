import { describe, expect, it } from 'vitest';
import {
  asksPerDay,
  asksPerWeek,
  closedBySource,
  comparePace,
  funnels,
  weekStartOf,
  weeksWithoutProspecting,
} from '../../../src/shared/analytics.ts';
import { managerBrief, valuePerAskOf } from '../../../src/shared/brief.ts';
import type { Outcome, Outreach, OutreachKind, Relationship } from '../../../src/shared/model.ts';

/** Local time on a date, so the tests hold in any time zone. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00`).getTime();

function ask(
  date: string,
  kind: OutreachKind,
  outcome?: Outcome,
  extra: Partial<Outreach> = {},
): Pick<Outreach, 'kind' | 'createdAt' | 'outcome' | 'contactId' | 'wonAmount' | 'outcomeAt'> {
  return { kind, createdAt: at(date), outcome, contactId: extra.contactId ?? 'c1', ...extra };
}

const RELATIONSHIP: Record<string, Relationship> = { c1: 'customer', c2: 'friend' };
const relationshipOf = (id: string) => RELATIONSHIP[id];
const NOV = { from: '2026-11-02', to: '2026-11-29' }; // four weeks, Monday to Sunday

const records = [
  ask('2026-11-02', 'referral-ask', 'won', { wonAmount: 10_000, outcomeAt: at('2026-11-05') }),
  ask('2026-11-02', 'referral-ask', 'no-reply'),
  ask('2026-11-03', 'referral-ask', 'helped-intro', { contactId: 'c2' }),
  ask('2026-11-03', 'upsell', 'replied'),
  ask('2026-11-03', 'follow-up', 'replied'), // not an ask
  ask('2026-11-04', 'favour-ask', 'won', { contactId: 'c2', wonAmount: 4_000, outcomeAt: at('2026-11-20') }),
  ask('2026-11-04', 'favour-ask', undefined, { contactId: 'c3' }), // no relationship set
  ask('2026-11-25', 'stalled-revival', 'declined'),
  ask('2026-10-30', 'referral-ask', 'won', { wonAmount: 99_000, outcomeAt: at('2026-10-31') }), // before the range
  ask('2026-10-20', 'upsell', 'won', { wonAmount: 2_500, outcomeAt: at('2026-11-10') }), // asked before, won inside
];

describe('analytics', () => {
  it('asks per day cover every day of the range, zeros included', () => {
    const days = asksPerDay(records, NOV);
    expect(days).toHaveLength(28);
    expect(days.slice(0, 4)).toEqual([
      { date: '2026-11-02', asks: 2 },
      { date: '2026-11-03', asks: 2 },
      { date: '2026-11-04', asks: 2 },
      { date: '2026-11-05', asks: 0 },
    ]);
    expect(days.find((d) => d.date === '2026-11-25')).toEqual({ date: '2026-11-25', asks: 1 });
  });

  it('weeks start on Monday; weeks without any ask are named', () => {
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    const days = asksPerDay(records, NOV);
    expect(asksPerWeek(days)).toEqual([
      { weekStart: '2026-11-02', asks: 6 },
      { weekStart: '2026-11-09', asks: 0 },
      { weekStart: '2026-11-16', asks: 0 },
      { weekStart: '2026-11-23', asks: 1 },
    ]);
    expect(weeksWithoutProspecting(days).map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-16']);
  });

  it('funnel per kind and per relationship: asked → replied → helped → won', () => {
    const result = funnels(records, NOV, relationshipOf);
    expect(result.total).toEqual({ key: 'all', asked: 7, replied: 5, helped: 3, won: 2 });
    expect(result.byKind).toEqual(
      [
        { key: 'favour-ask', asked: 2, replied: 1, helped: 1, won: 1 },
        { key: 'referral-ask', asked: 3, replied: 2, helped: 2, won: 1 },
        { key: 'stalled-revival', asked: 1, replied: 1, helped: 0, won: 0 },
        { key: 'upsell', asked: 1, replied: 1, helped: 0, won: 0 },
      ].sort((a, b) => b.asked - a.asked || (a.key < b.key ? -1 : 1)),
    );
    expect(result.byRelationship).toEqual([
      { key: 'customer', asked: 4, replied: 3, helped: 1, won: 1 },
      { key: 'friend', asked: 2, replied: 2, helped: 2, won: 1 },
      { key: 'unset', asked: 1, replied: 0, helped: 0, won: 0 },
    ]);
  });

  it('closed amount by source counts wins recorded in the range', () => {
    expect(closedBySource(records, NOV, relationshipOf)).toEqual({
      won: 16_500,
      deals: 3,
      byKind: [
        { key: 'referral-ask', amount: 10_000, deals: 1 },
        { key: 'favour-ask', amount: 4_000, deals: 1 },
        { key: 'upsell', amount: 2_500, deals: 1 },
      ],
      byRelationship: [
        { key: 'customer', amount: 12_500, deals: 2 },
        { key: 'friend', amount: 4_000, deals: 1 },
      ],
    });
  });

  it('pace achieved over worked days so far against needed and realistic', () => {
    const days = asksPerDay(records, NOV);
    const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00`).getDay());
    expect(comparePace(days, weekday, '2026-11-06', 12, 25)).toEqual({
      workedDaysSoFar: 5,
      asksSoFar: 6,
      achievedPerDay: 1.2,
      neededPerDay: 12,
      realisticPerDay: 25,
    });
    expect(comparePace(days, weekday, '2026-11-01', null, 25).achievedPerDay).toBeNull();
  });
});

describe('manager brief', () => {
  const labels = {
    kind: (key: string) =>
      ({ 'referral-ask': 'Referral ask', 'favour-ask': 'Favour ask', upsell: 'Upsell' })[key] ?? key,
    relationship: (key: string) => ({ customer: 'Customer', friend: 'Friend', unset: 'Not set' })[key] ?? key,
    value: (n: number) => `$${Math.round(n).toLocaleString('en')}`,
  };
  const days = asksPerDay(records, NOV);
  const base = {
    range: NOV,
    funnels: funnels(records, NOV, relationshipOf),
    closed: closedBySource(records, NOV, relationshipOf),
    weeksWithout: weeksWithoutProspecting(days),
    weeks: 4,
    pace: comparePace(days, () => true, '2026-11-29', 40, 25),
    labels,
  };

  it('says plainly what happened and that the gap cannot close at a realistic pace', () => {
    const brief = managerBrief({
      ...base,
      quota: {
        unit: 'amount',
        target: 200_000,
        closed: 66_500,
        baseline: 50_000,
        gap: 133_500,
        workingDaysLeft: 22,
        valuePerAsk: 150,
        beyondRealistic: true,
      },
    });
    expect(brief).toEqual([
      {
        title: 'Activity',
        sentences: [
          'From 2026-11-02 to 2026-11-29 I made 7 asks on 28 working days, 0.3 a working day on average.',
          'Most were referral asks (3 asks).',
        ],
      },
      {
        title: 'Conversion',
        sentences: [
          '5 of 7 asks got an answer (71%), 3 led to help — a referral, an introduction, advice or a meeting — (43%), and 2 to a won deal (29%).',
        ],
      },
      {
        title: 'Where closed revenue came from',
        sentences: [
          'Logged outreach won 3 deals worth $16,500.',
          'By kind of ask: referral asks $10,000 (61%), favour asks $4,000 (24%), upsells $2,500 (15%).',
          'By relationship: customer $12,500, friend $4,000.',
          '$50,000 was closed before I started logging in this tool.',
        ],
      },
      {
        title: 'Weeks without prospecting',
        sentences: [
          'In 2 weeks of the 4 so far I made no ask at all (weeks of 2026-11-09, 2026-11-16). That is where the pipeline dried up.',
        ],
      },
      {
        title: 'Needed vs. realistic pace',
        sentences: [
          '$66,500 of $200,000 is closed; $133,500 remains with 22 working days left.',
          'Closing it needs about 40 asks a working day at my own conversion; a realistic pace is 25 asks a day, and I have averaged 0.3.',
          'At a realistic pace I expect to reach about $149,000 (75% of the target) by the end of the period. I would like to agree on a realistic target, or on what help would change that.',
        ],
      },
    ]);
  });

  it('without a quota or asks it says so instead of inventing numbers', () => {
    const empty = managerBrief({
      ...base,
      funnels: funnels([], NOV, relationshipOf),
      closed: closedBySource([], NOV, relationshipOf),
      weeksWithout: [],
    });
    expect(empty.find((s) => s.title === 'Conversion')?.sentences).toEqual([
      'No ask was made in this period, so there is no conversion to report.',
    ]);
    expect(empty.find((s) => s.title === 'Where closed revenue came from')?.sentences).toEqual([
      'No won deal was logged in this period.',
    ]);
    expect(empty.find((s) => s.title === 'Needed vs. realistic pace')?.sentences).toEqual([
      'No quota is set, so there is no required pace to compare with.',
    ]);
    expect(empty.find((s) => s.title === 'Weeks without prospecting')?.sentences).toEqual([
      'I prospected in every one of the 4 weeks so far.',
    ]);
  });

  it('blended value of one ask comes from the plan', () => {
    expect(valuePerAskOf({ valuePerDay: 6000, asksPlannedToday: 40 })).toBe(150);
    expect(valuePerAskOf({ valuePerDay: null, asksPlannedToday: null })).toBeNull();
  });
});
