import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeLocales } from '../../scripts/locales.ts';
import { askWarnings, isHelp, ledgerOf } from '../../src/shared/ledger.ts';
import type { Outreach } from '../../src/shared/model.ts';
import {
  badgeFor,
  isThankYouDue,
  lastReminderDue,
  missedReminder,
  nextReminderAt,
  reminderMessage,
  type ReminderTexts,
} from '../../src/shared/reminders.ts';

const CATALOGUES = mergeLocales(path.resolve(import.meta.dirname, '../..'));

/** The words the worker passes (src/background/badge.ts), from the built catalogue of `locale`. */
function textsIn(locale: string): ReminderTexts {
  const message = (key: string, ...subs: string[]) =>
    (CATALOGUES.get(locale)?.[key]?.message ?? key).replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return {
    title: message('reminderTitle'),
    thanksOwed: (n) => (n === 1 ? message('reminderThanksOwedOne') : message('reminderThanksOwedMany', String(n))),
    asksLeftToday: (n) => (n === 1 ? message('reminderAsksLeftOne') : message('reminderAsksLeftMany', String(n))),
    followUpsDue: (n) =>
      n === 1 ? message('reminderFollowUpsDueOne') : message('reminderFollowUpsDueMany', String(n)),
    badgeTitle: (detail) => (detail ? message('reminderBadgeTitle', detail) : message('reminderBadgeTitleEmpty')),
  };
}
const EN = textsIn('en');
const DE = textsIn('de');

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12); // Fri 27 Nov 2026, noon UTC

type Row = Pick<Outreach, 'kind' | 'createdAt' | 'outcome' | 'outcomeAt'>;

describe('goodwill ledger', () => {
  const history: Row[] = [
    { kind: 'referral-ask', createdAt: NOW - 60 * DAY, outcome: 'helped-referral', outcomeAt: NOW - 58 * DAY },
    { kind: 'thank-you', createdAt: NOW - 57 * DAY },
    { kind: 'favour-ask', createdAt: NOW - 20 * DAY, outcome: 'helped-advice', outcomeAt: NOW - 19 * DAY },
    { kind: 'follow-up', createdAt: NOW - 10 * DAY },
    { kind: 'upsell', createdAt: NOW - 5 * DAY, outcome: 'no-reply', outcomeAt: NOW - DAY },
  ];

  it('counts asks made, help received, thank-yous sent and favours given', () => {
    const ledger = ledgerOf(history, [{ at: NOW - 3 * DAY }], [{ status: 'owed' }, { status: 'thanked' }], NOW);
    expect(ledger).toEqual({
      asksMade: 3,
      helpReceived: 2,
      thanksSent: 1,
      favoursGiven: 1,
      thanksOwed: 1,
      asksInLast30Days: 2,
      lastHelpAt: NOW - 19 * DAY,
      lastThanksAt: NOW - 57 * DAY,
      referrals: { referred: 0, met: 0, dealt: 0, won: 0, wonAmount: 0 },
    });
  });

  it('warns before asking someone not thanked for their last help', () => {
    const ledger = ledgerOf(history.slice(0, 3), [], [], NOW);
    expect(askWarnings(ledger, 'Avery').map((warning) => warning.kind)).toEqual(['not-thanked']);
    expect(askWarnings(ledger, 'Avery')).toEqual([{ kind: 'not-thanked', firstName: 'Avery' }]);
    // Thanked after the last help: no warning.
    const thanked = ledgerOf([...history.slice(0, 3), { kind: 'thank-you', createdAt: NOW - 18 * DAY }], [], [], NOW);
    expect(askWarnings(thanked, 'Avery')).toEqual([]);
    // A thank-you owed record alone is enough.
    expect(askWarnings(ledgerOf([], [], [{ status: 'owed' }], NOW), '')).toEqual([
      { kind: 'not-thanked', firstName: '' },
    ]);
  });

  it('warns when someone was asked twice or more in 30 days, and not before', () => {
    const once: Row[] = [{ kind: 'referral-ask', createdAt: NOW - 29 * DAY }];
    expect(askWarnings(ledgerOf(once, [], [], NOW), 'Jo')).toEqual([]);
    const twice: Row[] = [...once, { kind: 'group-post', createdAt: NOW - DAY }];
    expect(askWarnings(ledgerOf(twice, [], [], NOW), 'Jo')).toEqual([
      { kind: 'asked-often', firstName: 'Jo', count: 2, days: 30 },
    ]);
    const oldOnes: Row[] = [{ kind: 'referral-ask', createdAt: NOW - 31 * DAY }, ...once];
    expect(askWarnings(ledgerOf(oldOnes, [], [], NOW), 'Jo')).toEqual([]);
  });

  it('knows which outcomes are help', () => {
    expect(
      ['helped-referral', 'helped-intro', 'helped-advice', 'meeting', 'won'].every((o) => isHelp(o as never)),
    ).toBe(true);
    expect(['no-reply', 'replied', 'lost', 'declined', undefined].some((o) => isHelp(o as never))).toBe(false);
  });
});

