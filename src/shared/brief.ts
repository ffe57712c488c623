import type { ClosedBySource, DateRange, DayCount, Funnels, PaceComparison, WeekCount } from './analytics.ts';
import { rate, weekStartOf } from './analytics.ts';
import { isWorkedDay, weekdayOf, type WorkCalendar } from './calendar.ts';
import { addDays } from './dates.ts';
import type { LocalDate } from './model.ts';
import type { Pace } from './pace.ts';

/**
 * The manager brief as facts: what was done, what it produced, where the money came from, when
 * prospecting stopped, and whether the remaining gap can be closed at a humane pace. No spin:
 * only numbers the log supports. The UI words each fact in the user's language
 * (src/options/dashboard/brief-text.ts); nothing here is English.
 */

export interface BriefInput {
  range: DateRange;
  funnels: Funnels;
  closed: ClosedBySource;
  weeksWithout: readonly WeekCount[];
  weeks: number;
  pace: PaceComparison;
  /** The first day the user used the extension, when it falls inside the range (days before it are not zero days). */
  firstUse?: LocalDate;
  /** The pace the user can keep: their answer, or read from their history; null when neither exists. */
  keepable: KeepablePace | null;
  /** Weeks left in the period with days off on working weekdays (holidays, leave). */
  holidayWeeks?: readonly HolidayWeek[];
  /** The quota engine's view of today; absent without a quota. */
  quota?: {
    unit: 'amount' | 'deals';
    target: number;
    closed: number;
    baseline: number;
    gap: number;
    workingDaysLeft: number;
    /** Value one ask brings on average at the user's conversion (the plan's blend); null when unknown. */
    valuePerAsk: number | null;
  };
}

/** Asks a day the user can keep up, and where the figure comes from. */
export type KeepablePace =
  | { source: 'answer'; perDay: number }
  /** The median of asks on the worked days since the first use (today, still under way, left out). */
  | { source: 'history'; perDay: number; workedDays: number };

/** A week left in the period that has days off on weekdays normally worked. */
export interface HolidayWeek {
  /** Monday of the week. */
  weekStart: LocalDate;
  daysOff: LocalDate[];
  /** Worked days of the week inside what is left of the period. */
  workedDays: number;
}

/**
 * One statement of the brief. Amounts (`won`, `amount`) are money won from logged outreach;
 * values (`value`, `target`, `closed`, `gap`, `forecast`) are in the quota's unit. Shares are
 * fractions of 1.
 */
export type BriefFact =
  | {
      id: 'activity';
      from: LocalDate;
      to: LocalDate;
      asks: number;
      workedDays: number;
      perDay: number | null;
      /** `from` is the day of the first use, not the period's start. */
      sinceFirstUse: boolean;
    }
  | { id: 'top-kind'; kind: string; asks: number }
  | { id: 'no-asks' }
  | { id: 'conversion'; asked: number; replied: number; helped: number; won: number }
  | { id: 'best-kind'; kind: string; won: number; asked: number }
  | { id: 'no-wins' }
  | { id: 'won'; deals: number; won: number }
  | { id: 'won-by-kind'; parts: { kind: string; amount: number; share: number }[] }
  | { id: 'won-by-relationship'; parts: { relationship: string; amount: number }[] }
  | { id: 'closed-before-logging'; value: number }
  | { id: 'every-week'; weeks: number }
  | { id: 'weeks-without'; without: number; weeks: number; weekStarts: LocalDate[] }
  | { id: 'no-quota' }
  | { id: 'target-reached'; target: number; closed: number }
  | { id: 'gap'; closed: number; target: number; gap: number; workingDaysLeft: number }
  | { id: 'no-pace-closes' }
  | { id: 'needed-pace'; needed: number; achieved: number | null }
  | { id: 'keepable-answer'; perDay: number }
  | { id: 'keepable-history'; perDay: number; workedDays: number }
  | { id: 'keepable-unknown'; minDays: number }
  /** What the keepable pace brings by the deadline at the plan's value of an ask. */
  | { id: 'reach'; perDay: number; workingDaysLeft: number; reach: number; share: number; short: number }
  | { id: 'reach-unknown' }
  | { id: 'within-reach'; perDay: number; needed: number }
  | { id: 'beyond-keepable'; perDay: number; needed: number }
  | { id: 'holiday-week'; weekStart: LocalDate; daysOff: LocalDate[]; workedDays: number; asks: number | null }
  | { id: 'no-holidays' };

