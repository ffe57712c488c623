import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { calendarOf, workedDaysBetween } from '../../src/shared/calendar.ts';
import { DEFAULT_CONVERSION } from '../../src/shared/defaults.ts';
import type { Deal } from '../../src/shared/deals.ts';
import type { Quota } from '../../src/shared/model.ts';
import { computePace, type PaceInput } from '../../src/shared/pace.ts';
import { countryOfLocale, HOLIDAY_COUNTRIES } from '../../src/shared/plan/countries.ts';
import { holidaysBetween, withHolidays } from '../../src/shared/plan/holidays.ts';
import { dealInsideChance, planFacts } from '../../src/shared/plan/pipeline.ts';
import { stageProbability, UNKNOWN_STAGE_PROBABILITY } from '../../src/shared/plan/stages.ts';
import { holidaysStale } from '../../src/shared/plan/stale.ts';
import { closeInsideChance, daysToClose, salesCycleOf } from '../../src/shared/plan/timing.ts';

// The user: $110,000 behind on a $240,000 quarter (Q4 2026) with four weeks left.
const Q4: Quota = {
  periodKind: 'quarter',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  target: 240_000,
  currency: 'USD',
  closedBaseline: 130_000,
  averageDealSize: 12_000,
};
const DAY = 86_400_000;

function input(overrides: Partial<PaceInput> = {}, quota: Partial<Quota> = {}): PaceInput {
  return {
    quota: { ...Q4, ...quota },
    today: '2026-12-03',
    wonInPeriod: { amount: 0, deals: 0 },
    asksToday: {},
    assumptions: DEFAULT_CONVERSION,
    history: {},
    open: [],
    stepCapacity: { customers: 5, stalled: 5 },
    realisticAsksPerDay: 25,
    timing: { cycle: { days: 60, source: 'stated' } },
    ...overrides,
  };
}

function deal(fields: Partial<Deal>): Deal {
  return {
    id: 'd',
    name: 'Deal',
    state: 'open',
    contactIds: [],
    source: 'manual',
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  };
}

describe('stage probabilities', () => {
  it('reads the stages HubSpot, Salesforce and Pipedrive ship with, in English and German', () => {
    const cases: [string, number][] = [
      ['Appointment Scheduled', 0.2],
      ['Qualified To Buy', 0.4],
      ['Presentation Scheduled', 0.5],
      ['Decision Maker Bought-In', 0.7],
      ['Contract Sent', 0.9],
      ['Closed Won', 1],
      ['Closed Lost', 0],
      ['Prospecting', 0.1],
      ['Needs Analysis', 0.4],
      ['Proposal/Price Quote', 0.6],
      ['Negotiation/Review', 0.8],
      ['Proposal Made', 0.6],
      ['Negotiations Started', 0.8],
      ['Termin vereinbart', 0.2],
      ['Bedarfsanalyse', 0.4],
      ['Angebot versendet', 0.6],
      ['Verhandlung', 0.8],
      ['Vertrag versendet', 0.9],
      ['Gewonnen', 1],
    ];
    for (const [stage, probability] of cases)
      expect([stage, stageProbability(stage)]).toEqual([stage, { probability, known: true }]);
  });

  it('counts an unknown or missing stage at the stated default', () => {
    expect(UNKNOWN_STAGE_PROBABILITY).toBe(0.2);
    expect(stageProbability('Stage 7 (custom)')).toEqual({ probability: 0.2, known: false });
    expect(stageProbability(undefined)).toEqual({ probability: 0.2, known: false });
  });
});

describe('time to close', () => {
  it('spreads a deal expected in D days over ½D…1½D', () => {
    expect(closeInsideChance(28, 60)).toBe(0); // a new lead cannot close in four weeks
    expect(closeInsideChance(60, 60)).toBe(0.5);
    expect(closeInsideChance(90, 60)).toBe(1);
    expect(closeInsideChance(28, 20)).toBeCloseTo(0.9);
    expect(closeInsideChance(-1, 20)).toBe(0);
  });

  it('gives an upsell a third of the cycle and a referral the whole of it', () => {
    expect(daysToClose('referral-ask', 60)).toBe(60);
    expect(daysToClose('upsell', 60)).toBe(20);
    expect(daysToClose('upsell', 3)).toBe(3);
  });

  it('learns the cycle from five won deals (median creation → win), else takes the stated one', () => {
    const won = [10, 20, 30, 40, 50].map((days) => ({ createdAt: 0, wonAt: days * DAY }));
    expect(salesCycleOf(45, won)).toEqual({ days: 30, source: 'learned', deals: 5 });
    expect(salesCycleOf(45, won.slice(0, 4))).toEqual({ days: 45, source: 'stated' });
    expect(salesCycleOf(undefined, [])).toEqual({ days: 60, source: 'default' });
    // Imported already won (won before it was created here): no evidence of the cycle.
    expect(salesCycleOf(45, [...won.slice(0, 4), { createdAt: 10 * DAY, wonAt: 5 * DAY }]).source).toBe('stated');
  });
});

