import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLocaleNumber,
  numberSymbols,
  parseLocaleNumber,
  type NumberIssue,
} from '../../src/shared/locale-number.ts';

function read(raw: string, locale: string, maxDecimals = 2) {
  return parseLocaleNumber(raw, locale, { maxDecimals });
}

function value(raw: string, locale: string, maxDecimals = 2): number {
  const result = read(raw, locale, maxDecimals);
  if (!result.ok) throw new Error(`${JSON.stringify(raw)} in ${locale}: ${result.issue}`);
  return result.value;
}

function issue(raw: string, locale: string, maxDecimals = 2): NumberIssue {
  const result = read(raw, locale, maxDecimals);
  if (result.ok) throw new Error(`${JSON.stringify(raw)} in ${locale} was read as ${result.value}`);
  return result.issue;
}

describe('numberSymbols: the separators come from Intl, not from a table', () => {
  it.each([
    ['en', ',', '.'],
    ['de', '.', ','],
    ['de-CH', "'", '.'],
    ['fr', '\u202f', ','],
    ['es', '.', ','],
  ])('%s groups with %j and marks decimals with %j', (locale, group, decimal) => {
    expect(numberSymbols(locale)).toMatchObject({ group, decimal, primary: 3, secondary: 3 });
  });

  it('reads Indian grouping (12,34,567) and Arabic-Indic digits', () => {
    expect(numberSymbols('en-IN')).toMatchObject({ group: ',', decimal: '.', primary: 3, secondary: 2 });
    expect(numberSymbols('ar-EG').digits.join('')).toBe('٠١٢٣٤٥٦٧٨٩');
  });

  it('falls back to the runtime default for a malformed locale tag', () => {
    const malformed = 'not a locale!';
    const runtime = new Intl.NumberFormat().resolvedOptions().locale;
    expect(numberSymbols(malformed)).toEqual(numberSymbols(runtime));
    expect(formatLocaleNumber(1_234_567.5, malformed)).toBe(new Intl.NumberFormat().format(1_234_567.5));
    // And still a working pair: what it writes under that tag reads back as the same number.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const number = cents / 100;
        expect(parseLocaleNumber(formatLocaleNumber(number, malformed), malformed)).toEqual({
          ok: true,
          value: number,
        });
      }),
    );
  });
});

