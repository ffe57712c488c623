import { effectivePeriod } from '../calendar.ts';
import type { LocalDate, Quota } from '../model.ts';

/**
 * Kept apart from holidays.ts (which loads the holiday library) so pages can ask whether the
 * stored dates still cover the period without loading the library's data.
 */
/** Whether the stored holidays do not (or no longer) cover the period in force today. */
export function holidaysStale(quota: Quota, today: LocalDate): boolean {
  if (!quota.country) return quota.holidays !== undefined;
  const stored = quota.holidays;
  if (!stored || stored.country !== quota.country) return true;
  const period = effectivePeriod(quota, today);
  return period.start < stored.from || period.end > stored.to;
}