describe('the deadline-aware plan', () => {
  it('values a referral by the chance it closes inside the period and shows what it seeds', () => {
    const early = computePace(input({ today: '2026-10-05' })); // 87 days left of a 60-day cycle
    const customers = early.steps?.find((step) => step.step === 'customers');
    expect(customers?.kind).toBe('referral-ask');
    expect(customers?.insideChance).toBeCloseTo((87 - 30) / 60);
    expect(customers?.valuePerAsk).toBeCloseTo(12_000 * 0.1 * ((87 - 30) / 60));
    expect(customers?.seedsPerAsk).toBeCloseTo(12_000 * 0.1 * (1 - (87 - 30) / 60));
    expect(early.nearDeadline).toBe(false);
    expect(early.steps?.map((step) => step.step)).toEqual(['customers', 'stalled', 'networks']);
  });

  it('near the deadline leads with what can still close: stalled deals, then upsells, saying why', () => {
    const pace = computePace(input());
    expect(pace.daysToDeadline).toBe(28);
    expect(pace.nearDeadline).toBe(true);
    expect(pace.steps?.map((step) => step.step)).toEqual(['stalled', 'customers', 'networks']);
    const customers = pace.steps?.find((step) => step.step === 'customers');
    expect(customers?.kind).toBe('upsell');
    expect(customers?.insideChance).toBeCloseTo((28 - 10) / 20);
    // A network ask is a new lead: nothing of it closes by the 31st; it all seeds next quarter.
    const networks = pace.steps?.find((step) => step.step === 'networks');
    expect(networks?.valuePerAsk).toBe(0);
    expect(networks?.seedsPerAsk).toBeCloseTo(12_000 * 0.05);
    expect(pace.shortToday).toBe(0); // five stalled revivals and five upsells cover $5,238 a day
    // With nothing closed yet ($240,000 in 21 days) new asks cannot make up the rest in time.
    const behind = computePace(input({}, { closedBaseline: 0 }));
    expect(behind.shortToday).toBeCloseTo(240_000 / 21 - 5 * 12_000 * 0.12 * (13 / 30) - 5 * 12_000 * 0.15 * 0.9);
    expect(behind.beyondRealistic).toBe(true);
  });

  it('values a stalled revival by the stalled deals’ own close dates and stages', () => {
    const facts = {
      deals: { count: 0, inside: 0, next: 0, unknownStages: 0 },
      stalled: { count: 2, insideValue: 20_000, nextValue: 5_000 },
    };
    const pace = computePace(input({ timing: { cycle: { days: 60, source: 'stated' }, facts } }));
    const stalled = pace.steps?.find((step) => step.step === 'stalled');
    expect(stalled?.valuePerAsk).toBeCloseTo(20_000 * 0.12);
    expect(stalled?.seedsPerAsk).toBeCloseTo(5_000 * 0.12);
    expect(stalled?.insideChance).toBeCloseTo(0.8);
  });

  it('coverage = open deals × stage probability + open asks × conversion, inside the period, against the gap', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    const deals = [
      deal({ id: 'a', amount: 50_000, stage: 'Negotiation', closeDate: '2026-12-20' }), // 0.8 × 50k inside
      deal({ id: 'b', amount: 40_000, stage: 'Proposal', closeDate: '2027-02-01' }), // 0.6 × 40k next quarter
      deal({ id: 'c', amount: 10_000, stage: 'Mystery', closeDate: '2026-12-15' }), // unknown: 0.2
      deal({ id: 'd', amount: 99_000, state: 'won', wonAt: now }),
    ];
    const facts = planFacts({
      now,
      today: '2026-12-03',
      periodEnd: '2026-12-31',
      unit: 'amount',
      currency: 'USD',
      averageDealSize: 12_000,
      statedCycleDays: 60,
      deals,
    });
    expect(facts.deals).toEqual({ count: 3, inside: 40_000 + 2_000, next: 24_000, unknownStages: 1 });
    const pace = computePace(
      input({
        timing: { cycle: facts.cycle, facts },
        open: [
          { kind: 'upsell', potentialValue: 10_000, sentOn: '2026-12-01' }, // 20-day cycle, 30 days: 1
          { kind: 'referral-ask', sentOn: '2026-12-01' }, // 60-day cycle: 0 inside
        ],
      }),
    );
    expect(pace.pipelineDeals).toBe(42_000);
    expect(pace.pipelineAsks).toBeCloseTo(10_000 * 0.15);
    expect(pace.pipelineNext).toBeCloseTo(24_000 + 12_000 * 0.1);
    expect(pace.coverage).toBeCloseTo((42_000 + 1_500) / 110_000);
    expect(pace.unknownStages).toBe(1);
  });

  it('takes a future close date at its word and gives an overdue deal what its stage leaves of the cycle', () => {
    expect(dealInsideChance({ closeDate: '2026-12-31' }, '2026-12-03', '2026-12-31', 60)).toBe(1);
    expect(dealInsideChance({ closeDate: '2027-01-01' }, '2026-12-03', '2026-12-31', 60)).toBe(0);
    // Overdue in Negotiation: 20 % of 60 days left = 12; 28 days → clamp((28 − 6) / 12) = 1.
    expect(dealInsideChance({ closeDate: '2026-11-01', stage: 'Negotiation' }, '2026-12-03', '2026-12-31', 60)).toBe(1);
    // No close date, early stage: 90 % of 60 = 54 days; 28 days → (28 − 27) / 54.
    expect(dealInsideChance({ stage: 'Prospecting' }, '2026-12-03', '2026-12-31', 60)).toBeCloseTo(1 / 54);
  });
});

