import { periodContaining } from './calendar.ts';
import { dayNumber } from './dates.ts';
import type {
  ConversionAssumptions,
  LocalDate,
  OutreachKind,
  PaceSettings,
  PeriodKind,
  Quota,
  Settings,
  TargetKind,
} from './model.ts';
import { formatLocaleNumber } from './locale-number.ts';
import {
  currencyConflict,
  readAmountField,
  readNumberField,
  withNumber,
  type QuotaFieldError,
} from './quota-errors.ts';
import { readSalesCycle } from './quota-form.ts';

/**
 * The quota and pace settings form, as typed (strings), shared by the popup and the options page.
 * Numbers are written as in the UI language ("120.000", "7,5" in German).
 */
export interface QuotaSettingsInput {
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  targetKind: TargetKind;
  target: string;
  currency: string;
  closed: string;
  averageDealSize: string;
  workingWeekdays: number[];
  daysOff: string;
  /** ISO 3166 country for public holidays; '' for none. */
  country: string;
  /** Public holidays the user works anyway. */
  workedHolidays: LocalDate[];
  /** Days from first contact to a signed deal ('' leaves it to the default or the won deals). */
  salesCycle: string;
  reminderHour: string;
  realisticAsksPerDay: string;
  customersPerDay: string;
  stalledPerDay: string;
  /** Percentages, e.g. "10" for 10 % ("7,5" in German; a trailing % is fine). */
  conversion: Partial<Record<OutreachKind, string>>;
}

/** What is wrong with each refused field; the UI words it. */
export type QuotaSettingsErrors = Partial<
  Record<Exclude<keyof QuotaSettingsInput, 'conversion' | 'workedHolidays'> | OutreachKind, QuotaFieldError>
>;

/** Kinds whose conversion the form edits (asks only). */
export const EDITABLE_CONVERSION_KINDS: readonly OutreachKind[] = [
  'referral-ask',
  'upsell',
  'stalled-revival',
  'favour-ask',
  'group-post',
];

/**
 * The form's starting values from what is stored (or sensible ones on first run), written as in
 * `locale` so that saving them again reads back the same numbers.
 */
export function quotaSettingsInput(
  quota: Quota | undefined,
  settings: Settings,
  pace: PaceSettings,
  today: LocalDate,
  locale: string,
): QuotaSettingsInput {
  const month = periodContaining('month', today);
  const show = (value: number, decimals = 2) => formatLocaleNumber(value, locale, decimals);
  const conversion: Partial<Record<OutreachKind, string>> = {};
  for (const kind of EDITABLE_CONVERSION_KINDS)
    conversion[kind] = show(Math.round(settings.conversion[kind] * 1000) / 10, 1);
  return {
    periodKind: quota?.periodKind ?? (quota ? 'custom' : 'month'),
    periodStart: quota?.periodStart ?? month.start,
    periodEnd: quota?.periodEnd ?? month.end,
    targetKind: quota?.targetKind ?? 'amount',
    target: quota ? show(quota.target) : '',
    currency: quota?.currency ?? 'USD',
    closed: quota ? show(quota.closedBaseline) : show(0),
    averageDealSize: quota ? show(quota.averageDealSize) : '',
    workingWeekdays: [...(quota?.workingWeekdays ?? [1, 2, 3, 4, 5])],
    daysOff: (quota?.daysOff ?? []).join(', '),
    country: quota?.country ?? '',
    workedHolidays: [...(quota?.workedHolidays ?? [])],
    salesCycle: pace.salesCycleDays === undefined ? '' : show(pace.salesCycleDays, 0),
    reminderHour: show(pace.reminderHour, 0),
    realisticAsksPerDay: show(pace.realisticAsksPerDay, 0),
    customersPerDay: show(pace.stepCapacity.customers, 0),
    stalledPerDay: show(pace.stepCapacity.stalled, 0),
    conversion,
  };
}

function withoutCycle(pace: PaceSettings): PaceSettings {
  const { salesCycleDays: _cycle, ...rest } = pace;
  return rest;
}

/**
 * Validates the settings form, reading numbers as written in `locale`; each error says what is
 * wrong, for the UI to word as what to type.
 */
