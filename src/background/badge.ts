import browser from 'webextension-polyfill';
import { badgeFor } from '../shared/reminders.ts';
import { loadDay } from '../storage/day.ts';
import type { Db } from '../storage/db.ts';

/** Shows asks left today on the toolbar icon, or the thank-yous owed when those are due. */
export async function refreshBadge(db: Db, now: Date): Promise<string> {
  const day = await loadDay(db, now);
  const badge = badgeFor({ asksLeftToday: day.pace?.asksLeftToday ?? null, thanksDue: day.thanksDue });
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
  return badge.text;
}