export type BriefSectionId = 'activity' | 'conversion' | 'revenue' | 'weeks' | 'pace' | 'holidays';

export interface BriefSection {
  id: BriefSectionId;
  facts: BriefFact[];
}

/** Blended value of one ask from today's plan: what the planned asks are expected to bring. */
export function valuePerAskOf(pace: Pick<Pace, 'valuePerDay' | 'asksPlannedToday'>): number | null {
  if (pace.valuePerDay === null || !pace.asksPlannedToday) return null;
  return pace.valuePerDay / pace.asksPlannedToday;
}

/** One decimal, as the brief states averages. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** Worked days of history the brief needs before it reads a keepable pace from them. */
export const MIN_HISTORY_DAYS = 5;

/**
 * The range the brief looks back on: the period's start or the first use, whichever is later,
 * to today or the period's end. Days before the extension was used hold no log, not zero asks.
 */
export function briefRange(period: DateRange, today: LocalDate, firstUse: LocalDate | undefined): DateRange {
  const to = period.to < today ? period.to : today;
  const from = firstUse !== undefined && firstUse > period.from ? (firstUse < to ? firstUse : to) : period.from;
  return { from, to };
}

/**
 * The pace the user can keep. Their own answer wins; without one, the median of asks on the
 * worked days from the first use to yesterday — once there are MIN_HISTORY_DAYS of them. Never a
 * default: with neither, null, and the brief says so instead of measuring against a made-up figure.
 */
export function keepablePace(
  answer: number | undefined,
  days: readonly DayCount[],
  isWorked: (date: LocalDate) => boolean,
  today: LocalDate,
  firstUse: LocalDate | undefined,
): KeepablePace | null {
  if (answer !== undefined && answer > 0) return { source: 'answer', perDay: answer };
  const counts = days
    .filter((day) => day.date < today && (firstUse === undefined || day.date >= firstUse) && isWorked(day.date))
    .map((day) => day.asks)
    .sort((a, b) => a - b);
  if (counts.length < MIN_HISTORY_DAYS) return null;
  const at = (i: number) => counts[i] ?? 0;
  const middle = Math.floor(counts.length / 2);
  const median = counts.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { source: 'history', perDay: oneDecimal(median), workedDays: counts.length };
}

/**
 * Weeks from `from` to `to` that lose a weekday normally worked (a public holiday the calendar
 * knows, a day off the user entered), with what is left of each week to work.
 */
export function holidayWeeks(from: LocalDate, to: LocalDate, calendar: WorkCalendar): HolidayWeek[] {
  const weeks = new Map<LocalDate, HolidayWeek>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekStart = weekStartOf(date);
    const week = weeks.get(weekStart) ?? { weekStart, daysOff: [], workedDays: 0 };
    weeks.set(weekStart, week);
    if (isWorkedDay(date, calendar)) week.workedDays++;
    else if (calendar.weekdays.includes(weekdayOf(date))) week.daysOff.push(date);
  }
  return [...weeks.values()].filter((week) => week.daysOff.length > 0);
}

