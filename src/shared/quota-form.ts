import { periodContaining } from './calendar.ts';
import { dayNumber } from './dates.ts';
import type { LocalDate, PeriodKind, Quota } from './model.ts';
import {
  currencyConflict,
  readAmountField,
  readNumberField,
  withNumber,
  type QuotaFieldError,
} from './quota-errors.ts';

export type CycleUnit = 'days' | 'weeks';
/** The longest sales cycle the plan takes: two years. */
export const MAX_CYCLE_DAYS = 730;

/** A sales cycle as typed ("45" days, "6" weeks) in days, or the error to show. */
export function readSalesCycle(
  raw: string,
  unit: CycleUnit,
  locale: string,
): { days: number } | { error: QuotaFieldError } {
  const field = readNumberField(raw, locale, 0);
  const days = field.value === null ? null : field.value * (unit === 'weeks' ? 7 : 1);
  if (days === null || days < 1 || days > MAX_CYCLE_DAYS) return { error: withNumber({ code: 'sales-cycle' }, field) };
  return { days };
}

export interface QuotaFormInput {
  /** A calendar month or quarter rolls over by itself; custom dates end on `periodEnd`. */
  periodKind: PeriodKind;
  target: string;
  closed: string;
  periodEnd: string;
  averageDealSize: string;
  currency: string;
  /** ISO 3166 country whose public holidays are not worked; '' for none. */
  country?: string;
  /** How long a deal takes from first contact to signature, in `salesCycleUnit`. */
  salesCycle?: string;
  salesCycleUnit?: CycleUnit;
}

/** What is wrong with each refused field; the UI words it. */
export type QuotaFormErrors = Partial<Record<keyof QuotaFormInput, QuotaFieldError>>;

/** The first day of the month a date is in. */
function monthStart(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * Validates the first-run form. A month or quarter is the calendar one containing today; custom
 * dates start on the first of the current month (or today, if the end falls earlier) so the month's closed baseline counts. Amounts are read as
 * written in `locale`, the UI language ("120.000" in German is one hundred twenty thousand).
 */
export function parseQuotaForm(
  input: QuotaFormInput,
  today: LocalDate,
  locale: string,
): { ok: true; quota: Quota; salesCycleDays?: number } | { ok: false; errors: QuotaFormErrors } {
  const errors: QuotaFormErrors = {};
  const targetField = readAmountField(input.target, locale);
  const closedField = readAmountField(input.closed || '0', locale);
  const averageField = readAmountField(input.averageDealSize, locale);
  const [target, closed, averageDealSize] = [targetField.value, closedField.value, averageField.value];
  const calendarPeriod = input.periodKind === 'custom' ? undefined : periodContaining(input.periodKind, today);
  const periodEnd = calendarPeriod?.end ?? input.periodEnd;
  const end = dayNumber(periodEnd);
  const currency = input.currency.trim().toUpperCase();

  if (target === null || target <= 0) errors.target = withNumber({ code: 'target-amount' }, targetField);
  if (closed === null) errors.closed = withNumber({ code: 'closed-amount' }, closedField);
  if (averageDealSize === null || averageDealSize <= 0)
    errors.averageDealSize = withNumber({ code: 'average-deal-size' }, averageField);
  if (end === null) errors.periodEnd = { code: 'period-end' };
  else if (end < (dayNumber(today) ?? 0)) errors.periodEnd = { code: 'period-end-past' };
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = { code: 'currency' };
  const cycle =
    input.salesCycle === undefined
      ? undefined
      : readSalesCycle(input.salesCycle, input.salesCycleUnit ?? 'days', locale);
  if (cycle && 'error' in cycle) errors.salesCycle = cycle.error;
  for (const [key, field] of [
    ['target', targetField],
    ['closed', closedField],
    ['averageDealSize', averageField],
  ] as const) {
    const conflict = errors[key] ? undefined : currencyConflict(field, currency);
    if (conflict) errors[key] = conflict;
  }

  if (Object.keys(errors).length > 0 || target === null || closed === null || averageDealSize === null) {
    return { ok: false, errors };
  }
  const start = calendarPeriod?.start ?? monthStart(today);
  const country = input.country?.trim().toUpperCase();
  return {
    ok: true,
    ...(cycle && 'days' in cycle && { salesCycleDays: cycle.days }),
    quota: {
      ...(country && /^[A-Z]{2}$/.test(country) && { country }),
      periodKind: input.periodKind,
      periodStart: start <= periodEnd ? start : today,
      periodEnd,
      target,
      currency,
      closedBaseline: closed,
      averageDealSize,
    },
  };
}
