import { workingDaysBetween, dayNumber } from './dates.ts';
import type { LocalDate, OutreachKind, Quota } from './model.ts';

/** Kinds that ask someone for something; follow-ups and thank-yous do not count as asks. */
export const ASK_KINDS: ReadonlySet<OutreachKind> = new Set<OutreachKind>([
  'referral-ask',
  'upsell',
  'stalled-revival',
  'favour-ask',
  'group-post',
]);

export function isAsk(kind: OutreachKind): boolean {
  return ASK_KINDS.has(kind);
}

export interface PaceInput {
  quota: Quota;
  /** Won amounts logged inside the period, on top of the baseline. */
  wonInPeriod: number;
  today: LocalDate;
  asksMadeToday: number;
  /** Probability that one ask ends in a deal of average size. */
  conversion: number;
}

export interface QuotaStatus {
  closed: number;
  gap: number;
  /** Share of the target reached, 0..1. */
  progress: number;
  workingDaysLeft: number;
  expectedValuePerAsk: number;
  /** Asks that close the gap at the stated conversion; null when no ask can (conversion 0). */
  asksNeeded: number | null;
  /** Even pace over the working days left, today included; null when it cannot be computed. */
  asksPerDay: number | null;
  asksMadeToday: number;
  asksLeftToday: number | null;
  state: 'closed' | 'on-the-way' | 'period-over' | 'not-started' | 'no-working-day-left';
}

export function gapOf(target: number, closed: number): number {
  return Math.max(0, target - closed);
}

/** Working days from today (or the period start, if later) to the period end, both included. */
export function workingDaysLeft(quota: Quota, today: LocalDate): number {
  const from = (dayNumber(quota.periodStart) ?? 0) > (dayNumber(today) ?? 0) ? quota.periodStart : today;
  return workingDaysBetween(from, quota.periodEnd);
}

export function quotaStatus(input: PaceInput): QuotaStatus {
  const { quota, today, asksMadeToday } = input;
  const closed = quota.closedBaseline + input.wonInPeriod;
  const gap = gapOf(quota.target, closed);
  const progress = quota.target > 0 ? Math.min(1, closed / quota.target) : 1;
  const daysLeft = workingDaysLeft(quota, today);
  const expectedValuePerAsk = quota.averageDealSize * input.conversion;
  // The epsilon keeps a float quotient like 5699.999999999999 from rounding up to one ask more.
  const asksNeeded = gap === 0 ? 0 : expectedValuePerAsk > 0 ? Math.ceil(gap / expectedValuePerAsk - 1e-9) : null;
  const todayDay = dayNumber(today) ?? 0;

  let state: QuotaStatus['state'] = 'on-the-way';
  if (gap === 0) state = 'closed';
  else if (todayDay > (dayNumber(quota.periodEnd) ?? 0)) state = 'period-over';
  else if (todayDay < (dayNumber(quota.periodStart) ?? 0)) state = 'not-started';
  else if (daysLeft === 0) state = 'no-working-day-left';

  const asksPerDay =
    gap === 0
      ? 0
      : asksNeeded === null || daysLeft === 0 || state === 'period-over'
        ? null
        : Math.ceil(asksNeeded / daysLeft);
  const countsToday = state === 'on-the-way' || state === 'closed';
  const asksLeftToday = asksPerDay === null ? null : countsToday ? Math.max(0, asksPerDay - asksMadeToday) : asksPerDay;

  return {
    closed,
    gap,
    progress,
    workingDaysLeft: daysLeft,
    expectedValuePerAsk,
    asksNeeded,
    asksPerDay,
    asksMadeToday,
    asksLeftToday,
    state,
  };
}
