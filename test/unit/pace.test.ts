import { afterEach, describe, expect, it } from 'vitest';
import { effectivePeriod, workedDaysBetween, addWorkedDays, periodContaining } from '../../src/shared/calendar.ts';
import { localDateOf, localDayBounds } from '../../src/shared/dates.ts';
import { DEFAULT_CONVERSION } from '../../src/shared/defaults.ts';
import type { Outreach, Quota } from '../../src/shared/model.ts';
import { computePace, conversionOf, TALLIED_KINDS, tallyOutcomes, type PaceInput } from '../../src/shared/pace.ts';
import { ASK_KINDS } from '../../src/shared/asks.ts';

// November 2026: the 1st is a Sunday, the 23rd a Monday, the 30th a Monday; 21 working days.
const NOVEMBER: Quota = {
  periodKind: 'custom',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  target: 120_000,
  currency: 'EUR',
  closedBaseline: 30_000,
  averageDealSize: 10_000,
};

function input(overrides: Partial<PaceInput> = {}, quota: Partial<Quota> = {}): PaceInput {
  return {
    quota: { ...NOVEMBER, ...quota },
    today: '2026-11-23',
    wonInPeriod: { amount: 5_000, deals: 1 },
    asksToday: { 'referral-ask': 2, upsell: 1, 'favour-ask': 3, 'thank-you': 4 },
    assumptions: DEFAULT_CONVERSION,
    history: {},
    open: [],
    stepCapacity: { customers: 5, stalled: 5 },
    realisticAsksPerDay: 25,
    ...overrides,
  };
}

const TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = TZ;
});

describe('conversionOf (Beta prior)', () => {
  it('is the stated assumption before any outcome is logged', () => {
    expect(conversionOf(0.1, undefined)).toEqual({ assumed: 0.1, asks: 0, wins: 0, rate: 0.1 });
    expect(conversionOf(0.1, { asks: 0, wins: 0 }).rate).toBeCloseTo(0.1, 12);
  });

  it('moves towards the user’s own outcomes: (wins + α) / (asks + α + β)', () => {
    // α = 0.1 × 20 = 2, β = 18: (4 + 2) / (10 + 20) = 0.2
    expect(conversionOf(0.1, { asks: 10, wins: 4 }).rate).toBeCloseTo(0.2, 12);
    // A year of history outweighs the assumption: (300 + 2) / (1000 + 20)
    expect(conversionOf(0.1, { asks: 1000, wins: 300 }).rate).toBeCloseTo(302 / 1020, 12);
    // A bad run pulls it down, never below 0.
    expect(conversionOf(0.1, { asks: 80, wins: 0 }).rate).toBeCloseTo(2 / 100, 12);
  });

  it('clamps nonsense inputs', () => {
    expect(conversionOf(1.5, undefined).rate).toBe(1);
    expect(conversionOf(-1, undefined).rate).toBe(0);
    expect(conversionOf(0.1, { asks: 2, wins: 5 }).wins).toBe(2);
    expect(conversionOf(0.5, undefined, 0).rate).toBe(0);
  });
});

describe('tallyOutcomes', () => {
  it('counts resolved asks and wins per kind, ignoring open asks, follow-ups and thank-yous', () => {
    const records: Pick<Outreach, 'kind' | 'outcome'>[] = [
      { kind: 'referral-ask', outcome: 'won' },
      { kind: 'referral-ask', outcome: 'no-reply' },
      { kind: 'referral-ask' },
      { kind: 'upsell', outcome: 'lost' },
      { kind: 'thank-you', outcome: 'replied' },
      { kind: 'follow-up', outcome: 'won' },
    ];
    expect(tallyOutcomes(records)).toEqual({ 'referral-ask': { asks: 2, wins: 1 }, upsell: { asks: 1, wins: 0 } });
  });

  it('counts exactly the ask kinds', () => {
    expect([...TALLIED_KINDS].sort()).toEqual([...ASK_KINDS].sort());
    const every = TALLIED_KINDS.map((kind) => ({ kind, outcome: 'won' as const }));
    expect(Object.keys(tallyOutcomes(every)).sort()).toEqual([...ASK_KINDS].sort());
  });
});

