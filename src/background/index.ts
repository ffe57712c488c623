import browser, { type Runtime } from 'webextension-polyfill';
import { BADGE_ALARM } from '../shared/reminders.ts';
import { archiveSettledOnce, stepAsideForPage } from '../storage/archive.ts';
import { getDb } from '../storage/db.ts';
import { onPopupOpened } from '../messaging/pages-channel.ts';
import { sendToFrame } from '../messaging/tabs.ts';
import { refreshBadge } from './badge.ts';
import { relayCommand, shortcutOf } from './commands.ts';
import { sessionStore } from './frame-sessions.ts';
import { queueAtStart, recomputeQueue } from './queue.ts';
import { onAlarm, onNotificationClicked, setUpReminders } from './reminders.ts';
import { route } from './router.ts';

const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('')).origin };
const now = () => new Date();
const queue = () => recomputeQueue(getDb, now).catch(() => undefined);
const context = {
  db: getDb,
  now,
  locale: () => browser.i18n.getUILanguage(),
  // A page changed data or settings: alarms and badge, then the named queue (awaited, so the page
  // that asked reads the new queue once its request returns).
  refreshReminders: async (queueIfStale = false) => {
    const badge = await setUpReminders(getDb, now, false);
    await (queueIfStale ? queueAtStart(getDb, now).catch(() => undefined) : queue());
    return badge;
  },
  shortcutOf,
  sessions: sessionStore,
  toFrame: sendToFrame,
};

/** Messages after which the badge (asks left today, thank-yous owed) may have changed. */
const CHANGES_TODAY = new Set([
  'outreach.log',
  'outreach.logGroupPost',
  'webmail.log',
  'outcome.record',
  'outreach.markSent',
  'webmail.sent',
]);
/** Messages after which the named queue may have changed (a logged ask ticks a line off). */
const CHANGES_QUEUE = new Set([...CHANGES_TODAY, 'contact.setRelationship']);

// Registered synchronously at the top level so a message that wakes the worker is not missed.
browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const reply = await route(message, sender, self, context);
  const type = (message as { type?: unknown } | null)?.type;
  if (reply.ok && typeof type === 'string' && CHANGES_TODAY.has(type))
    void refreshBadge(await getDb(), now()).catch(() => undefined);
  if (reply.ok && typeof type === 'string' && CHANGES_QUEUE.has(type)) void queue();
  return reply;
});
// Settled outreach moves to the archive (storage/archive-layout.ts) after each start and at
// midnight, after the reminders: the move is housekeeping and never delays them.
const archive = () =>
  void getDb()
    .then((db) => archiveSettledOnce(db, now().getTime()))
    .catch(() => undefined);
// The popup's first reads do not wait behind an archive move (storage/archive.ts).
onPopupOpened(() => {
  stepAsideForPage();
});
browser.alarms.onAlarm.addListener(
  (alarm) =>
    void onAlarm(alarm, getDb, now)
      .catch(() => undefined)
      .then(() => {
        // Midnight: a new day's queue (skips expire, the plan moves), then the housekeeping.
        if (alarm.name === BADGE_ALARM) void queue().then(archive);
      }),
);
browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
// Every worker start: alarms re-created, a missed reminder fired once, the badge redrawn.
void setUpReminders(getDb, now)
  .catch(() => undefined)
  .then(() => queueAtStart(getDb, now).catch(() => undefined))
  .then(archive);
browser.commands.onCommand.addListener((command, tab) => void relayCommand(command, tab));
