import type { LocalDate } from './model.ts';

/** 24 hours: a UTC day. A local day is 23 or 25 hours on a daylight-saving change: see localDayBounds. */
export const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` to a day number, or null when it is not a real calendar date. */
export function dayNumber(date: LocalDate): number | null {
  const match = LOCAL_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.round(ms / DAY_MS);
}

function fromDayNumber(days: number): LocalDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date of an instant in the browser's time zone. */
export function localDateOf(instant: Date): LocalDate {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Start and end (exclusive) of a local calendar day as epoch milliseconds; DST-safe. */
export function localDayBounds(date: LocalDate): { start: number; end: number } {
  const days = dayNumber(date);
  if (days === null) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { start: new Date(y, m - 1, d).getTime(), end: new Date(y, m - 1, d + 1).getTime() };
}

export function addDays(date: LocalDate, count: number): LocalDate {
  const days = dayNumber(date);
  if (days === null) throw new RangeError(`Not a date: ${date}`);
  return fromDayNumber(days + count);
}

function isWeekday(days: number): boolean {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((days + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6;
}

export function isWorkingDay(date: LocalDate): boolean {
  const days = dayNumber(date);
  if (days === null) throw new RangeError(`Not a date: ${date}`);
  return isWeekday(days);
}