describe('computePace', () => {
  it('plans today in playbook order: customers, then stalled deals, then networks', () => {
    // closed 35 000, gap 85 000 over 6 working days (Mon 23 – Mon 30) = 14 166.67 a day.
    // customers: 10 000 × 10 % = 1 000 an ask, capped at 5 → 5 000; stalled: 1 200 an ask × 5 → 6 000;
    // networks: 500 an ask, 3 166.67 left → 7 asks.
    const pace = computePace(input());
    expect(pace).toMatchObject({
      unit: 'amount',
      closed: 35_000,
      gap: 85_000,
      state: 'on-the-way',
      workingDaysLeft: 6,
      asksPlannedToday: 17,
      asksMadeToday: 6,
      asksLeftToday: 11,
      beyondRealistic: false,
    });
    expect(pace.valuePerDay).toBeCloseTo(85_000 / 6, 6);
    expect(pace.steps?.map(({ step, kind, planned, made, left }) => ({ step, kind, planned, made, left }))).toEqual([
      { step: 'customers', kind: 'referral-ask', planned: 5, made: 3, left: 2 },
      { step: 'stalled', kind: 'stalled-revival', planned: 5, made: 0, left: 5 },
      { step: 'networks', kind: 'favour-ask', planned: 7, made: 3, left: 4 },
    ]);
    expect(pace.steps?.map((step) => step.valuePerAsk)).toEqual([1_000, 1_200, 500]);
  });

  it('stops at the first step that covers the day', () => {
    const pace = computePace(input({ wonInPeriod: { amount: 80_000, deals: 5 } })); // gap 10 000 → 1 666.67 a day
    expect(pace.steps?.map((step) => step.planned)).toEqual([2, 0, 0]);
    expect(pace.asksLeftToday).toBe(0); // 3 customer asks already made
  });

  it('uses the user’s history once outcomes are logged', () => {
    const pace = computePace(input({ history: { 'referral-ask': { asks: 10, wins: 4 } } }));
    expect(pace.steps?.[0]?.conversion.rate).toBeCloseTo(0.2, 12);
    expect(pace.steps?.[0]?.valuePerAsk).toBeCloseTo(2_000, 6);
  });

  it('reports a closed gap with nothing left to do', () => {
    const pace = computePace(input({ wonInPeriod: { amount: 95_000, deals: 9 } }));
    expect(pace).toMatchObject({ gap: 0, progress: 1, state: 'closed', asksPlannedToday: 0, asksLeftToday: 0 });
    expect(pace.coverage).toBeNull();
    expect(pace.beyondRealistic).toBe(false);
  });

  it('treats a target of 0 as closed', () => {
    const pace = computePace(input({ wonInPeriod: { amount: 0, deals: 0 } }, { target: 0, closedBaseline: 0 }));
    expect(pace).toMatchObject({ gap: 0, progress: 1, state: 'closed', asksLeftToday: 0 });
  });

  it('has no pace once the period is over', () => {
    const pace = computePace(input({ today: '2026-12-01' }));
    expect(pace).toMatchObject({ state: 'period-over', workingDaysLeft: 0, steps: null, asksLeftToday: null });
    expect(pace.valuePerDay).toBeNull();
    expect(pace.beyondRealistic).toBe(false);
  });

  it('says so when no working day is left', () => {
    const pace = computePace(input({ today: '2026-11-28' }, { periodEnd: '2026-11-29' }));
    expect(pace).toMatchObject({ state: 'no-working-day-left', workingDaysLeft: 0, steps: null, workingToday: false });
  });

  it('plans a period that has not started over all its days, not counting today’s asks', () => {
    const pace = computePace(input({ today: '2026-10-28' }));
    expect(pace.state).toBe('not-started');
    expect(pace.workingDaysLeft).toBe(21);
    expect(pace.steps?.every((step) => step.made === 0)).toBe(true);
  });

  it('counts days off and the user’s own working week', () => {
    const daysOff = computePace(input({}, { daysOff: ['2026-11-26', '2026-11-27', '2026-11-28'] }));
    expect(daysOff.workingDaysLeft).toBe(4); // Thu 26 and Fri 27 off; Sat 28 is not a working day anyway
    const sixDays = computePace(input({}, { workingWeekdays: [1, 2, 3, 4, 5, 6] }));
    expect(sixDays.workingDaysLeft).toBe(7);
    const weekendToday = computePace(input({ today: '2026-11-28' }));
    expect(weekendToday.workingToday).toBe(false);
    expect(weekendToday.workingDaysLeft).toBe(1);
  });

  it('works in deals when the target is a number of deals', () => {
    // 12 deals, 3 before, 2 won: gap 7 deals over 6 days; a customer ask is worth 0.1 deal.
    const pace = computePace(
      input({ wonInPeriod: { amount: 5_000, deals: 2 } }, { targetKind: 'deals', target: 12, closedBaseline: 3 }),
    );
    expect(pace).toMatchObject({ unit: 'deals', closed: 5, gap: 7 });
    expect(pace.steps?.[0]?.valuePerAsk).toBeCloseTo(0.1, 12);
    expect(pace.steps?.map((step) => step.planned)).toEqual([5, 5, 2]); // 7/6 = 1.167: 0.5 + 0.6 + 0.1 (2 × 0.05)
  });

  it('warns plainly when the pace is beyond the realistic limit', () => {
    const pace = computePace(input({ today: '2026-11-30' })); // 85 000 in one day
    expect(pace.asksPlannedToday).toBe(5 + 5 + 148); // networks: (85 000 − 11 000) / 500
    expect(pace.beyondRealistic).toBe(true);
    expect(computePace(input({ today: '2026-11-30', realisticAsksPerDay: 200 })).beyondRealistic).toBe(false);
  });

  it('cannot plan when no ask converts, and says the pace is beyond reach', () => {
    const zero = Object.fromEntries(
      Object.keys(DEFAULT_CONVERSION).map((kind) => [kind, 0]),
    ) as typeof DEFAULT_CONVERSION;
    const pace = computePace(input({ assumptions: zero }));
    expect(pace.steps).toBeNull();
    expect(pace.asksLeftToday).toBeNull();
    expect(pace.beyondRealistic).toBe(true);
  });

  it('measures pipeline coverage as open asks × conversion against the gap', () => {
    const pace = computePace(
      input({
        open: [
          { kind: 'referral-ask' }, // 10 000 × 0.1
          { kind: 'stalled-revival', potentialValue: 50_000 }, // 50 000 × 0.12
          { kind: 'thank-you' }, // not an ask
        ],
      }),
    );
    expect(pace.pipelineValue).toBeCloseTo(7_000, 6);
    expect(pace.coverage).toBeCloseTo(7_000 / 85_000, 12);
  });

  it('rolls a monthly quota over to the next month with a fresh baseline', () => {
    const october: Quota = { ...NOVEMBER, periodKind: 'month', periodStart: '2026-10-01', periodEnd: '2026-10-31' };
    const pace = computePace(input({ wonInPeriod: { amount: 0, deals: 0 } }, october));
    expect(pace.period).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(pace.closed).toBe(0);
    expect(pace.gap).toBe(120_000);
    // In the month it was entered for, the baseline counts.
    expect(effectivePeriod(october, '2026-10-15')).toEqual({
      start: '2026-10-01',
      end: '2026-10-31',
      closedBaseline: 30_000,
    });
    expect(effectivePeriod({ ...october, periodKind: 'quarter' }, '2027-01-05')).toEqual({
      start: '2027-01-01',
      end: '2027-03-31',
      closedBaseline: 0,
    });
  });

  it('follows the local date in each time zone, and a DST change does not move a working day', () => {
    const instant = new Date('2026-11-23T23:30:00Z'); // Monday evening in London, Tuesday in Berlin
    process.env.TZ = 'Europe/London';
    const london = computePace(input({ today: localDateOf(instant) }));
    process.env.TZ = 'Europe/Berlin';
    const berlin = computePace(input({ today: localDateOf(instant) }));
    expect([london.workingDaysLeft, berlin.workingDaysLeft]).toEqual([6, 5]);
    process.env.TZ = 'America/New_York';
    expect(localDateOf(instant)).toBe('2026-11-23');
    // Europe's clocks go forward on Sunday 29 March 2026: March still has 22 working days, and the
    // 29th is 23 hours long.
    process.env.TZ = 'Europe/Berlin';
    const march: Quota = { ...NOVEMBER, periodStart: '2026-03-01', periodEnd: '2026-03-31' };
    expect(computePace(input({ today: '2026-03-01' }, march)).workingDaysLeft).toBe(22);
    expect(computePace(input({ today: '2026-03-30' }, march)).workingDaysLeft).toBe(2);
    const { start, end } = localDayBounds('2026-03-29');
    expect(end - start).toBe(23 * 3_600_000);
    // US clocks go back on 1 November 2026: that day is 25 hours long in New York.
    process.env.TZ = 'America/New_York';
    const fallBack = localDayBounds('2026-11-01');
    expect(fallBack.end - fallBack.start).toBe(25 * 3_600_000);
  });
});

