import { describe, expect, it } from 'vitest';
import { DEFAULT_PACE_SETTINGS, DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import type { Quota } from '../../src/shared/model.ts';
import { parseQuotaSettings, quotaSettingsInput, type QuotaSettingsInput } from '../../src/shared/quota-settings.ts';

const TODAY = '2026-11-27';
const current = { settings: DEFAULT_SETTINGS, pace: DEFAULT_PACE_SETTINGS };

function form(overrides: Partial<QuotaSettingsInput> = {}): QuotaSettingsInput {
  return {
    ...quotaSettingsInput(undefined, DEFAULT_SETTINGS, DEFAULT_PACE_SETTINGS, TODAY, 'en'),
    target: '120,000',
    averageDealSize: '10000',
    ...overrides,
  };
}

describe('quota settings form', () => {
  it('starts from this month, weekdays, the default pace and the stated assumptions', () => {
    expect(quotaSettingsInput(undefined, DEFAULT_SETTINGS, DEFAULT_PACE_SETTINGS, TODAY, 'en')).toEqual({
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
      country: '',
      workedHolidays: [],
      salesCycle: '',
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
    expect(quotaSettingsInput(stored, DEFAULT_SETTINGS, DEFAULT_PACE_SETTINGS, TODAY, 'en')).toMatchObject({
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
      'en',
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
      'en',
    );
    expect(parsed.ok && parsed.quota).toMatchObject({
      targetKind: 'deals',
      target: 8,
      closedBaseline: 2,
      averageDealSize: 0,
    });
    const fractional = parseQuotaSettings(form({ targetKind: 'deals', target: '8.5' }), TODAY, current, 'en');
    expect(fractional).toEqual({
      ok: false,
      errors: { target: { code: 'target-deals', number: { issue: 'decimals', maxDecimals: 0 } } },
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
      'en',
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        target: { code: 'target-amount' },
        averageDealSize: { code: 'average-deal-size', number: { issue: 'malformed', maxDecimals: 2 } },
        periodEnd: { code: 'period-end-before-start' },
        currency: { code: 'currency' },
        workingWeekdays: { code: 'working-weekdays' },
        daysOff: { code: 'day-off', day: '2026-02-30' },
        reminderHour: { code: 'reminder-hour' },
        realisticAsksPerDay: { code: 'realistic-asks' },
        customersPerDay: { code: 'whole-number' },
        stalledPerDay: { code: 'whole-number', number: { issue: 'malformed', maxDecimals: 0 } },
        upsell: { code: 'percentage' },
      },
    });
    const past = parseQuotaSettings(
      form({ periodKind: 'custom', periodStart: '2026-10-01', periodEnd: '2026-10-31' }),
      TODAY,
      current,
      'en',
    );
    expect(past).toEqual({
      ok: false,
      errors: { periodEnd: { code: 'period-end-past' } },
    });
  });

  it('reads a German form: 120.000 is a hundred and twenty thousand, 7,5 is seven and a half per cent', () => {
    const parsed = parseQuotaSettings(
      form({
        target: '120.000',
        closed: '12.500,50',
        averageDealSize: '10.000',
        reminderHour: '8',
        conversion: { 'referral-ask': '7,5', upsell: '12,5 %' },
      }),
      TODAY,
      current,
      'de-DE',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.quota).toMatchObject({ target: 120_000, closedBaseline: 12_500.5, averageDealSize: 10_000 });
    expect(parsed.settings.conversion['referral-ask']).toBe(0.075);
    expect(parsed.settings.conversion.upsell).toBe(0.125);
  });

  it('refuses English numbers in German and German numbers in English, saying why', () => {
    const german = parseQuotaSettings(
      form({ target: '120,000.50', conversion: { 'referral-ask': '7.5' } }),
      TODAY,
      current,
      'de',
    );
    expect(german).toEqual({
      ok: false,
      errors: {
        target: { code: 'target-amount', number: { issue: 'grouping', maxDecimals: 2 } },
        'referral-ask': { code: 'percentage', number: { issue: 'grouping', maxDecimals: 1 } },
      },
    });
    // "7,5" in English is neither 75 nor 7.5.
    const english = parseQuotaSettings(form({ conversion: { 'referral-ask': '7,5' } }), TODAY, current, 'en');
    expect(english).toEqual({
      ok: false,
      errors: { 'referral-ask': { code: 'percentage', number: { issue: 'grouping', maxDecimals: 1 } } },
    });
    const tooFine = parseQuotaSettings(form({ conversion: { upsell: '7,55' } }), TODAY, current, 'de');
    expect(tooFine.ok || tooFine.errors.upsell).toEqual({
      code: 'percentage',
      number: { issue: 'decimals', maxDecimals: 1 },
    });
  });

  it.each(['en', 'de-DE', 'fr', 'de-CH'])(
    'shows stored numbers as %s writes them, and saving them again changes nothing',
    (locale) => {
      const stored: Quota = {
        periodKind: 'quarter',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        target: 1_250_000,
        currency: 'EUR',
        closedBaseline: 34_567.5,
        averageDealSize: 12_000,
        targetKind: 'amount',
        workingWeekdays: [1, 2, 3, 4, 5],
        daysOff: [],
      };
      const settings = { ...DEFAULT_SETTINGS, conversion: { ...DEFAULT_SETTINGS.conversion, 'referral-ask': 0.075 } };
      const pace = { ...DEFAULT_PACE_SETTINGS, realisticAsksPerDay: 1200 };
      const shown = quotaSettingsInput(stored, settings, pace, TODAY, locale);
      const parsed = parseQuotaSettings(shown, TODAY, { settings, pace }, locale);
      expect(parsed).toEqual({ ok: true, quota: stored, settings, pace });
    },
  );

  it('writes the form in German', () => {
    const stored: Quota = {
      periodStart: '2026-11-01',
      periodEnd: '2026-12-15',
      target: 120_000,
      currency: 'EUR',
      closedBaseline: 4_200.5,
      averageDealSize: 10_000,
    };
    const settings = { ...DEFAULT_SETTINGS, conversion: { ...DEFAULT_SETTINGS.conversion, 'referral-ask': 0.075 } };
    expect(quotaSettingsInput(stored, settings, DEFAULT_PACE_SETTINGS, TODAY, 'de-DE')).toMatchObject({
      target: '120.000',
      closed: '4.200,5',
      averageDealSize: '10.000',
      conversion: { 'referral-ask': '7,5' },
    });
  });
});
