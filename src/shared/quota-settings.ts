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

/** The quota and pace settings form, as typed (strings), shared by the popup and the options page. */
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
  reminderHour: string;
  realisticAsksPerDay: string;
  customersPerDay: string;
  stalledPerDay: string;
  /** Percentages, e.g. "10" for 10 %. */
  conversion: Partial<Record<OutreachKind, string>>;
}

export type QuotaSettingsErrors = Partial<
  Record<Exclude<keyof QuotaSettingsInput, 'conversion'> | OutreachKind, string>
>;

/** Kinds whose conversion the form edits (asks only). */
export const EDITABLE_CONVERSION_KINDS: readonly OutreachKind[] = [
  'referral-ask',
  'upsell',
  'stalled-revival',
  'favour-ask',
  'group-post',
];

function number(raw: string, decimals = 2): number | null {
  const cleaned = raw.replace(/[\s,_]/g, '');
  const pattern = decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`);
  if (!pattern.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

function percent(value: number): string {
  return String(Math.round(value * 1000) / 10);
}

/** The form's starting values from what is stored (or sensible ones on first run). */
export function quotaSettingsInput(
  quota: Quota | undefined,
  settings: Settings,
  pace: PaceSettings,
  today: LocalDate,
): QuotaSettingsInput {
  const month = periodContaining('month', today);
  const conversion: Partial<Record<OutreachKind, string>> = {};
  for (const kind of EDITABLE_CONVERSION_KINDS) conversion[kind] = percent(settings.conversion[kind]);
  return {
    periodKind: quota?.periodKind ?? (quota ? 'custom' : 'month'),
    periodStart: quota?.periodStart ?? month.start,
    periodEnd: quota?.periodEnd ?? month.end,
    targetKind: quota?.targetKind ?? 'amount',
    target: quota ? String(quota.target) : '',
    currency: quota?.currency ?? 'USD',
    closed: quota ? String(quota.closedBaseline) : '0',
    averageDealSize: quota ? String(quota.averageDealSize) : '',
    workingWeekdays: [...(quota?.workingWeekdays ?? [1, 2, 3, 4, 5])],
    daysOff: (quota?.daysOff ?? []).join(', '),
    reminderHour: String(pace.reminderHour),
    realisticAsksPerDay: String(pace.realisticAsksPerDay),
    customersPerDay: String(pace.stepCapacity.customers),
    stalledPerDay: String(pace.stepCapacity.stalled),
    conversion,
  };
}

/** Validates the settings form; errors are sentences that say what to type. */
export function parseQuotaSettings(
  input: QuotaSettingsInput,
  today: LocalDate,
  current: { settings: Settings; pace: PaceSettings },
): { ok: true; quota: Quota; settings: Settings; pace: PaceSettings } | { ok: false; errors: QuotaSettingsErrors } {
  const errors: QuotaSettingsErrors = {};
  const deals = input.targetKind === 'deals';
  const target = number(input.target, deals ? 0 : 2);
  const closed = number(input.closed || '0', deals ? 0 : 2);
  const averageDealSize = number(input.averageDealSize || (deals ? '0' : ''));
  const currency = input.currency.trim().toUpperCase();

  let start: LocalDate = input.periodStart;
  let end: LocalDate = input.periodEnd;
  if (input.periodKind !== 'custom') ({ start, end } = periodContaining(input.periodKind, today));

  if (target === null || target <= 0)
    errors.target = deals
      ? 'Enter your target as a whole number of deals, e.g. 8.'
      : 'Enter your target as a positive amount, e.g. 120000.';
  if (closed === null)
    errors.closed = deals
      ? 'Enter the deals closed so far as a whole number (0 if none yet).'
      : 'Enter what you have closed so far as an amount (0 if nothing yet).';
  if (!deals && (averageDealSize === null || averageDealSize <= 0))
    errors.averageDealSize = 'Enter your average deal size as a positive amount.';
  if (deals && averageDealSize === null)
    errors.averageDealSize = 'Enter the average deal size as an amount, or leave it empty.';
  if (input.periodKind === 'custom') {
    const startDay = dayNumber(start);
    const endDay = dayNumber(end);
    if (startDay === null) errors.periodStart = 'Pick the first day of the quota period.';
    if (endDay === null) errors.periodEnd = 'Pick the last day of the quota period.';
    else if (startDay !== null && endDay < startDay) errors.periodEnd = 'The period ends before it starts.';
    else if (endDay < (dayNumber(today) ?? 0))
      errors.periodEnd = 'The period end is in the past; pick today or a later day.';
  }
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'Use a three-letter currency code, e.g. USD or EUR.';
  const weekdays = [...new Set(input.workingWeekdays)].filter((day) => day >= 0 && day <= 6).sort();
  if (weekdays.length === 0) errors.workingWeekdays = 'Tick at least one working day.';
  const daysOff = input.daysOff
    .split(/[\s,;]+/)
    .map((day) => day.trim())
    .filter(Boolean);
  const badDay = daysOff.find((day) => dayNumber(day) === null);
  if (badDay) errors.daysOff = `“${badDay}” is not a date; write days off as YYYY-MM-DD, separated by commas.`;

  const reminderHour = number(input.reminderHour, 0);
  if (reminderHour === null || reminderHour > 23) errors.reminderHour = 'Pick an hour from 0 to 23.';
  const realistic = number(input.realisticAsksPerDay, 0);
  if (realistic === null || realistic < 1)
    errors.realisticAsksPerDay = 'Enter a whole number of asks a day, at least 1.';
  const customers = number(input.customersPerDay, 0);
  if (customers === null) errors.customersPerDay = 'Enter a whole number (0 or more).';
  const stalled = number(input.stalledPerDay, 0);
  if (stalled === null) errors.stalledPerDay = 'Enter a whole number (0 or more).';

  const conversion: ConversionAssumptions = { ...current.settings.conversion };
  for (const kind of EDITABLE_CONVERSION_KINDS) {
    const raw = input.conversion[kind];
    if (raw === undefined) continue;
    const value = number(raw, 1);
    if (value === null || value > 100) errors[kind] = 'Enter a percentage from 0 to 100.';
    else conversion[kind] = value / 100;
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
    },
    settings: { ...current.settings, conversion },
    pace: {
      ...current.pace,
      reminderHour,
      realisticAsksPerDay: realistic,
      stepCapacity: { customers, stalled },
    },
  };
}
