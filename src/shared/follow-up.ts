import { addDays, isWorkingDay } from './dates.ts';
import type { LocalDate } from './model.ts';

/** The date `count` working days (Mon–Fri) after `from`. */
export function addWorkingDays(from: LocalDate, count: number): LocalDate {
  let date = from;
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) left--;
  }
  return date;
}