describe('parseLocaleNumber', () => {
  it('reads English: comma groups, point decimals', () => {
    expect(value('120,000', 'en')).toBe(120_000);
    expect(value('1,234,567.25', 'en')).toBe(1_234_567.25);
    expect(value('1234.5', 'en')).toBe(1234.5);
    expect(value(' 7.5 ', 'en', 1)).toBe(7.5);
    expect(value('0', 'en')).toBe(0);
    expect(value('007', 'en')).toBe(7);
  });

  it('reads German: point groups, comma decimals', () => {
    expect(value('120.000', 'de')).toBe(120_000);
    expect(value('1.234,5', 'de')).toBe(1234.5);
    expect(value('1.234.567,89', 'de-DE')).toBe(1_234_567.89);
    expect(value('7,5', 'de', 1)).toBe(7.5);
    expect(value('120000', 'de')).toBe(120_000);
    expect(value('4200,50', 'de')).toBe(4200.5);
  });

  it('reads French and Swiss German with the space and apostrophe people type', () => {
    expect(value('120\u202f000', 'fr')).toBe(120_000); // what Intl writes
    expect(value('120\u00a0000', 'fr')).toBe(120_000);
    expect(value('120 000,5', 'fr')).toBe(120_000.5);
    expect(value('7,5', 'fr', 1)).toBe(7.5);
    expect(value("120'000.5", 'de-CH')).toBe(120_000.5);
    expect(value('120\u2019000', 'de-CH')).toBe(120_000);
    expect(value('1.5', 'de-CH')).toBe(1.5);
  });

  it('takes a space as grouping in any locale (it never marks decimals)', () => {
    expect(value('120 000', 'en')).toBe(120_000);
    expect(value('1 234,5', 'de')).toBe(1234.5);
  });

  it('reads Indian grouping and Arabic-Indic digits as Intl writes them', () => {
    expect(value('12,34,567', 'en-IN')).toBe(1_234_567);
    expect(value('1,234', 'en-IN')).toBe(1234);
    expect(issue('1,234,567', 'en-IN')).toBe('grouping');
    expect(value('١٢٬٣٤٥٫٥', 'ar-EG')).toBe(12_345.5);
    expect(value('12345', 'ar-EG')).toBe(12_345);
  });

  it('refuses what could mean two things instead of guessing', () => {
    expect(issue('7,5', 'en')).toBe('grouping'); // not 75, not 7.5
    expect(issue('1,5', 'en')).toBe('grouping');
    expect(issue('0,500', 'en')).toBe('grouping'); // a leading zero group is a decimal written the other way
    expect(issue('1,2345', 'en')).toBe('grouping');
    expect(issue('1234,567', 'en')).toBe('grouping');
    expect(issue('1,234.5', 'de')).toBe('grouping'); // English in German: refused, not 1.2345
    expect(issue('7.5', 'de')).toBe('grouping');
    expect(issue('12.00', 'de')).toBe('grouping');
    expect(issue('7.5', 'fr')).toBe('grouping'); // neither French separator
    expect(issue("1'234", 'de')).toBe('grouping');
    expect(issue('1,234', 'de-CH')).toBe('grouping');
    expect(issue('1 234.567,5', 'de')).toBe('grouping'); // two kinds of separator
    expect(issue('1,234.5,6', 'en')).toBe('grouping');
    expect(issue(',5', 'en')).toBe('grouping');
  });

  it('refuses text that is not a number', () => {
    for (const raw of ['abc', '€100', '100 €', '1e5', '+5', '1.2.3', '5.', '.5', '1..2', '12,5,', 'NaN', 'Infinity']) {
      expect(issue(raw, 'en'), raw).toMatch(/^(malformed|grouping)$/);
    }
    expect(issue('abc', 'en')).toBe('malformed');
    expect(issue('1.2.3', 'en')).toBe('malformed');
    expect(issue('1,2,3', 'de')).toBe('malformed');
  });

  it('says when nothing was typed, a minus was, or there are too many decimals or digits', () => {
    expect(issue('', 'en')).toBe('empty');
    expect(issue('  \u00a0', 'de')).toBe('empty');
    expect(issue('-5', 'en')).toBe('negative');
    expect(issue('\u22125', 'sv')).toBe('negative');
    expect(issue('12.345', 'en')).toBe('decimals');
    expect(issue('7,55', 'de', 1)).toBe('decimals');
    expect(issue('8,5', 'de', 0)).toBe('decimals');
    expect(issue('1234567890123456', 'en')).toBe('too-large');
  });

  it('takes a minus only when asked to', () => {
    expect(parseLocaleNumber('-1.234,5', 'de', { allowNegative: true })).toEqual({ ok: true, value: -1234.5 });
    expect(parseLocaleNumber('\u22121\u00a0234,5', 'sv', { allowNegative: true })).toEqual({
      ok: true,
      value: -1234.5,
    });
  });
});

describe('formatLocaleNumber', () => {
  it('writes numbers as the locale does', () => {
    expect(formatLocaleNumber(120_000, 'en')).toBe('120,000');
    expect(formatLocaleNumber(120_000, 'de')).toBe('120.000');
    expect(formatLocaleNumber(7.5, 'de', 1)).toBe('7,5');
    expect(formatLocaleNumber(120_000.5, 'de-CH')).toBe("120'000.5");
    expect(formatLocaleNumber(12.345, 'en', 1)).toBe('12.3');
  });

  it.each(['en', 'de', 'de-CH', 'fr', 'en-IN', 'es', 'sv', 'pt-BR', 'ar-EG'])(
    'what it writes in %s reads back as the same number',
    (locale) => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 0, max: 2 }), (cents, decimals) => {
          const number = Math.round(cents / 10 ** (2 - decimals)) / 10 ** decimals;
          expect(
            parseLocaleNumber(formatLocaleNumber(number, locale, decimals), locale, { maxDecimals: decimals }),
          ).toEqual({ ok: true, value: number });
        }),
      );
    },
  );
});
