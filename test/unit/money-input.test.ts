import { describe, expect, it } from 'vitest';
import { parseMoneyAmount } from '../../src/shared/money-input.ts';

describe('parseMoneyAmount', () => {
  it.each([
    ['$240k', 'en', 240_000, 'USD'],
    ['12k', 'en', 12_000, undefined],
    ['12K', 'en', 12_000, undefined],
    ['240,000', 'en', 240_000, undefined],
    ['$ 1.2M', 'en', 1_200_000, 'USD'],
    ['1.25m', 'en', 1_250_000, undefined],
    ['EUR 1.5m', 'en', 1_500_000, 'EUR'],
    ['240000 gbp', 'en', 240_000, 'GBP'],
    ['£36,000.50', 'en', 36_000.5, 'GBP'],
    ['2 million', 'en', 2_000_000, undefined],
    ['1.5bn', 'en', 1_500_000_000, undefined],
    ['12.345k', 'en', 12_345, undefined],
    ['240.000 €', 'de', 240_000, 'EUR'],
    ['1,2 Mio.', 'de', 1_200_000, undefined],
    ['1,2 Mio. €', 'de', 1_200_000, 'EUR'],
    ['240 T€', 'de', 240_000, 'EUR'],
    ['12 Tsd.', 'de', 12_000, undefined],
    ['3 Millionen', 'de', 3_000_000, undefined],
    ['2,5 Mrd.', 'de', 2_500_000_000, undefined],
    ['12k', 'de', 12_000, undefined],
    ['7,5', 'de', 7.5, undefined],
  ])('reads %j in %s as %d', (raw, locale, value, currency) => {
    const result = parseMoneyAmount(raw, locale);
    expect(result).toEqual(currency === undefined ? { ok: true, value } : { ok: true, value, currency });
  });

  it.each([
    ['', 'en', 'empty'],
    ['k', 'en', 'malformed'],
    ['12 apples', 'en', 'malformed'],
    ['12 xyz', 'en', 'malformed'],
    ['$240 EUR', 'en', 'malformed'],
    // Separators keep their meaning in the user's language: never guessed.
    ['1.2m', 'de', 'grouping'],
    ['1,2 Mio.', 'en', 'grouping'],
    ['240.000', 'en', 'decimals'],
    ['-5k', 'en', 'negative'],
    ['12.345', 'en', 'decimals'],
    ['9999999999999 bn', 'en', 'too-large'],
  ])('refuses %j in %s (%s)', (raw, locale, issue) => {
    expect(parseMoneyAmount(raw, locale)).toEqual({ ok: false, issue });
  });

  it('keeps whole numbers whole: no floating-point residue after a magnitude', () => {
    for (let tenths = 1; tenths < 100; tenths++) {
      const raw = `${Math.floor(tenths / 10)}.${tenths % 10}m`;
      const result = parseMoneyAmount(raw, 'en');
      expect(result.ok && Number.isInteger(result.value)).toBe(true);
      expect(result.ok && result.value).toBe(tenths * 100_000);
    }
  });
});
