import browser from 'webextension-polyfill';
import { t } from '../i18n/t.ts';
import { badgeFor, type ReminderTexts } from '../shared/reminders.ts';
import { loadDay } from '../storage/day.ts';
import type { Db } from '../storage/db.ts';

/** The reminder's and the badge's words in the browser's language. */
export function reminderTexts(): ReminderTexts {
  return {
    title: t('reminderTitle'),
    thanksOwed: (n) => (n === 1 ? t('reminderThanksOwedOne') : t('reminderThanksOwedMany', String(n))),
    asksLeftToday: (n) => (n === 1 ? t('reminderAsksLeftOne') : t('reminderAsksLeftMany', String(n))),
    followUpsDue: (n) => (n === 1 ? t('reminderFollowUpsDueOne') : t('reminderFollowUpsDueMany', String(n))),
    badgeTitle: (detail) => (detail ? t('reminderBadgeTitle', detail) : t('reminderBadgeTitleEmpty')),
  };
}

/** Shows asks left today on the toolbar icon, or the thank-yous owed when those are due. */
export async function refreshBadge(db: Db, now: Date): Promise<string> {
  const day = await loadDay(db, now);
  const badge = badgeFor({ asksLeftToday: day.pace?.asksLeftToday ?? null, thanksDue: day.thanksDue }, reminderTexts());
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
  return badge.text;
}
