import Holidays from 'date-holidays';
import { addDays, dayNumber } from '../dates.ts';
import { effectivePeriod } from '../calendar.ts';
import { holidaysStale } from './stale.ts';
import type { LocalDate, PublicHolidays, Quota } from '../model.ts';

/**
 * Public holidays from date-holidays (a maintained library with ~200 countries' rules). Its data
 * is large, so only the places where the quota is saved (first run, settings, the options page)
 * load this module, and always through a dynamic import: the popup's first render and the worker
 * read the stored dates (Quota.holidays) and never the library.
 *
 * Counted: `public` and `bank` holidays (days most offices close: 25 Dec everywhere, 24 and 31 Dec
 * in Germany). Nationwide only: a state's own holidays are added by hand as days off.
 */
const TYPES = ['public', 'bank'] as const;

/** Holidays are stored a year ahead of the period's start, so a month or quarter rolls over into known dates. */
export const HOLIDAY_WINDOW_DAYS = 366;

export function holidaysBetween(country: string, from: LocalDate, to: LocalDate, language: string): PublicHolidays {
  const calendar = new Holidays(country, { languages: [language.slice(0, 2), 'en'], types: [...TYPES] });
  const days: { date: LocalDate; name: string }[] = [];
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let year = first; year <= last; year++)
    for (const holiday of calendar.getHolidays(year, language.slice(0, 2)) || []) {
      const date = holiday.date.slice(0, 10);
      if (date < from || date > to || !(TYPES as readonly string[]).includes(holiday.type)) continue;
      if (!days.some((day) => day.date === date)) days.push({ date, name: holiday.name });
    }
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { country, from, to, days };
}

/**
 * The quota with its holidays for the period in force today and a year on (none without a
 * country); the same object when nothing had to change. Called where the quota is saved, and
 * when a page that may load this module opens and finds the stored dates stale (a rolled-over
 * period after a year, or a changed country).
 */
export function withHolidays(quota: Quota, today: LocalDate, language: string): Quota {
  if (!holidaysStale(quota, today)) return quota;
  const { holidays: _old, ...rest } = quota;
  if (!quota.country) return rest;
  const period = effectivePeriod(quota, today);
  const span = (dayNumber(period.end) ?? 0) - (dayNumber(period.start) ?? 0);
  const to = addDays(period.start, Math.max(span, HOLIDAY_WINDOW_DAYS));
  return { ...rest, holidays: holidaysBetween(quota.country, period.start, to, language) };
}
