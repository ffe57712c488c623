import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuotaFieldError } from '../../src/shared/quota-errors.ts';
import { language } from './i18n-fake.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18n-fake.ts')).fakeI18n } }));

const { quotaErrorText } = await import('../../src/ui/quota-errors.ts');
const { ledgerWarningText } = await import('../../src/ui/ledger-warnings.ts');

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
    expect(quotaErrorText({ code: 'target-amount' })).toBe('Enter your target as a positive amount, e.g. 120000.');
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