export function managerBrief(input: BriefInput): BriefSection[] {
  const { funnels, closed, pace } = input;
  const total = funnels.total;

  const activity: BriefFact[] = [
    {
      id: 'activity',
      from: input.range.from,
      to: input.range.to,
      asks: total.asked,
      workedDays: pace.workedDaysSoFar,
      perDay: pace.achievedPerDay === null ? null : oneDecimal(pace.achievedPerDay),
      sinceFirstUse: input.firstUse !== undefined && input.firstUse === input.range.from,
    },
  ];
  const topKind = funnels.byKind[0];
  if (topKind) activity.push({ id: 'top-kind', kind: topKind.key, asks: topKind.asked });

  const conversion: BriefFact[] = [];
  if (total.asked === 0) conversion.push({ id: 'no-asks' });
  else {
    conversion.push({
      id: 'conversion',
      asked: total.asked,
      replied: total.replied,
      helped: total.helped,
      won: total.won,
    });
    const best = [...funnels.byKind]
      .filter((row) => row.asked >= 5)
      .sort((a, b) => rate(b.won, b.asked) - rate(a.won, a.asked))[0];
    if (best && best.won > 0) conversion.push({ id: 'best-kind', kind: best.key, won: best.won, asked: best.asked });
  }

  const revenue: BriefFact[] = [];
  if (closed.deals === 0) revenue.push({ id: 'no-wins' });
  else {
    revenue.push({ id: 'won', deals: closed.deals, won: closed.won });
    revenue.push({
      id: 'won-by-kind',
      parts: closed.byKind.map((row) => ({ kind: row.key, amount: row.amount, share: rate(row.amount, closed.won) })),
    });
    revenue.push({
      id: 'won-by-relationship',
      parts: closed.byRelationship.map((row) => ({ relationship: row.key, amount: row.amount })),
    });
  }
  if (input.quota && input.quota.baseline > 0)
    revenue.push({ id: 'closed-before-logging', value: input.quota.baseline });

  const weeks: BriefFact[] =
    input.weeksWithout.length === 0
      ? [{ id: 'every-week', weeks: input.weeks }]
      : [
          {
            id: 'weeks-without',
            without: input.weeksWithout.length,
            weeks: input.weeks,
            weekStarts: input.weeksWithout.map((week) => week.weekStart),
          },
        ];

  const paceFacts: BriefFact[] = [];
  const q = input.quota;
  const keepable = input.keepable;
  if (!q) paceFacts.push({ id: 'no-quota' });
  else if (q.gap === 0) paceFacts.push({ id: 'target-reached', target: q.target, closed: q.closed });
  else {
    paceFacts.push({ id: 'gap', closed: q.closed, target: q.target, gap: q.gap, workingDaysLeft: q.workingDaysLeft });
    if (pace.neededPerDay === null) paceFacts.push({ id: 'no-pace-closes' });
    else
      paceFacts.push({
        id: 'needed-pace',
        needed: pace.neededPerDay,
        achieved: pace.achievedPerDay === null ? null : oneDecimal(pace.achievedPerDay),
      });
    if (!keepable) paceFacts.push({ id: 'keepable-unknown', minDays: MIN_HISTORY_DAYS });
    else {
      paceFacts.push(
        keepable.source === 'answer'
          ? { id: 'keepable-answer', perDay: keepable.perDay }
          : { id: 'keepable-history', perDay: keepable.perDay, workedDays: keepable.workedDays },
      );
      if (q.valuePerAsk === null) paceFacts.push({ id: 'reach-unknown' });
      else {
        const reach = q.closed + keepable.perDay * q.workingDaysLeft * q.valuePerAsk;
        paceFacts.push({
          id: 'reach',
          perDay: keepable.perDay,
          workingDaysLeft: q.workingDaysLeft,
          reach,
          share: rate(reach, q.target),
          short: Math.max(0, q.target - reach),
        });
      }
      // "Within reach" only when the pace the user can keep meets the pace the gap needs.
      if (pace.neededPerDay !== null)
        paceFacts.push({
          id: keepable.perDay >= pace.neededPerDay ? 'within-reach' : 'beyond-keepable',
          perDay: keepable.perDay,
          needed: pace.neededPerDay,
        });
    }
  }

  const holidays: BriefFact[] = [];
  if (q && q.gap > 0 && input.holidayWeeks) {
    const weeks = input.holidayWeeks;
    if (weeks.length === 0) holidays.push({ id: 'no-holidays' });
    for (const week of weeks)
      holidays.push({
        id: 'holiday-week',
        weekStart: week.weekStart,
        daysOff: [...week.daysOff],
        workedDays: week.workedDays,
        asks: keepable ? Math.round(keepable.perDay * week.workedDays) : null,
      });
  }

  return [
    { id: 'activity', facts: activity },
    { id: 'conversion', facts: conversion },
    { id: 'revenue', facts: revenue },
    { id: 'weeks', facts: weeks },
    { id: 'pace', facts: paceFacts },
    ...(holidays.length ? [{ id: 'holidays' as const, facts: holidays }] : []),
  ];
}