export function parseQuotaSettings(
  input: QuotaSettingsInput,
  today: LocalDate,
  current: { settings: Settings; pace: PaceSettings },
  locale: string,
): { ok: true; quota: Quota; settings: Settings; pace: PaceSettings } | { ok: false; errors: QuotaSettingsErrors } {
  const errors: QuotaSettingsErrors = {};
  const deals = input.targetKind === 'deals';
  const number = (raw: string, decimals = 2) => readNumberField(raw, locale, decimals);
  // Money as people write it ("$240k") for amounts; a number of deals is a plain whole number.
  const targetField = deals ? number(input.target, 0) : readAmountField(input.target, locale);
  const closedField = deals ? number(input.closed || '0', 0) : readAmountField(input.closed || '0', locale);
  const averageField = readAmountField(input.averageDealSize || (deals ? '0' : ''), locale);
  const [target, closed, averageDealSize] = [targetField.value, closedField.value, averageField.value];
  const currency = input.currency.trim().toUpperCase();

  let start: LocalDate = input.periodStart;
  let end: LocalDate = input.periodEnd;
  if (input.periodKind !== 'custom') ({ start, end } = periodContaining(input.periodKind, today));

  if (target === null || target <= 0)
    errors.target = withNumber({ code: deals ? 'target-deals' : 'target-amount' }, targetField);
  if (closed === null) errors.closed = withNumber({ code: deals ? 'closed-deals' : 'closed-amount' }, closedField);
  if (!deals && (averageDealSize === null || averageDealSize <= 0))
    errors.averageDealSize = withNumber({ code: 'average-deal-size' }, averageField);
  if (deals && averageDealSize === null)
    errors.averageDealSize = withNumber({ code: 'average-deal-size-optional' }, averageField);
  if (input.periodKind === 'custom') {
    const startDay = dayNumber(start);
    const endDay = dayNumber(end);
    if (startDay === null) errors.periodStart = { code: 'period-start' };
    if (endDay === null) errors.periodEnd = { code: 'period-end' };
    else if (startDay !== null && endDay < startDay) errors.periodEnd = { code: 'period-end-before-start' };
    else if (endDay < (dayNumber(today) ?? 0)) errors.periodEnd = { code: 'period-end-past' };
  }
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = { code: 'currency' };
  const amounts = deals
    ? ([['averageDealSize', averageField]] as const)
    : ([
        ['target', targetField],
        ['closed', closedField],
        ['averageDealSize', averageField],
      ] as const);
  for (const [key, field] of amounts) {
    const conflict = errors[key] ? undefined : currencyConflict(field, currency);
    if (conflict) errors[key] = conflict;
  }
  const weekdays = [...new Set(input.workingWeekdays)].filter((day) => day >= 0 && day <= 6).sort();
  if (weekdays.length === 0) errors.workingWeekdays = { code: 'working-weekdays' };
  const daysOff = input.daysOff
    .split(/[\s,;]+/)
    .map((day) => day.trim())
    .filter(Boolean);
  const badDay = daysOff.find((day) => dayNumber(day) === null);
  if (badDay) errors.daysOff = { code: 'day-off', day: badDay };

  const reminderField = number(input.reminderHour, 0);
  const reminderHour = reminderField.value;
  if (reminderHour === null || reminderHour > 23)
    errors.reminderHour = withNumber({ code: 'reminder-hour' }, reminderField);
  const realisticField = number(input.realisticAsksPerDay, 0);
  const realistic = realisticField.value;
  if (realistic === null || realistic < 1)
    errors.realisticAsksPerDay = withNumber({ code: 'realistic-asks' }, realisticField);
  const customersField = number(input.customersPerDay, 0);
  const customers = customersField.value;
  if (customers === null) errors.customersPerDay = withNumber({ code: 'whole-number' }, customersField);
  const stalledField = number(input.stalledPerDay, 0);
  const stalled = stalledField.value;
  if (stalled === null) errors.stalledPerDay = withNumber({ code: 'whole-number' }, stalledField);

  const country = input.country.trim().toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) errors.country = { code: 'country' };
  const cycle = input.salesCycle.trim() === '' ? undefined : readSalesCycle(input.salesCycle, 'days', locale);
  if (cycle && 'error' in cycle) errors.salesCycle = cycle.error;

  const conversion: ConversionAssumptions = { ...current.settings.conversion };
  for (const kind of EDITABLE_CONVERSION_KINDS) {
    const raw = input.conversion[kind];
    if (raw === undefined) continue;
    const field = number(raw.replace(/\s*%\s*$/, ''), 1);
    if (field.value === null || field.value > 100) errors[kind] = withNumber({ code: 'percentage' }, field);
    else conversion[kind] = field.value / 100;
  }

  if (
    Object.keys(errors).length > 0 ||
    target === null ||
    closed === null ||
    averageDealSize === null ||
    reminderHour === null ||
    realistic === null ||
    customers === null ||
    stalled === null
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    quota: {
      periodKind: input.periodKind,
      periodStart: start,
      periodEnd: end,
      targetKind: input.targetKind,
      target,
      currency,
      closedBaseline: closed,
      averageDealSize,
      workingWeekdays: weekdays,
      daysOff: [...new Set(daysOff)].sort(),
      ...(country !== '' && { country }),
      ...(input.workedHolidays.length > 0 && { workedHolidays: [...new Set(input.workedHolidays)].sort() }),
    },
    settings: { ...current.settings, conversion },
    pace: {
      ...withoutCycle(current.pace),
      ...(cycle && 'days' in cycle && { salesCycleDays: cycle.days }),
      reminderHour,
      realisticAsksPerDay: realistic,
      stepCapacity: { customers, stalled },
    },
  };
}