describe('public holidays', () => {
  it('leaves 24, 25 and 31 December out in Germany and 25 December in the US', () => {
    const de = holidaysBetween('DE', '2026-12-01', '2026-12-31', 'de').days.map((day) => day.date);
    const us = holidaysBetween('US', '2026-12-01', '2026-12-31', 'en').days.map((day) => day.date);
    expect(de).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']);
    expect(us).toEqual(['2026-12-25']);
    const plain = workedDaysBetween('2026-12-03', '2026-12-31', calendarOf(Q4));
    expect(plain).toBe(21);
    const germany = withHolidays({ ...Q4, country: 'DE' }, '2026-12-03', 'de');
    expect(workedDaysBetween('2026-12-03', '2026-12-31', calendarOf(germany))).toBe(18);
    const us26 = withHolidays({ ...Q4, country: 'US' }, '2026-12-03', 'en');
    expect(workedDaysBetween('2026-12-03', '2026-12-31', calendarOf(us26))).toBe(20);
    expect(computePace(input({}, germany)).workingDaysLeft).toBe(18);
  });

  it('lets the user work a holiday and add a day off', () => {
    const germany = withHolidays({ ...Q4, country: 'DE' }, '2026-12-03', 'en');
    const worked = { ...germany, workedHolidays: ['2026-12-24'], daysOff: ['2026-12-28'] };
    expect(workedDaysBetween('2026-12-03', '2026-12-31', calendarOf(worked))).toBe(18);
    expect(calendarOf(worked).daysOff).toContain('2026-12-28');
    expect(calendarOf(worked).daysOff).not.toContain('2026-12-24');
  });

  it('stores a year ahead, and is stale once the period rolls past it or the country changes', () => {
    const germany = withHolidays({ ...Q4, country: 'DE' }, '2026-12-03', 'en');
    expect(germany.holidays?.from).toBe('2026-10-01');
    expect(germany.holidays?.to).toBe('2027-10-02');
    expect(holidaysStale(germany, '2026-12-03')).toBe(false);
    expect(holidaysStale(germany, '2027-07-01')).toBe(false); // Q3 2027 is covered
    expect(holidaysStale(germany, '2027-10-01')).toBe(true); // Q4 2027 is not
    expect(holidaysStale({ ...germany, country: 'US' }, '2026-12-03')).toBe(true);
    expect(withHolidays(germany, '2026-12-03', 'en')).toBe(germany);
    const rolled = withHolidays(germany, '2027-10-01', 'en');
    expect(rolled.holidays?.days.map((day) => day.date)).toContain('2027-12-24');
    const none = withHolidays({ ...germany, country: undefined }, '2026-12-03', 'en');
    expect(none.holidays).toBeUndefined();
  });

  it('offers exactly the countries the library knows, the browser region first', () => {
    expect([...HOLIDAY_COUNTRIES].sort()).toEqual(Object.keys(new Holidays().getCountries()).sort());
    expect(countryOfLocale('en-US')).toBe('US');
    expect(countryOfLocale('de')).toBe('DE');
    expect(countryOfLocale('de-AT')).toBe('AT');
    expect(countryOfLocale('en')).toBe('US');
  });
});
