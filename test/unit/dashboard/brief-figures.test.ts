import { describe, expect, it, vi } from 'vitest';
import { asksPerDay, comparePace, funnels, closedBySource, type DayCount } from '../../../src/shared/analytics.ts';
import { briefRange, holidayWeeks, keepablePace, managerBrief, type BriefInput } from '../../../src/shared/brief.ts';
import { isWorkedDay, MONDAY_TO_FRIDAY } from '../../../src/shared/calendar.ts';
import type { Deal } from '../../../src/shared/deals.ts';
import { categoryOfStage, forecastCalls, reviewDeals } from '../../../src/shared/forecast.ts';
import { language } from '../i18n-fake.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../i18n-fake.ts')).fakeI18n } }));
const { briefText } = await import('../../../src/options/dashboard/brief-text.ts');

const weekdays = { weekdays: MONDAY_TO_FRIDAY, daysOff: [] };
const worked = (date: string) => isWorkedDay(date, weekdays);

/** Asks on consecutive calendar days from Monday 2026-11-02. */
function log(counts: number[]): DayCount[] {
  return counts.map((asks, i) => ({ date: `2026-11-${String(2 + i).padStart(2, '0')}`, asks }));
}

describe('the pace the user can keep', () => {
  it("is the user's own answer when there is one", () => {
    expect(keepablePace(12, log([1, 1, 1, 1, 1, 0, 0, 1]), worked, '2026-11-10', undefined)).toEqual({
      source: 'answer',
      perDay: 12,
    });
  });

  it('is the median of asks on worked days since the first use, today and weekends left out', () => {
    // Mon–Fri 2–6 Nov: 3, 9, 4, 0, 5; the weekend's 30 is not a worked day; today (Mon 9th) is under way.
    const days = log([3, 9, 4, 0, 5, 30, 30, 50]);
    expect(keepablePace(undefined, days, worked, '2026-11-09', undefined)).toEqual({
      source: 'history',
      perDay: 4,
      workedDays: 5,
    });
    // An even number of days: the mean of the middle two.
    const six = log([3, 9, 4, 0, 5, 0, 0, 8, 20]);
    expect(keepablePace(undefined, six, worked, '2026-11-10', undefined)).toMatchObject({ perDay: 4.5, workedDays: 6 });
  });

  it('is unknown — never a default — with no answer and too little history', () => {
    expect(keepablePace(undefined, log([4]), worked, '2026-11-03', undefined)).toBeNull();
    expect(keepablePace(undefined, [], worked, '2026-11-03', undefined)).toBeNull();
    // Four worked days: one short of the five needed.
    expect(keepablePace(undefined, log([2, 2, 2, 2]), worked, '2026-11-06', undefined)).toBeNull();
  });

  it('does not count the days before the first use as zero days', () => {
    // Installed Monday 9 Nov; the week of 2 Nov holds no log (zeros in the counts), then 6 asks a day.
    const days = log([0, 0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6]);
    expect(keepablePace(undefined, days, worked, '2026-11-16', '2026-11-09')).toEqual({
      source: 'history',
      perDay: 6,
      workedDays: 5,
    });
    // Counted from the period's start the empty week would halve it.
    expect(keepablePace(undefined, days, worked, '2026-11-16', undefined)).toMatchObject({ perDay: 3 });
    expect(briefRange({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-12', '2026-11-05')).toEqual({
      from: '2026-11-05',
      to: '2026-11-12',
    });
    expect(briefRange({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-12', '2026-10-01')).toEqual({
      from: '2026-11-01',
      to: '2026-11-12',
    });
  });

  it("the brief's activity counts worked days from the first use, and says so", () => {
    const records = [
      { kind: 'referral-ask', createdAt: new Date(2026, 10, 5, 10).getTime() },
      { kind: 'referral-ask', createdAt: new Date(2026, 10, 6, 10).getTime() },
    ] as never[];
    const range = briefRange({ from: '2026-11-02', to: '2026-11-30' }, '2026-11-06', '2026-11-05');
    const days = asksPerDay(records, range);
    const input: BriefInput = {
      range,
      firstUse: '2026-11-05',
      funnels: funnels(records, range, () => undefined),
      closed: closedBySource(records, range, () => undefined),
      weeksWithout: [],
      weeks: 1,
      pace: comparePace(days, worked, '2026-11-06', null, 25),
      keepable: null,
    };
    const activity = managerBrief(input)[0]?.facts[0];
    expect(activity).toMatchObject({ id: 'activity', from: '2026-11-05', asks: 2, workedDays: 2, sinceFirstUse: true });
    language.current = 'en-US';
    expect(
      briefText(managerBrief(input), { kind: String, relationship: String, value: String, money: String })[0]
        ?.sentences[0],
    ).toBe(
      'From November 5, 2026 to November 6, 2026 I made 2 asks on 2 working days, 1 a working day on average. I started using Gap Closer on November 5, 2026; the days before it hold no log and are not counted as days without asks.',
    );
  });
});

describe('holiday weeks', () => {
  it('lists the weeks that lose a working weekday, with the days left to work', () => {
    const calendar = { weekdays: MONDAY_TO_FRIDAY, daysOff: ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'] };
    expect(holidayWeeks('2026-12-14', '2026-12-31', calendar)).toEqual([
      { weekStart: '2026-12-21', daysOff: ['2026-12-24', '2026-12-25'], workedDays: 3 },
      // Only to the period's end: Thursday 31 off, so Mon–Wed are left.
      { weekStart: '2026-12-28', daysOff: ['2026-12-31'], workedDays: 3 },
    ]);
    // A day off on a weekend loses nothing.
    expect(holidayWeeks('2026-12-14', '2026-12-20', { weekdays: MONDAY_TO_FRIDAY, daysOff: ['2026-12-19'] })).toEqual(
      [],
    );
  });

  it('plans each holiday week at the pace the user keeps, in English and German', () => {
    const base = managerBrief({
      range: { from: '2026-12-01', to: '2026-12-14' },
      funnels: funnels([], { from: '2026-12-01', to: '2026-12-14' }, () => undefined),
      closed: closedBySource([], { from: '2026-12-01', to: '2026-12-14' }, () => undefined),
      weeksWithout: [],
      weeks: 2,
      pace: comparePace([], worked, '2026-12-14', 20, 25),
      keepable: { source: 'history', perDay: 8, workedDays: 9 },
      holidayWeeks: [{ weekStart: '2026-12-21', daysOff: ['2026-12-24', '2026-12-25'], workedDays: 3 }],
      quota: {
        unit: 'amount',
        target: 240_000,
        closed: 130_000,
        baseline: 0,
        gap: 110_000,
        workingDaysLeft: 12,
        valuePerAsk: 500,
      },
    });
    const holidays = base.find((section) => section.id === 'holidays');
    expect(holidays?.facts).toEqual([
      { id: 'holiday-week', weekStart: '2026-12-21', daysOff: ['2026-12-24', '2026-12-25'], workedDays: 3, asks: 24 },
    ]);
    const words = { kind: String, relationship: String, value: String, money: String };
    language.current = 'en-US';
    expect(briefText(base, words).at(-1)).toEqual({
      id: 'holidays',
      title: 'Holiday weeks',
      sentences: [
        'Week of Dec 21: Dec 24 and Dec 25 off, 3 working days left — 24 asks at my pace, planned on those days.',
      ],
    });
    language.current = 'de-DE';
    expect(briefText(base, words).at(-1)?.sentences).toEqual([
      'Woche vom 21. Dez.: 24. Dez. und 25. Dez. frei, 3 Arbeitstage bleiben – 24 Anfragen bei meinem Tempo, auf diese Tage verteilt.',
    ]);
    language.current = 'en-US';
  });
});

function deal(id: string, stage: string | undefined, amount: number, extra: Partial<Deal> = {}): Deal {
  return {
    id,
    name: id,
    amount,
    ...(stage ? { stage } : {}),
    state: 'open',
    contactIds: [],
    source: 'manual',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

describe('the deal review', () => {
  it('sorts CRM stages into commit, best case and pipeline', () => {
    expect(categoryOfStage('Negotiation/Review')).toBe('commit');
    expect(categoryOfStage('contractsent')).toBe('commit');
    expect(categoryOfStage('Proposal/Price Quote')).toBe('best-case');
    expect(categoryOfStage('Proposal Made')).toBe('best-case');
    expect(categoryOfStage('Qualification')).toBe('pipeline');
    expect(categoryOfStage(undefined)).toBe('pipeline');
  });

  it('sums each category, lists later deals apart and leaves out won, lost and foreign-currency amounts', () => {
    const deals = [
      deal('Acme', 'Negotiation', 40_000, { nextStep: 'Send the order form', impediment: { kind: 'budget', at: 1 } }),
      deal('Beta', 'Contract sent', 20_000),
      deal('Gamma', 'Proposal', 30_000),
      deal('Delta', 'Discovery', 15_000),
      deal('Epsilon', 'Qualification', 5_000),
      deal('Euro', 'Negotiation', 9_000, { currency: 'EUR' }),
      deal('Next', 'Negotiation', 70_000, { closeDate: '2027-01-15' }),
      deal('Won', 'Closed won', 99_000, { state: 'won' }),
      deal('Lost', 'Proposal', 99_000, { state: 'lost' }),
    ];
    const review = reviewDeals(deals, '2026-12-31', 'USD');
    expect(review.categories.map((row) => [row.category, row.deals.map((d) => d.name), row.amount])).toEqual([
      ['commit', ['Acme', 'Beta', 'Euro'], 60_000],
      ['best-case', ['Gamma'], 30_000],
      ['pipeline', ['Delta', 'Epsilon'], 20_000],
    ]);
    expect(review.categories[0]?.deals[0]).toMatchObject({
      nextStep: 'Send the order form',
      impediment: { kind: 'budget' },
    });
    expect(review.categories[0]?.deals[2]).toMatchObject({ otherCurrency: { amount: 9_000, currency: 'EUR' } });
    expect(review.later.map((d) => d.name)).toEqual(['Next']);
    expect(review.laterAmount).toBe(70_000);
    expect(review.open).toBe(6);
    // Cumulative calls: closed, + commit, + best case, + pipeline.
    expect(forecastCalls(review, 130_000)).toEqual({ commit: 190_000, bestCase: 220_000, pipeline: 240_000 });
  });
});
