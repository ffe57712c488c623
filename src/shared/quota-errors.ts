import { parseLocaleNumber, type NumberIssue } from './locale-number.ts';

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
  | { code: 'working-weekdays' }
  | { code: 'day-off'; day: string }
  | { code: 'reminder-hour' }
  | { code: 'realistic-asks' }
  | { code: 'whole-number' }
  | { code: 'percentage' }
) & {
  /** Set when the text was not a number in the user's locale ("7,5" in English), for a hint on how to write it. */
  number?: NumberProblem;
};

/** A number field read in `locale`: its value, or null and (for text that is not a number) why. */
export function readNumberField(
  raw: string,
  locale: string,
  maxDecimals: number,
): { value: number; number?: undefined } | { value: null; number?: NumberProblem } {
  const result = parseLocaleNumber(raw, locale, { maxDecimals });
  if (result.ok) return { value: result.value };
  const hint = result.issue === 'grouping' || result.issue === 'malformed' || result.issue === 'decimals';
  return hint ? { value: null, number: { issue: result.issue, maxDecimals } } : { value: null };
}

/** `error` with the number problem behind it, if there was one. */
export function withNumber<E extends QuotaFieldError>(error: E, field: { number?: NumberProblem | undefined }): E {
  return field.number ? { ...error, number: field.number } : error;
}
