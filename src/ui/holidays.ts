import { uiLocale } from '../i18n/t.ts';
import type { LocalDate, Quota } from '../shared/model.ts';
import { holidaysStale } from '../shared/plan/stale.ts';

/**
 * The quota with its country's public holidays for the period (shared/plan/holidays.ts). The
 * holiday library is loaded here, on a save or when a page finds the stored dates stale, never
 * in the popup's first render.
 */
export async function quotaWithHolidays(quota: Quota, today: LocalDate): Promise<Quota> {
  const { withHolidays } = await import('../shared/plan/holidays.ts');
  return withHolidays(quota, today, uiLocale());
}

/** The stored quota, refreshed when its holidays no longer cover the period (a rolled-over one, after a year). */
export async function refreshStaleHolidays(
  quota: Quota,
  today: LocalDate,
  save: (quota: Quota) => Promise<void>,
): Promise<boolean> {
  if (!holidaysStale(quota, today)) return false;
  await save(await quotaWithHolidays(quota, today));
  return true;
}
