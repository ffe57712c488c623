import { describe, expect, it } from 'vitest';
import { DEFAULT_PACE_SETTINGS, DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import type { Quota } from '../../src/shared/model.ts';
import { parseQuotaSettings, quotaSettingsInput, type QuotaSettingsInput } from '../../src/shared/quota-settings.ts';

const TODAY = '2026-11-27';
const current = { settings: DEFAULT_SETTINGS, pace: DEFAULT_PACE_SETTINGS };

function form(overrides: Partial<QuotaSettingsInput> = {}): QuotaSettingsInput {
  return {
    ...quotaSettingsInput(undefined, DEFAULT_SETTINGS, DEFAULT_PACE_SETTINGS, TODAY),
    target: '120,000',
    averageDealSize: '10000',
    ...overrides,
  };
}

describe('quota settings form', () => {
  it('starts from this month, weekdays, the default pace and the stated assumptions', () => {
    expect(quotaSettingsInput(undefined, DEFAULT_SETTINGS, DEFAULT_PACE_SETTINGS, TODAY)).toEqual({
      periodKind: 'month',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      targetKind: 'amount',
      target: '',
      currency: 'USD',
      closed: '0',
      averageDealSize: '',
      workingWeekdays: [1, 2, 3, 4, 5],
      daysOff: '',
      reminderHour: '9',
      realisticAsksPerDay: '25',
      customersPerDay: '5',
      stalledPerDay: '5',
      conversion: { 'referral-ask': '10', upsell: '15', 'stalled-revival': '12', 'favour-ask': '5', 'group-post': '2' },
    });
  });

  it('shows a stored quota as it was saved (older quotas are custom dates)', () => {
    const stored: Quota = {
      periodStart: '2026-11-01',
      periodEnd: '2026-12-15',
      target: 50,
      currency: 'EUR',
      closedBaseline: 3,
      averageDealSize: 0,
      targetKind: 'deals',
      daysOff: ['2026-12-01'],
    };
    expect(quotaSettingsInput(stored, DEFAULT_SETTINGS, DEFAULT_PACE_SETTINGS, TODAY)).toMatchObject({
      periodKind: 'custom',
      targetKind: 'deals',
      target: '50',
      closed: '3',
      daysOff: '2026-12-01',
    });
  });

  it('saves a quarter with days off, a six-day week, the pace and edited assumptions', () => {
    const parsed = parseQuotaSettings(
      form({
        periodKind: 'quarter',
        workingWeekdays: [6, 1, 2, 3, 4, 5, 5],
        daysOff: '2026-12-24, 2026-12-25;2026-12-24',
        reminderHour: '7',
        realisticAsksPerDay: '30',
        customersPerDay: '8',
        stalledPerDay: '0',
        conversion: { 'referral-ask': '12.5', upsell: '15' },
        currency: 'eur',
      }),
      TODAY,
      current,
    );
    expect(parsed).toEqual({
      ok: true,
      quota: {
        periodKind: 'quarter',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        targetKind: 'amount',
        target: 120_000,
        currency: 'EUR',
        closedBaseline: 0,
        averageDealSize: 10_000,
        workingWeekdays: [1, 2, 3, 4, 5, 6],
        daysOff: ['2026-12-24', '2026-12-25'],
      },
      settings: {
        ...DEFAULT_SETTINGS,
        conversion: { ...DEFAULT_SETTINGS.conversion, 'referral-ask': 0.125, upsell: 0.15 },
      },
      pace: {
        ...DEFAULT_PACE_SETTINGS,
        reminderHour: 7,
        realisticAsksPerDay: 30,
        stepCapacity: { customers: 8, stalled: 0 },
      },
    });
  });

  it('takes a number of deals as the target, with no deal size needed', () => {
    const parsed = parseQuotaSettings(
      form({ targetKind: 'deals', target: '8', closed: '2', averageDealSize: '' }),
      TODAY,
      current,
    );
    expect(parsed.ok && parsed.quota).toMatchObject({
      targetKind: 'deals',
      target: 8,
      closedBaseline: 2,
      averageDealSize: 0,
    });
    const fractional = parseQuotaSettings(form({ targetKind: 'deals', target: '8.5' }), TODAY, current);
    expect(fractional).toEqual({
      ok: false,
      errors: { target: { code: 'target-deals' } },
    });
  });

  it('explains every mistake', () => {
    const parsed = parseQuotaSettings(
      form({
        periodKind: 'custom',
        periodStart: '2026-11-20',
        periodEnd: '2026-11-10',
        target: '0',
        averageDealSize: 'big',
        currency: 'dollars',
        workingWeekdays: [],
        daysOff: '2026-02-30',
        reminderHour: '24',
        realisticAsksPerDay: '0',
        customersPerDay: '-1',
        stalledPerDay: 'x',
        conversion: { upsell: '101' },
      }),
      TODAY,
      current,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        target: { code: 'target-amount' },
        averageDealSize: { code: 'average-deal-size' },
        periodEnd: { code: 'period-end-before-start' },
        currency: { code: 'currency' },
        workingWeekdays: { code: 'working-weekdays' },
        daysOff: { code: 'day-off', day: '2026-02-30' },
        reminderHour: { code: 'reminder-hour' },
        realisticAsksPerDay: { code: 'realistic-asks' },
        customersPerDay: { code: 'whole-number' },
        stalledPerDay: { code: 'whole-number' },
        upsell: { code: 'percentage' },
      },
    });
    const past = parseQuotaSettings(
      form({ periodKind: 'custom', periodStart: '2026-10-01', periodEnd: '2026-10-31' }),
      TODAY,
      current,
    );
    expect(past).toEqual({
      ok: false,
      errors: { periodEnd: { code: 'period-end-past' } },
    });
  });
});
