import { parseLocaleNumber, type NumberIssue, type NumberResult } from './locale-number.ts';
import { parseMoneyAmount } from './money-input.ts';

/** Why typed text was not read as a number, and how many decimals the field takes. */
export interface NumberProblem {
  issue: NumberIssue;
  maxDecimals: number;
}

/**
 * Why a field of the quota forms (first run and settings) was refused. Shared code says what is
 * wrong; the UI words it in the user's language (src/ui/quota-errors.ts).
 */
export type QuotaFieldError = (
  | { code: 'target-amount' }
  | { code: 'target-deals' }
  | { code: 'closed-amount' }
  | { code: 'closed-deals' }
  | { code: 'average-deal-size' }
  | { code: 'average-deal-size-optional' }
  | { code: 'period-start' }
  | { code: 'period-end' }
  | { code: 'period-end-before-start' }
  | { code: 'period-end-past' }
  | { code: 'currency' }
  /** An amount was written with one currency ("$240k") and the currency field says another. */
  | { code: 'amount-currency'; typed: string; chosen: string }
  | { code: 'working-weekdays' }
  | { code: 'day-off'; day: string }
  | { code: 'reminder-hour' }
  | { code: 'realistic-asks' }
  | { code: 'whole-number' }
  | { code: 'percentage' }
  /** A sales cycle is a whole number of days (1–730) or weeks (1–104). */
  | { code: 'sales-cycle' }
  | { code: 'country' }
) & {
  /** Set when the text was not a number in the user's locale ("7,5" in English), for a hint on how to write it. */
  number?: NumberProblem;
};

/** A number field read in `locale`: its value, or null and (for text that is not a number) why. */
export function readNumberField(raw: string, locale: string, maxDecimals: number): NumberField {
  return fieldOf(parseLocaleNumber(raw, locale, { maxDecimals }), maxDecimals);
}

/** A field read as a number, or null and (for text that is not a number) why. */
export type NumberField = { value: number; number?: undefined } | { value: null; number?: NumberProblem };

/** An amount field: a number as `readNumberField` reads it, or as people write money ("$240k", "1,2 Mio."). */
export interface AmountField {
  value: number | null;
  number?: NumberProblem | undefined;
  /** The currency the amount was written in, when it names one. */
  currency?: string | undefined;
}

export function readAmountField(raw: string, locale: string, maxDecimals = 2): AmountField {
  const result = parseMoneyAmount(raw, locale, maxDecimals);
  const field = fieldOf(result, maxDecimals);
  return result.ok && result.currency ? { ...field, currency: result.currency } : field;
}

/**
 * The refusal for an amount written in another currency than the one chosen, if it was; checked
 * after the field's own error so "what is wrong" names one thing at a time.
 */
export function currencyConflict(field: AmountField, chosen: string): QuotaFieldError | undefined {
  if (field.value === null || field.currency === undefined || !/^[A-Z]{3}$/.test(chosen)) return undefined;
  return field.currency === chosen ? undefined : { code: 'amount-currency', typed: field.currency, chosen };
}

function fieldOf(result: NumberResult, maxDecimals: number): NumberField {
  if (result.ok) return { value: result.value };
  const hint = result.issue === 'grouping' || result.issue === 'malformed' || result.issue === 'decimals';
  return hint ? { value: null, number: { issue: result.issue, maxDecimals } } : { value: null };
}

/** `error` with the number problem behind it, if there was one. */
export function withNumber<E extends QuotaFieldError>(error: E, field: { number?: NumberProblem | undefined }): E {
  return field.number ? { ...error, number: field.number } : error;
}
