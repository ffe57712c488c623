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
import type { QuotaFieldError } from './quota-errors.ts';

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

/** What is wrong with each refused field; the UI words it. */
export type QuotaSettingsErrors = Partial<
  Record<Exclude<keyof QuotaSettingsInput, 'conversion'> | OutreachKind, QuotaFieldError>
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

/** Validates the settings form; each error says what is wrong, for the UI to word as what to type. */
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

  if (target === null || target <= 0) errors.target = { code: deals ? 'target-deals' : 'target-amount' };
  if (closed === null) errors.closed = { code: deals ? 'closed-deals' : 'closed-amount' };
  if (!deals && (averageDealSize === null || averageDealSize <= 0))
    errors.averageDealSize = { code: 'average-deal-size' };
  if (deals && averageDealSize === null) errors.averageDealSize = { code: 'average-deal-size-optional' };
  if (input.periodKind === 'custom') {
    const startDay = dayNumber(start);
    const endDay = dayNumber(end);
    if (startDay === null) errors.periodStart = { code: 'period-start' };
    if (endDay === null) errors.periodEnd = { code: 'period-end' };
    else if (startDay !== null && endDay < startDay) errors.periodEnd = { code: 'period-end-before-start' };
    else if (endDay < (dayNumber(today) ?? 0)) errors.periodEnd = { code: 'period-end-past' };
  }
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = { code: 'currency' };
  const weekdays = [...new Set(input.workingWeekdays)].filter((day) => day >= 0 && day <= 6).sort();
  if (weekdays.length === 0) errors.workingWeekdays = { code: 'working-weekdays' };
  const daysOff = input.daysOff
    .split(/[\s,;]+/)
    .map((day) => day.trim())
    .filter(Boolean);
  const badDay = daysOff.find((day) => dayNumber(day) === null);
  if (badDay) errors.daysOff = { code: 'day-off', day: badDay };

  const reminderHour = number(input.reminderHour, 0);
  if (reminderHour === null || reminderHour > 23) errors.reminderHour = { code: 'reminder-hour' };
  const realistic = number(input.realisticAsksPerDay, 0);
  if (realistic === null || realistic < 1) errors.realisticAsksPerDay = { code: 'realistic-asks' };
  const customers = number(input.customersPerDay, 0);
  if (customers === null) errors.customersPerDay = { code: 'whole-number' };
  const stalled = number(input.stalledPerDay, 0);
  if (stalled === null) errors.stalledPerDay = { code: 'whole-number' };

  const conversion: ConversionAssumptions = { ...current.settings.conversion };
  for (const kind of EDITABLE_CONVERSION_KINDS) {
    const raw = input.conversion[kind];
    if (raw === undefined) continue;
    const value = number(raw, 1);
    if (value === null || value > 100) errors[kind] = { code: 'percentage' };
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