describe('reminder scheduling', () => {
  const TZ = process.env.TZ;
  afterEach(() => {
    process.env.TZ = TZ;
  });

  it('schedules the next reminder at the reminder hour, today or tomorrow', () => {
    process.env.TZ = 'Europe/Berlin';
    const morning = new Date(2026, 10, 27, 8, 59).getTime();
    expect(nextReminderAt(morning, 9)).toBe(new Date(2026, 10, 27, 9).getTime());
    const atNine = new Date(2026, 10, 27, 9).getTime();
    expect(nextReminderAt(atNine, 9)).toBe(new Date(2026, 10, 28, 9).getTime());
    expect(nextReminderAt(new Date(2026, 11, 31, 22).getTime(), 9)).toBe(new Date(2027, 0, 1, 9).getTime());
    expect(new Date(nextReminderAt(morning, 99)).getHours()).toBe(23);
  });

  it('keeps 9:00 local across a DST change (the gap between two reminders is 23 or 25 hours)', () => {
    process.env.TZ = 'Europe/Berlin';
    const saturday = new Date(2026, 2, 28, 10).getTime(); // clocks go forward on Sunday 29 March
    const sunday = nextReminderAt(saturday, 9);
    expect(new Date(sunday).toISOString()).toBe('2026-03-29T07:00:00.000Z'); // 9:00 CEST
    expect(sunday - lastReminderDue(saturday, 9)).toBe(23 * 3_600_000);
    process.env.TZ = 'America/New_York';
    const beforeFallBack = new Date(2026, 9, 31, 12).getTime(); // clocks go back on Sunday 1 November
    const next = nextReminderAt(beforeFallBack, 9);
    expect(new Date(next).toISOString()).toBe('2026-11-01T14:00:00.000Z'); // 9:00 EST
    expect(next - lastReminderDue(beforeFallBack, 9)).toBe(25 * 3_600_000);
  });

  it('fires a missed reminder once, however many were missed', () => {
    process.env.TZ = 'UTC';
    const now = Date.UTC(2026, 10, 27, 11);
    const setUp = Date.UTC(2026, 10, 20, 8);
    // Last fired three days ago: the reminders since were missed → fire (once).
    expect(missedReminder(now, 9, Date.UTC(2026, 10, 24, 9), setUp)).toBe(true);
    // Once fired now, nothing is missed any more.
    expect(missedReminder(now, 9, now, setUp)).toBe(false);
    // Today's 9:00 already fired.
    expect(missedReminder(now, 9, Date.UTC(2026, 10, 27, 9), setUp)).toBe(false);
    // Before the hour, yesterday's fired reminder means nothing is missed.
    expect(missedReminder(Date.UTC(2026, 10, 27, 8), 9, Date.UTC(2026, 10, 26, 9), setUp)).toBe(false);
    // Never fired: only reminders after the set-up count.
    expect(missedReminder(now, 9, undefined, Date.UTC(2026, 10, 27, 10))).toBe(false);
    expect(missedReminder(now, 9, undefined, Date.UTC(2026, 10, 27, 8))).toBe(true);
  });

  it('words the notification and leaves it out when there is nothing to do', () => {
    expect(reminderMessage({ asksLeftToday: 5, followUpsDue: 2, thanksOwed: 1 }, EN)).toEqual({
      title: 'Gap Closer: today',
      message: '1 thank-you owed · 5 asks left today · 2 follow-ups due.',
    });
    expect(reminderMessage({ asksLeftToday: 1, followUpsDue: 0, thanksOwed: 0 }, EN)?.message).toBe(
      '1 ask left today.',
    );
    expect(reminderMessage({ asksLeftToday: 0, followUpsDue: 0, thanksOwed: 0 }, EN)).toBeNull();
    expect(reminderMessage({ asksLeftToday: null, followUpsDue: 0, thanksOwed: 0 }, EN)).toBeNull();
  });

  it('words the notification in German', () => {
    expect(reminderMessage({ asksLeftToday: 5, followUpsDue: 1, thanksOwed: 2 }, DE)).toEqual({
      title: 'Gap Closer: heute',
      message: '2 Dankeschöns ausstehend · Heute noch 5 Bitten · 1 Nachfassaktion fällig.',
    });
  });
});

describe('badge', () => {
  it('shows thank-yous when they are due, else asks left today, else nothing', () => {
    expect(badgeFor({ asksLeftToday: 7, thanksDue: 2 }, EN)).toEqual({
      text: '2',
      color: '#8e24aa',
      title: 'Gap Closer: 2 thank-yous owed',
    });
    expect(badgeFor({ asksLeftToday: 7, thanksDue: 0 }, EN)).toEqual({
      text: '7',
      color: '#0a66c2',
      title: 'Gap Closer: 7 asks left today',
    });
    expect(badgeFor({ asksLeftToday: 150, thanksDue: 0 }, EN).text).toBe('99+');
    expect(badgeFor({ asksLeftToday: 0, thanksDue: 0 }, EN).text).toBe('');
    expect(badgeFor({ asksLeftToday: null, thanksDue: 0 }, EN)).toEqual({
      text: '',
      color: '#0a66c2',
      title: 'Gap Closer',
    });
    expect(badgeFor({ asksLeftToday: 1, thanksDue: 0 }, DE).title).toBe('Gap Closer: Heute noch 1 Bitte');
  });

  it('counts a thank-you as due from the day after the help', () => {
    const todayStart = Date.UTC(2026, 10, 27);
    expect(isThankYouDue(todayStart - 1, todayStart)).toBe(true);
    expect(isThankYouDue(todayStart, todayStart)).toBe(false);
  });
});