describe('calendar', () => {
  it('counts worked days with days off and custom weeks', () => {
    const weekdays = { weekdays: [1, 2, 3, 4, 5], daysOff: [] };
    expect(workedDaysBetween('2026-11-01', '2026-11-30', weekdays)).toBe(21);
    expect(
      workedDaysBetween('2026-11-01', '2026-11-30', { ...weekdays, daysOff: ['2026-11-26', '2026-11-28', 'bad'] }),
    ).toBe(20);
    expect(workedDaysBetween('2026-11-30', '2026-11-01', weekdays)).toBe(0);
    expect(workedDaysBetween('2026-11-01', '2026-11-30', { weekdays: [0, 6], daysOff: [] })).toBe(9);
  });

  it('adds worked days, skipping days off', () => {
    const weekdays = { weekdays: [1, 2, 3, 4, 5], daysOff: ['2026-11-30'] };
    expect(addWorkedDays('2026-11-27', 1, weekdays)).toBe('2026-12-01');
    expect(addWorkedDays('2026-11-27', 3, { weekdays: [1, 2, 3, 4, 5], daysOff: [] })).toBe('2026-12-02');
    expect(addWorkedDays('2026-11-27', 2, { weekdays: [], daysOff: [] })).toBe('2026-11-29');
  });

  it('finds the month and the quarter of a date', () => {
    expect(periodContaining('month', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodContaining('quarter', '2026-11-27')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining('quarter', '2026-01-01')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
  });
});
