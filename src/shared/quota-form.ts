import { dayNumber } from './dates.ts';
import type { LocalDate, Quota } from './model.ts';
import { readNumberField, withNumber, type QuotaFieldError } from './quota-errors.ts';

export interface QuotaFormInput {
  target: string;
  closed: string;
  periodEnd: string;
  averageDealSize: string;
  currency: string;
}

/** What is wrong with each refused field; the UI words it. */
export type QuotaFormErrors = Partial<Record<keyof QuotaFormInput, QuotaFieldError>>;

/** The first day of the month a date is in. */
function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * Validates the first-run form. The period starts on the first of the current month (or
 * today, if the end falls earlier) so the month's closed baseline counts. Amounts are read as
 * written in `locale`, the UI language ("120.000" in German is one hundred twenty thousand).
 */
export function parseQuotaForm(
  input: QuotaFormInput,
  today: LocalDate,
  locale: string,
): { ok: true; quota: Quota } | { ok: false; errors: QuotaFormErrors } {
  const errors: QuotaFormErrors = {};
  const targetField = readNumberField(input.target, locale, 2);
  const closedField = readNumberField(input.closed || '0', locale, 2);
  const averageField = readNumberField(input.averageDealSize, locale, 2);
  const [target, closed, averageDealSize] = [targetField.value, closedField.value, averageField.value];
  const end = dayNumber(input.periodEnd);
  const currency = input.currency.trim().toUpperCase();

  if (target === null || target <= 0) errors.target = withNumber({ code: 'target-amount' }, targetField);
  if (closed === null) errors.closed = withNumber({ code: 'closed-amount' }, closedField);
  if (averageDealSize === null || averageDealSize <= 0)
    errors.averageDealSize = withNumber({ code: 'average-deal-size' }, averageField);
  if (end === null) errors.periodEnd = { code: 'period-end' };
  else if (end < (dayNumber(today) ?? 0)) errors.periodEnd = { code: 'period-end-past' };
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = { code: 'currency' };

  if (Object.keys(errors).length > 0 || target === null || closed === null || averageDealSize === null) {
    return { ok: false, errors };
  }
  const start = monthStart(today);
  return {
    ok: true,
    quota: {
      periodStart: start <= input.periodEnd ? start : today,
      periodEnd: input.periodEnd,
      target,
      currency,
      closedBaseline: closed,
      averageDealSize,
    },
  };
}
