import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The worker's browser APIs, recorded: alarms by name, notifications shown, badge text.
const fake = vi.hoisted(() => ({
  alarms: new Map<string, { name: string; scheduledTime: number }>(),
  notifications: [] as { id: string; message: string }[],
  badge: '',
  tabs: [] as string[],
}));

vi.mock('webextension-polyfill', async () => {
  // English, as the browser answers from the built catalogue.
  const { mergeLocales } = await import('../../scripts/locales.ts');
  const english = mergeLocales(process.cwd()).get('en') ?? {};
  return {
    default: {
      i18n: {
        getMessage: (key: string, subs: string[] = []) =>
          (english[key]?.message ?? '').replace(/\$(\d)/g, (_: string, n: string) => subs[Number(n) - 1] ?? ''),
        getUILanguage: () => 'en-US',
      },
      alarms: {
        get: async (name: string) => fake.alarms.get(name),
        create: async (name: string, info: { when: number }) => {
          fake.alarms.set(name, { name, scheduledTime: info.when });
        },
      },
      notifications: {
        create: async (id: string, options: { message: string }) => {
          fake.notifications.push({ id, message: options.message });
          return id;
        },
        clear: async () => true,
      },
      action: {
        setBadgeText: async ({ text }: { text: string }) => {
          fake.badge = text;
        },
        setBadgeBackgroundColor: async () => undefined,
        setTitle: async () => undefined,
      },
      runtime: { getURL: (path: string) => `chrome-extension://test/${path}` },
      tabs: {
        create: async ({ url }: { url: string }) => {
          fake.tabs.push(url);
        },
      },
    },
  };
});

const { onAlarm, onNotificationClicked, setUpReminders } = await import('../../src/background/reminders.ts');
const { openDatabase } = await import('../../src/storage/db.ts');
const { saveQuota, savePaceSettings, getPaceSettings } = await import('../../src/storage/settings.ts');

type Db = Awaited<ReturnType<typeof openDatabase>>;
let db: Db;
let counter = 0;
const TZ = process.env.TZ;

beforeEach(async () => {
  process.env.TZ = 'Europe/Berlin';
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ name: `reminders-${++counter}` });
  fake.alarms.clear();
  fake.notifications.length = 0;
  fake.badge = '';
  fake.tabs.length = 0;
  // Something to remind of: a November quota with a gap.
  await saveQuota(db, {
    periodKind: 'custom',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    target: 120_000,
    currency: 'EUR',
    closedBaseline: 30_000,
    averageDealSize: 10_000,
  });
});

afterEach(() => {
  db.close();
  process.env.TZ = TZ;
});

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute);
const database = () => Promise.resolve(db);

describe('reminders in the service worker', () => {
  it('creates the reminder at the next reminder hour and the badge refresh at midnight, without firing on first start', async () => {
    const badge = await setUpReminders(database, () => at(23, 10));
    expect(fake.alarms.get('gap-closer:reminder')?.scheduledTime).toBe(at(24, 9).getTime());
    expect(fake.alarms.get('gap-closer:badge')?.scheduledTime).toBe(at(24, 0).getTime() + 1_000);
    expect(fake.notifications).toEqual([]);
    expect(badge).toBe(fake.badge);
    expect(Number(fake.badge)).toBeGreaterThan(0); // asks left today
  });

  it('fires a missed reminder once at the next start, then not again', async () => {
    await setUpReminders(database, () => at(20, 8)); // set up on Friday before 9:00
    // The browser was closed all weekend; it starts on Monday at 11:00.
    await setUpReminders(database, () => at(23, 11));
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]?.id).toBe('gap-closer:reminder');
    expect(fake.notifications[0]?.message).toMatch(/asks? left today\.$/);
    await setUpReminders(database, () => at(23, 11, 5));
    await setUpReminders(database, () => at(23, 18));
    expect(fake.notifications).toHaveLength(1);
    // The next day's reminder is due again.
    await setUpReminders(database, () => at(24, 9, 30));
    expect(fake.notifications).toHaveLength(2);
  });

  it('does not fire when only the settings changed (catch-up off), and moves the alarm to the new hour', async () => {
    await setUpReminders(database, () => at(20, 8));
    await savePaceSettings(db, { ...(await getPaceSettings(db)), reminderHour: 7 });
    await setUpReminders(database, () => at(23, 8), false);
    expect(fake.notifications).toEqual([]);
    expect(fake.alarms.get('gap-closer:reminder')?.scheduledTime).toBe(at(24, 7).getTime());
  });

  it('notifies when the alarm fires, once even if the start-up catch-up came just before, and schedules the next', async () => {
    await setUpReminders(database, () => at(22, 20));
    await Promise.all([
      setUpReminders(database, () => at(23, 9)),
      onAlarm({ name: 'gap-closer:reminder', scheduledTime: at(23, 9).getTime() }, database, () => at(23, 9)),
    ]);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.alarms.get('gap-closer:reminder')?.scheduledTime).toBe(at(24, 9).getTime());
    await onAlarm({ name: 'gap-closer:reminder', scheduledTime: at(24, 9).getTime() }, database, () => at(24, 9));
    expect(fake.notifications).toHaveLength(2);
  });

  it('stays quiet when there is nothing to do', async () => {
    await saveQuota(db, {
      periodKind: 'custom',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      target: 1,
      currency: 'EUR',
      closedBaseline: 5,
      averageDealSize: 10_000,
    });
    await onAlarm({ name: 'gap-closer:reminder', scheduledTime: 0 }, database, () => at(23, 9));
    expect(fake.notifications).toEqual([]);
    expect(fake.badge).toBe('');
  });

  it('refreshes the badge and re-arms the midnight alarm', async () => {
    await onAlarm({ name: 'gap-closer:badge', scheduledTime: 0 }, database, () => at(24, 0, 0));
    expect(fake.alarms.get('gap-closer:badge')?.scheduledTime).toBe(at(25, 0).getTime() + 1_000);
    expect(Number(fake.badge)).toBeGreaterThan(0);
  });

  it('opens the thank-yous and follow-ups list when the notification is clicked', async () => {
    await onNotificationClicked('something-else');
    expect(fake.tabs).toEqual([]);
    await onNotificationClicked('gap-closer:reminder');
    expect(fake.tabs).toEqual(['chrome-extension://test/src/options/index.html#thank-yous']);
  });
});
