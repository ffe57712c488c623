import browser, { type Alarms } from 'webextension-polyfill';
import { localDateOf, localDayBounds } from '../shared/dates.ts';
import { BADGE_ALARM, REMINDER_ALARM, missedReminder, nextReminderAt, reminderMessage } from '../shared/reminders.ts';
import { loadDay } from '../storage/day.ts';
import type { Db } from '../storage/db.ts';
import { refreshHistoryIfStale } from '../storage/follow-through.ts';
import { getPaceSettings } from '../storage/settings.ts';
import { refreshBadge, reminderTexts } from './badge.ts';

/**
 * The daily reminder and the badge's midnight refresh. MV3 workers stop at any time, so every
 * start re-creates the alarms (Chrome keeps them, but an update or a changed hour must not
 * leave a stale one) and fires a reminder that was missed while nothing was running — once.
 */

export const NOTIFICATION_ID = 'gap-closer:reminder';
/** The page a notification click opens: the thank-yous and follow-ups list. */
export const LIST_PAGE = 'src/options/index.html#thank-yous';
/** An alarm and a start-up catch-up within this window are the same reminder. */
const SAME_REMINDER_MS = 60_000;

interface ReminderState {
  since: number;
  lastFiredAt?: number;
}

async function readState(db: Db, now: number): Promise<ReminderState> {
  const row = await db.get('settings', 'reminders');
  if (row?.key === 'reminders') return row.value;
  const state = { since: now };
  await db.put('settings', { key: 'reminders', value: state });
  return state;
}

async function writeState(db: Db, state: ReminderState): Promise<void> {
  await db.put('settings', { key: 'reminders', value: state });
}

/** Creates (or moves) an alarm unless it already exists at that time. */
async function ensureAlarm(name: string, when: number): Promise<void> {
  const existing: Alarms.Alarm | undefined = await browser.alarms.get(name);
  if (existing && existing.scheduledTime === when) return;
  await browser.alarms.create(name, { when });
}

function nextMidnight(now: Date): number {
  return localDayBounds(localDateOf(now)).end + 1_000;
}

/** Shows the reminder notification if there is something to do; records that it fired. */
async function fire(db: Db, now: Date, state: ReminderState): Promise<boolean> {
  await writeState(db, { ...state, lastFiredAt: now.getTime() });
  const day = await loadDay(db, now);
  const text = reminderMessage(
    {
      asksLeftToday: day.pace?.asksLeftToday ?? null,
      followUpsDue: day.dueFollowUps.length,
      thanksOwed: day.thanksOwed.length,
    },
    reminderTexts(),
  );
  if (!text) return false;
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: text.title,
    message: text.message,
  });
  return true;
}

// Start-up catch-up and alarms may arrive together: one at a time, so a reminder fires once.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * On every worker start (`catchUp`: a missed reminder fires once) and after data or settings
 * change (alarms moved to the new hour, badge redrawn; moving the hour never fires at once).
 */
export function setUpReminders(db: () => Promise<Db>, now: () => Date, catchUp = true): Promise<string> {
  return serially(async () => {
    const database = await db();
    const at = now();
    const [pace, state] = await Promise.all([getPaceSettings(database), readState(database, at.getTime())]);
    // The conversion history the pace uses: recounted here (not in a popup that may close) when
    // stale — before the alarms, so alarms in place mean the start-up writes are done.
    await refreshHistoryIfStale(database, at.getTime());
    await Promise.all([
      ensureAlarm(REMINDER_ALARM, nextReminderAt(at.getTime(), pace.reminderHour)),
      ensureAlarm(BADGE_ALARM, nextMidnight(at)),
    ]);
    if (catchUp && missedReminder(at.getTime(), pace.reminderHour, state.lastFiredAt, state.since))
      await fire(database, at, state);
    return refreshBadge(database, at);
  });
}

/** The alarm listener's work. */
export function onAlarm(alarm: Alarms.Alarm, db: () => Promise<Db>, now: () => Date): Promise<void> {
  return serially(async () => {
    const database = await db();
    const at = now();
    const pace = await getPaceSettings(database);
    if (alarm.name === REMINDER_ALARM) {
      const state = await readState(database, at.getTime());
      if (state.lastFiredAt === undefined || at.getTime() - state.lastFiredAt > SAME_REMINDER_MS)
        await fire(database, at, state);
      await browser.alarms.create(REMINDER_ALARM, { when: nextReminderAt(at.getTime(), pace.reminderHour) });
    } else if (alarm.name === BADGE_ALARM) {
      await browser.alarms.create(BADGE_ALARM, { when: nextMidnight(at) });
      await refreshHistoryIfStale(database, at.getTime());
    } else {
      return;
    }
    await refreshBadge(database, at);
  });
}

/** A click on the reminder opens the list of thank-yous and follow-ups in a tab. */
export async function onNotificationClicked(id: string): Promise<void> {
  if (id !== NOTIFICATION_ID) return;
  await browser.tabs.create({ url: browser.runtime.getURL(LIST_PAGE) });
  await browser.notifications.clear(id);
}
