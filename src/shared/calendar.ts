import { addDays, dayNumber } from './dates.ts';
import type { LocalDate, Quota } from './model.ts';

/** Which days are worked: weekdays (0 = Sunday … 6 = Saturday) minus days off. */
export interface WorkCalendar {
  weekdays: readonly number[];
  daysOff: readonly LocalDate[];
}

export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

/**
 * The user's calendar: their weekdays, minus the days off they added and their country's public
 * holidays (stored with the quota; see plan/holidays.ts), except holidays they said they work.
 */
export function calendarOf(
  quota: Pick<Quota, 'workingWeekdays' | 'daysOff' | 'holidays' | 'workedHolidays'>,
): WorkCalendar {
  const worked = new Set(quota.workedHolidays ?? []);
  const holidays = (quota.holidays?.days ?? []).map((day) => day.date).filter((date) => !worked.has(date));
  const daysOff = holidays.length === 0 ? (quota.daysOff ?? []) : [...new Set([...(quota.daysOff ?? []), ...holidays])];
  return { weekdays: quota.workingWeekdays ?? MONDAY_TO_FRIDAY, daysOff };
}

function weekdayOfDay(days: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((days + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: LocalDate): number {
  const days = dayNumber(date);
  if (days === null) throw new RangeError(`Not a date: ${date}`);
  return weekdayOfDay(days);
}

export function isWorkedDay(date: LocalDate, calendar: WorkCalendar): boolean {
  return calendar.weekdays.includes(weekdayOf(date)) && !calendar.daysOff.includes(date);
}

/** Worked days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function workedDaysBetween(from: LocalDate, to: LocalDate, calendar: WorkCalendar): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === null || end === null) throw new RangeError(`Not a date: ${start === null ? from : to}`);
  if (end < start) return 0;
  const weekdays = new Set(calendar.weekdays);
  const total = end - start + 1;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * weekdays.size;
  for (let day = start + fullWeeks * 7; day <= end; day++) if (weekdays.has(weekdayOfDay(day))) count++;
  for (const off of new Set(calendar.daysOff)) {
    const day = dayNumber(off);
    if (day !== null && day >= start && day <= end && weekdays.has(weekdayOfDay(day))) count--;
  }
  return count;
}

/** The date `count` worked days after `from` (`from` itself never counts). */
export function addWorkedDays(from: LocalDate, count: number, calendar: WorkCalendar): LocalDate {
  if (calendar.weekdays.length === 0) return addDays(from, count);
  let date = from;
  let left = count;
  // Days off can only delay by as many days as there are of them; the bound stops a bad calendar.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    date = addDays(date, 1);
    if (isWorkedDay(date, calendar)) left--;
  }
  return date;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The calendar month or quarter that contains `today`. */
export function periodContaining(kind: 'month' | 'quarter', today: LocalDate): { start: LocalDate; end: LocalDate } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = kind === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  const last = kind === 'month' ? month : first + 2;
  return {
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

/**
 * The period the quota applies to today. A month or quarter rolls over by itself; the closed
 * baseline only belongs to the period it was entered for, so a new period starts from 0.
 */
export function effectivePeriod(
  quota: Quota,
  today: LocalDate,
): { start: LocalDate; end: LocalDate; closedBaseline: number } {
  const kind = quota.periodKind ?? 'custom';
  if (kind === 'custom')
    return { start: quota.periodStart, end: quota.periodEnd, closedBaseline: quota.closedBaseline };
  const current = periodContaining(kind, today);
  const sameAsEntered = current.start === quota.periodStart || (today >= quota.periodStart && today <= quota.periodEnd);
  return sameAsEntered
    ? { start: quota.periodStart, end: quota.periodEnd, closedBaseline: quota.closedBaseline }
    : { ...current, closedBaseline: 0 };
}
