/**
 * The daily reminder: when it should next fire in local time, and whether one was missed while
 * the browser or the service worker was not running. Instants are epoch milliseconds; wall-clock
 * times are built with the local Date constructor so DST changes keep "9:00" at 9:00.
 */

export const REMINDER_ALARM = 'gap-closer:reminder';
/** Refreshes the badge at each hour (the day's asks change at midnight). */
export const BADGE_ALARM = 'gap-closer:badge';

function clampHour(hour: number): number {
  return Number.isFinite(hour) ? Math.min(23, Math.max(0, Math.floor(hour))) : 9;
}

/** The instant of `hour`:00 local time on the day of `instant`. */
function atHourOn(instant: number, hour: number, dayOffset = 0): number {
  const date = new Date(instant);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + dayOffset, clampHour(hour)).getTime();
}

/** The first reminder instant strictly after `now`. */
export function nextReminderAt(now: number, hour: number): number {
  const today = atHourOn(now, hour);
  return today > now ? today : atHourOn(now, hour, 1);
}

/** The latest reminder instant at or before `now`. */
export function lastReminderDue(now: number, hour: number): number {
  const today = atHourOn(now, hour);
  return today <= now ? today : atHourOn(now, hour, -1);
}

/**
 * Whether a reminder was missed: the latest due instant came after the last one fired (or
 * after the reminders were set up, when none has fired yet). However many were missed, it
 * fires once.
 */
export function missedReminder(now: number, hour: number, lastFiredAt: number | undefined, since: number): boolean {
  const due = lastReminderDue(now, hour);
  return due > (lastFiredAt ?? since);
}

export interface ReminderCounts {
  asksLeftToday: number | null;
  followUpsDue: number;
  thanksOwed: number;
}

/**
 * The words for the reminder and the badge, in the user's language (the browser side passes
 * them from its message catalogue; this module stays free of browser APIs).
 */
export interface ReminderTexts {
  /** The notification's title. */
  title: string;
  thanksOwed: (count: number) => string;
  asksLeftToday: (count: number) => string;
  followUpsDue: (count: number) => string;
  /** The badge's tooltip: the product name with `detail`, or alone. */
  badgeTitle: (detail?: string) => string;
}

/** The notification's text; null when there is nothing to remind of. */
export function reminderMessage(
  counts: ReminderCounts,
  texts: ReminderTexts,
): { title: string; message: string } | null {
  const parts: string[] = [];
  if (counts.thanksOwed > 0) parts.push(texts.thanksOwed(counts.thanksOwed));
  if (counts.asksLeftToday) parts.push(texts.asksLeftToday(counts.asksLeftToday));
  if (counts.followUpsDue > 0) parts.push(texts.followUpsDue(counts.followUpsDue));
  if (parts.length === 0) return null;
  return { title: texts.title, message: `${parts.join(' · ')}.` };
}

export interface BadgeInput {
  asksLeftToday: number | null;
  /** Thank-yous owed since before today: they are due. */
  thanksDue: number;
}

/** Toolbar badge: thank-yous when some are due, else asks left today; empty when neither. */
export function badgeFor(input: BadgeInput, texts: ReminderTexts): { text: string; color: string; title: string } {
  if (input.thanksDue > 0) {
    return {
      text: String(Math.min(input.thanksDue, 99)),
      color: '#8e24aa',
      title: texts.badgeTitle(texts.thanksOwed(input.thanksDue)),
    };
  }
  if (input.asksLeftToday) {
    return {
      text: input.asksLeftToday > 99 ? '99+' : String(input.asksLeftToday),
      color: '#0a66c2',
      title: texts.badgeTitle(texts.asksLeftToday(input.asksLeftToday)),
    };
  }
  return { text: '', color: '#0a66c2', title: texts.badgeTitle() };
}

/** A thank-you owed since before the start of `today` is due. */
export function isThankYouDue(owedSince: number, todayStart: number): boolean {
  return owedSince < todayStart;
}
