import { describe, expect, it } from 'vitest';
import { parseQuotaForm, type QuotaFormInput } from '../../src/shared/quota-form.ts';

const TODAY = '2026-11-15';

const VALID: QuotaFormInput = {
  periodKind: 'custom',
  target: '120000',
  closed: '30000',
  periodEnd: '2026-12-31',
  averageDealSize: '10000',
  currency: 'EUR',
};

function parse(overrides: Partial<QuotaFormInput>, today = TODAY, locale = 'en') {
  return parseQuotaForm({ ...VALID, ...overrides }, today, locale);
}

function errorsOf(overrides: Partial<QuotaFormInput>, today = TODAY, locale = 'en') {
  const result = parse(overrides, today, locale);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.quota)}`);
  return result.errors;
}

const MESSAGES = {
  target: { code: 'target-amount' },
  closed: { code: 'closed-amount' },
  averageDealSize: { code: 'average-deal-size' },
  periodEndMissing: { code: 'period-end' },
  periodEndPast: { code: 'period-end-past' },
  currency: { code: 'currency' },
} as const;

describe('parseQuotaForm', () => {
  it('parses a valid form; the period starts on the first of the month', () => {
    expect(parse({})).toEqual({
      ok: true,
      quota: {
        periodKind: 'custom',
        periodStart: '2026-11-01',
        periodEnd: '2026-12-31',
        target: 120_000,
        currency: 'EUR',
        closedBaseline: 30_000,
        averageDealSize: 10_000,
      },
    });
  });

  it('starts the period on the first of the month even on the 1st or the last day', () => {
    const first = parse({}, '2026-11-01');
    const last = parse({ periodEnd: '2026-11-30' }, '2026-11-30');
    expect(first.ok && first.quota.periodStart).toBe('2026-11-01');
    expect(last.ok && last.quota.periodStart).toBe('2026-11-01');
  });

  it('accepts a period that ends today', () => {
    const result = parse({ periodEnd: TODAY });
    expect(result.ok).toBe(true);
    expect(result.ok && result.quota.periodEnd).toBe(TODAY);
  });

  it('accepts thousands separators, spaces and up to two decimals', () => {
    const result = parse({ target: '120,000', closed: ' 1 234.5 ', averageDealSize: '12500.75' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.quota.target).toBe(120_000);
    expect(result.quota.closedBaseline).toBe(1_234.5);
    expect(result.quota.averageDealSize).toBe(12_500.75);
  });

  it('treats an empty "closed" as 0', () => {
    const result = parse({ closed: '' });
    expect(result.ok && result.quota.closedBaseline).toBe(0);
  });

  it('accepts a lower-case currency and upper-cases it', () => {
    const result = parse({ currency: ' usd ' });
    expect(result.ok && result.quota.currency).toBe('USD');
  });

  it.each(['', '0', '0.00', '-5'])('rejects the target %j', (target) => {
    expect(errorsOf({ target })).toEqual({ target: MESSAGES.target });
  });

  it.each([
    ['abc', 'malformed'],
    ['1e5', 'malformed'],
    ['100 apples', 'malformed'],
    ['1.2.3', 'malformed'],
    ['.5', 'malformed'],
    ['12_500', 'malformed'],
    ['12.345', 'decimals'],
    ['120.000', 'decimals'],
    ['1,5', 'grouping'],
  ])('rejects the target %j and says why (%s)', (target, issue) => {
    expect(errorsOf({ target })).toEqual({ target: { ...MESSAGES.target, number: { issue, maxDecimals: 2 } } });
  });

  it.each(['-1', '   '])('rejects closed %j', (closed) => {
    expect(errorsOf({ closed })).toEqual({ closed: MESSAGES.closed });
  });

  it.each(['none', '1.234'])('rejects closed %j as not an amount', (closed) => {
    expect(errorsOf({ closed }).closed).toMatchObject(MESSAGES.closed);
  });

  it('reads amounts as written in the UI language: German groups with points', () => {
    const result = parse({ target: '120.000', closed: '1.234,5', averageDealSize: '12500,75' }, TODAY, 'de-DE');
    expect(result.ok && result.quota).toMatchObject({
      target: 120_000,
      closedBaseline: 1234.5,
      averageDealSize: 12_500.75,
    });
    expect(errorsOf({ target: '120,000.5' }, TODAY, 'de')).toEqual({
      target: { code: 'target-amount', number: { issue: 'grouping', maxDecimals: 2 } },
    });
    const swiss = parse({ target: "120'000", closed: '1234.5', averageDealSize: '12’500' }, TODAY, 'de-CH');
    expect(swiss.ok && swiss.quota).toMatchObject({ target: 120_000, closedBaseline: 1234.5, averageDealSize: 12_500 });
  });

  it('accepts closed 0', () => {
    const result = parse({ closed: '0' });
    expect(result.ok && result.quota.closedBaseline).toBe(0);
  });

  it.each(['', '0', '-100', 'ten'])('rejects the average deal size %j', (averageDealSize) => {
    expect(errorsOf({ averageDealSize }).averageDealSize).toMatchObject(MESSAGES.averageDealSize);
  });

  it.each(['', '2026-02-30', '2026-12-1', '31/12/2026', 'soon'])(
    'rejects the period end %j as not a date',
    (periodEnd) => {
      expect(errorsOf({ periodEnd })).toEqual({ periodEnd: MESSAGES.periodEndMissing });
    },
  );

  it('rejects a period end in the past', () => {
    expect(errorsOf({ periodEnd: '2026-11-14' })).toEqual({ periodEnd: MESSAGES.periodEndPast });
    expect(errorsOf({ periodEnd: '2025-12-31' })).toEqual({ periodEnd: MESSAGES.periodEndPast });
  });

  it.each(['', 'EURO', 'EU', 'E1R', '€', 'U S D'])('rejects the currency %j', (currency) => {
    expect(errorsOf({ currency })).toEqual({ currency: MESSAGES.currency });
  });

  it('reports every invalid field at once', () => {
    expect(errorsOf({ target: '-1', closed: '-2', averageDealSize: '0', periodEnd: 'z', currency: 'euro' })).toEqual({
      target: MESSAGES.target,
      closed: MESSAGES.closed,
      averageDealSize: MESSAGES.averageDealSize,
      periodEnd: MESSAGES.periodEndMissing,
      currency: MESSAGES.currency,
    });
  });

  it('takes the calendar month or quarter containing today, whatever end date was typed', () => {
    const month = parse({ periodKind: 'month', periodEnd: '' });
    const quarter = parse({ periodKind: 'quarter', periodEnd: '2020-01-01' });
    expect(month.ok && [month.quota.periodKind, month.quota.periodStart, month.quota.periodEnd]).toEqual([
      'month',
      '2026-11-01',
      '2026-11-30',
    ]);
    expect(quarter.ok && [quarter.quota.periodKind, quarter.quota.periodStart, quarter.quota.periodEnd]).toEqual([
      'quarter',
      '2026-10-01',
      '2026-12-31',
    ]);
  });

  it('reads amounts as people write them, in the UI language', () => {
    const en = parse({ target: '$240k', closed: '12k', averageDealSize: '$1.5k', currency: 'USD' });
    const de = parse(
      { target: '1,2 Mio. €', closed: '240.000 €', averageDealSize: '12 Tsd.', currency: 'EUR' },
      TODAY,
      'de',
    );
    expect(en.ok && [en.quota.target, en.quota.closedBaseline, en.quota.averageDealSize]).toEqual([
      240_000, 12_000, 1_500,
    ]);
    expect(de.ok && [de.quota.target, de.quota.closedBaseline, de.quota.averageDealSize]).toEqual([
      1_200_000, 240_000, 12_000,
    ]);
  });

  it('refuses an amount written in another currency than the one chosen, on that field', () => {
    expect(errorsOf({ target: '$240k', currency: 'EUR' })).toEqual({
      target: { code: 'amount-currency', typed: 'USD', chosen: 'EUR' },
    });
    // A malformed amount reports what is wrong with the number first.
    expect(errorsOf({ target: '$24,0k', currency: 'EUR' }).target?.code).toBe('target-amount');
  });
});
