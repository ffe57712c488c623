import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuotaFieldError } from '../../src/shared/quota-errors.ts';
import { language } from './i18n-fake.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18n-fake.ts')).fakeI18n } }));

const { quotaErrorText } = await import('../../src/ui/quota-errors.ts');
const { ledgerWarningText } = await import('../../src/ui/ledger-warnings.ts');
const { amountProblem, inputNumber, readAmount, withNumberHint } = await import('../../src/ui/numbers.ts');

const EVERY_QUOTA_ERROR: QuotaFieldError[] = [
  { code: 'target-amount' },
  { code: 'target-deals' },
  { code: 'closed-amount' },
  { code: 'closed-deals' },
  { code: 'average-deal-size' },
  { code: 'average-deal-size-optional' },
  { code: 'period-start' },
  { code: 'period-end' },
  { code: 'period-end-before-start' },
  { code: 'period-end-past' },
  { code: 'currency' },
  { code: 'working-weekdays' },
  { code: 'day-off', day: '2026-02-30' },
  { code: 'reminder-hour' },
  { code: 'realistic-asks' },
  { code: 'whole-number' },
  { code: 'percentage' },
];

afterEach(() => {
  language.current = 'en-US';
});

describe('quota form errors in the UI language', () => {
  it('words every error as a sentence, in English and in German', () => {
    const english = EVERY_QUOTA_ERROR.map(quotaErrorText);
    language.current = 'de-DE';
    const german = EVERY_QUOTA_ERROR.map(quotaErrorText);
    for (const [i, text] of english.entries()) {
      expect(text).toMatch(/^\S.*[.]$/);
      expect(german[i]).toMatch(/^\S.*[.]$/);
      expect(german[i]).not.toBe(text);
    }
    expect(quotaErrorText(undefined)).toBeUndefined();
  });

  it('says what to type, with what was typed', () => {
    expect(quotaErrorText({ code: 'target-amount' })).toBe('Enter your target as a positive amount, e.g. 120,000.');
    expect(quotaErrorText({ code: 'day-off', day: '31.12.' })).toBe(
      '“31.12.” is not a date; write days off as YYYY-MM-DD, separated by commas.',
    );
    language.current = 'de-DE';
    expect(quotaErrorText({ code: 'currency' })).toBe(
      'Verwenden Sie einen Währungscode aus drei Buchstaben, z. B. EUR oder USD.',
    );
    expect(quotaErrorText({ code: 'day-off', day: '31.12.' })).toBe(
      '„31.12.“ ist kein Datum; schreiben Sie freie Tage als JJJJ-MM-TT, durch Kommas getrennt.',
    );
  });

  it('writes its examples as the UI language writes numbers', () => {
    expect(quotaErrorText({ code: 'percentage' })).toBe('Enter a percentage from 0 to 100, e.g. 7.5.');
    language.current = 'de-DE';
    expect(quotaErrorText({ code: 'target-amount' })).toBe(
      'Geben Sie Ihr Ziel als positiven Betrag ein, z. B. 120.000.',
    );
    expect(quotaErrorText({ code: 'percentage' })).toBe('Geben Sie einen Prozentwert von 0 bis 100 ein, z. B. 7,5.');
  });

  it('says how to write a number when what was typed is not one in the UI language', () => {
    // "7,5" typed in English.
    expect(quotaErrorText({ code: 'percentage', number: { issue: 'grouping', maxDecimals: 1 } })).toBe(
      'Enter a percentage from 0 to 100, e.g. 7.5. Write numbers like 1,234.5 or 1234.5.',
    );
    expect(quotaErrorText({ code: 'target-amount', number: { issue: 'decimals', maxDecimals: 2 } })).toBe(
      'Enter your target as a positive amount, e.g. 120,000. Use at most 2 digits after “.”.',
    );
    // A whole-number field's own message says enough about a fraction.
    expect(quotaErrorText({ code: 'reminder-hour', number: { issue: 'decimals', maxDecimals: 0 } })).toBe(
      'Pick an hour from 0 to 23.',
    );
    expect(quotaErrorText({ code: 'whole-number', number: { issue: 'malformed', maxDecimals: 0 } })).toBe(
      'Enter a whole number (0 or more). Write numbers like 1,234 or 1234.',
    );
    language.current = 'de-DE';
    // "1,234.5" typed in German.
    expect(quotaErrorText({ code: 'closed-amount', number: { issue: 'grouping', maxDecimals: 2 } })).toBe(
      'Geben Sie den bisher abgeschlossenen Betrag ein (0, wenn noch nichts). Schreiben Sie Zahlen wie 1.234,5 oder 1234,5.',
    );
    expect(quotaErrorText({ code: 'percentage', number: { issue: 'decimals', maxDecimals: 1 } })).toBe(
      'Geben Sie einen Prozentwert von 0 bis 100 ein, z. B. 7,5. Verwenden Sie höchstens eine Ziffer nach „,“.',
    );
  });
});

describe('won amounts in the UI language', () => {
  it('reads and shows amounts as the UI language writes them', () => {
    expect(readAmount('10,000')).toEqual({ ok: true, value: 10_000 });
    expect(readAmount('4200.5')).toEqual({ ok: true, value: 4200.5 });
    expect(inputNumber(12_000)).toBe('12,000');
    const comma = readAmount('7,5');
    expect(comma).toEqual({ ok: false, issue: 'grouping' });
    expect(withNumberHint('Enter the amount won.', amountProblem(comma))).toBe(
      'Enter the amount won. Write numbers like 1,234.5 or 1234.5.',
    );
    expect(withNumberHint('Enter the amount won.', amountProblem(readAmount('')))).toBe('Enter the amount won.');
    language.current = 'de-DE';
    expect(readAmount('10.000')).toEqual({ ok: true, value: 10_000 });
    expect(readAmount('4.200,50')).toEqual({ ok: true, value: 4200.5 });
    expect(readAmount('4,200.50')).toEqual({ ok: false, issue: 'grouping' });
    expect(inputNumber(4200.5)).toBe('4.200,5');
  });
});

describe('goodwill ledger warnings in the UI language', () => {
  it('names the person, or says "this person" without a name', () => {
    expect(ledgerWarningText({ kind: 'not-thanked', firstName: 'Avery' })).toBe(
      'Avery helped you and has not been thanked yet. Say thank you before asking again.',
    );
    expect(ledgerWarningText({ kind: 'not-thanked', firstName: ' ' })).toBe(
      'This person helped you and has not been thanked yet. Say thank you before asking again.',
    );
    expect(ledgerWarningText({ kind: 'asked-often', firstName: 'Jo', count: 2, days: 30 })).toBe(
      'You asked Jo 2 times in the last 30 days. Give them a break, or give before you ask.',
    );
    language.current = 'de-DE';
    expect(ledgerWarningText({ kind: 'not-thanked', firstName: 'Avery' })).toBe(
      'Avery hat Ihnen geholfen und wartet noch auf Ihren Dank. Bedanken Sie sich, bevor Sie erneut bitten.',
    );
    expect(ledgerWarningText({ kind: 'asked-often', firstName: '', count: 3, days: 30 })).toBe(
      'Sie haben diese Person in den letzten 30 Tagen 3-mal gebeten. Lassen Sie ihr eine Pause, oder geben Sie etwas, bevor Sie bitten.',
    );
  });
});
