// A pinned clock for the test suites: the browser (worker, pages, content scripts) and the test
// process all see the same moment, through libfaketime (Debian's `faketime` package), so no test
// depends on the day it runs. The clock still moves from that moment at normal speed.
import { existsSync } from 'node:fs';

export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/**
 * Moments the whole suite must pass at. `local` is the wall-clock time in `zone`.
 * `npm test` runs at `default`; `npm run test:calendar` runs at every one.
 */
export const MOMENTS = {
  // A plain mid-quarter Wednesday afternoon: the day the badge test first failed.
  default: { local: '2026-12-02T14:30:00', zone: 'Europe/Berlin' },
  // Last day of a month (and a Monday).
  'month-end': { local: '2026-11-30T16:00:00', zone: 'Europe/Berlin' },
  // Last day of a quarter and of the year.
  'quarter-end': { local: '2026-12-31T11:00:00', zone: 'Europe/Berlin' },
  // A Monday morning, before the default 9:00 reminder.
  monday: { local: '2026-12-07T08:15:00', zone: 'Europe/Berlin' },
  // A Friday evening: no working day left this week.
  'friday-evening': { local: '2026-12-04T21:30:00', zone: 'Europe/Berlin' },
  // Clocks go forward at 02:00: a 23-hour day.
  'dst-spring': { local: '2027-03-28T12:00:00', zone: 'Europe/Berlin' },
  // Clocks go back at 02:00 in New York: a 25-hour day.
  'dst-autumn': { local: '2026-11-01T13:00:00', zone: 'America/New_York' },
};

/** Milliseconds since the epoch of a wall-clock time in an IANA zone. */
export function epochOf(local, zone) {
  const [date, time] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (epoch) => {
    const parts = Object.fromEntries(format.formatToParts(epoch).map((p) => [p.type, Number(p.value)]));
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - epoch;
  };
  // Two rounds settle the zone's offset at that wall time (one is wrong across a change).
  let epoch = wall - offsetAt(wall);
  epoch = wall - offsetAt(epoch);
  return epoch;
}

/**
 * Environment that makes a process and everything it starts see `moment`'s time and zone.
 * Monotonic clocks stay real (timers, Playwright's timeouts); FORCE_MONOTONIC_FIX=0 because
 * Chromium otherwise takes 30–80 s to start under libfaketime (measured here).
 */
export function clockEnv(name, now = Date.now()) {
  const moment = MOMENTS[name];
  if (!moment) throw new Error(`Unknown moment "${name}": one of ${Object.keys(MOMENTS).join(', ')}`);
  const offsetSeconds = Math.round((epochOf(moment.local, moment.zone) - now) / 1000);
  return {
    TZ: moment.zone,
    LD_PRELOAD: LIBFAKETIME,
    FAKETIME: `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    FAKETIME_DISABLE_SHM: '1',
    FAKETIME_FORCE_MONOTONIC_FIX: '0',
    GAP_CLOSER_MOMENT: name,
  };
}

export function hasLibfaketime() {
  return existsSync(LIBFAKETIME);
}

/**
 * What `npm test` reruns at every other moment: the tests whose results read today's date (the
 * plan, days left, follow-ups due, the badge, periods and charts). `--calendar` reruns everything.
 */
export const CALENDAR_MOMENTS = {
  names: Object.keys(MOMENTS),
  unitFiles: [
    'test/unit/dates.test.ts',
    'test/unit/pace.test.ts',
    'test/unit/follow-through-storage.test.ts',
    'test/unit/background-reminders.test.ts',
    'test/unit/dashboard',
  ],
  browserFiles: [
    'test/browser/quota-engine.test.ts',
    'test/browser/popup.test.ts',
    'test/browser/popup-german.test.ts',
    'test/browser/popup-first-run.test.ts',
    'test/browser/options-dashboard.test.ts',
    'test/browser/options-charts-german.test.ts',
  ],
};
