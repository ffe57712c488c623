import { dayNumber } from './dates.ts';
import type { LocalDate, Quota } from './model.ts';
import type { QuotaFieldError } from './quota-errors.ts';

export interface QuotaFormInput {
  target: string;
  closed: string;
  periodEnd: string;
  averageDealSize: string;
  currency: string;
}

/** What is wrong with each refused field; the UI words it. */
export type QuotaFormErrors = Partial<Record<keyof QuotaFormInput, QuotaFieldError>>;

function amount(raw: string): number | null {
  const cleaned = raw.replace(/[\s,_]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** The first day of the month a date is in. */
function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * Validates the first-run form. The period starts on the first of the current month (or
 * today, if the end falls earlier) so the month's closed baseline counts.
 */
export function parseQuotaForm(
  input: QuotaFormInput,
  today: LocalDate,
): { ok: true; quota: Quota } | { ok: false; errors: QuotaFormErrors } {
  const errors: QuotaFormErrors = {};
  const target = amount(input.target);
  const closed = amount(input.closed || '0');
  const averageDealSize = amount(input.averageDealSize);
  const end = dayNumber(input.periodEnd);
  const currency = input.currency.trim().toUpperCase();

  if (target === null || target <= 0) errors.target = { code: 'target-amount' };
  if (closed === null) errors.closed = { code: 'closed-amount' };
  if (averageDealSize === null || averageDealSize <= 0) errors.averageDealSize = { code: 'average-deal-size' };
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
