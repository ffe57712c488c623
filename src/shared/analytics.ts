import { weekdayOf } from './calendar.ts';
import { addDays, dayNumber, localDateOf } from './dates.ts';
import type { LocalDate, Outcome, Outreach, OutreachKind, Relationship } from './model.ts';
import { isAsk } from './asks.ts';

/**
 * The retrospective: what the log says about the period. Pure functions over outreach records;
 * dates are the user's local calendar dates. Only asks (not follow-ups or thank-yous) count as
 * prospecting.
 */

export interface DateRange {
  /** First day, included. */
  from: LocalDate;
  /** Last day, included. */
  to: LocalDate;
}

type Record_ = Pick<Outreach, 'kind' | 'createdAt' | 'outcome' | 'contactId'> &
  Partial<Pick<Outreach, 'wonAmount' | 'outcomeAt'>>;

function inRange(date: LocalDate, range: DateRange): boolean {
  return date >= range.from && date <= range.to;
}

function eachDate(range: DateRange): LocalDate[] {
  const dates: LocalDate[] = [];
  const start = dayNumber(range.from);
  const end = dayNumber(range.to);
  if (start === null || end === null) return dates;
  for (let date = range.from, i = start; i <= end; i++, date = addDays(date, 1)) dates.push(date);
  return dates;
}

export interface DayCount {
  date: LocalDate;
  asks: number;
}

/** Asks made on every day of the range (days without any included, as 0). */
export function asksPerDay(records: Iterable<Record_>, range: DateRange): DayCount[] {
  const counts = new Map<LocalDate, number>();
  for (const record of records) {
    if (!isAsk(record.kind)) continue;
    const date = localDateOf(new Date(record.createdAt));
    if (inRange(date, range)) counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return eachDate(range).map((date) => ({ date, asks: counts.get(date) ?? 0 }));
}

/** The Monday of the week `date` is in. */
export function weekStartOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export interface WeekCount {
  /** Monday of the week. */
  weekStart: LocalDate;
  asks: number;
}

/** Asks per week (Monday to Sunday) over the weeks the range touches. */
export function asksPerWeek(days: readonly DayCount[]): WeekCount[] {
  const weeks: WeekCount[] = [];
  for (const day of days) {
    const weekStart = weekStartOf(day.date);
    const last = weeks[weeks.length - 1];
    if (last?.weekStart === weekStart) last.asks += day.asks;
    else weeks.push({ weekStart, asks: day.asks });
  }
  return weeks;
}

/** Weeks of the range in which no ask was made at all ("how did I get here"). */
export function weeksWithoutProspecting(days: readonly DayCount[]): WeekCount[] {
  return asksPerWeek(days).filter((week) => week.asks === 0);
}

/** Outcomes where the person answered at all. */
const ANSWERED: ReadonlySet<Outcome> = new Set<Outcome>([
  'replied',
  'helped-referral',
  'helped-intro',
  'helped-advice',
  'meeting',
  'won',
  'lost',
  'declined',
]);
/** Outcomes where the person helped (a win is help too). */
const HELPED: ReadonlySet<Outcome> = new Set<Outcome>([
  'helped-referral',
  'helped-intro',
  'helped-advice',
  'meeting',
  'won',
]);

export interface FunnelRow<K extends string> {
  key: K;
  asked: number;
  replied: number;
  helped: number;
  won: number;
}

function emptyRow<K extends string>(key: K): FunnelRow<K> {
  return { key, asked: 0, replied: 0, helped: 0, won: 0 };
}

function count<K extends string>(row: FunnelRow<K>, outcome: Outcome | undefined): void {
  row.asked++;
  if (outcome && ANSWERED.has(outcome)) row.replied++;
  if (outcome && HELPED.has(outcome)) row.helped++;
  if (outcome === 'won') row.won++;
}

/** Contacts without a relationship are grouped under this key. */
export const NO_RELATIONSHIP = 'unset';
export type RelationshipKey = Relationship | typeof NO_RELATIONSHIP;

export interface Funnels {
  total: FunnelRow<'all'>;
  byKind: FunnelRow<OutreachKind>[];
  byRelationship: FunnelRow<RelationshipKey>[];
}

/**
 * Asked → replied → helped → won for the asks made in the range, per kind and per the
 * relationship of the person asked. Each stage counts asks that reached at least that stage.
 */
export function funnels(
  records: Iterable<Record_>,
  range: DateRange,
  relationshipOf: (contactId: string) => Relationship | undefined,
): Funnels {
  const total = emptyRow('all' as const);
  const kinds = new Map<OutreachKind, FunnelRow<OutreachKind>>();
  const relationships = new Map<RelationshipKey, FunnelRow<RelationshipKey>>();
  for (const record of records) {
    if (!isAsk(record.kind) || !inRange(localDateOf(new Date(record.createdAt)), range)) continue;
    count(total, record.outcome);
    let kindRow = kinds.get(record.kind);
    if (!kindRow) kinds.set(record.kind, (kindRow = emptyRow(record.kind)));
    count(kindRow, record.outcome);
    const relationship: RelationshipKey =
      (record.contactId ? relationshipOf(record.contactId) : undefined) ?? NO_RELATIONSHIP;
    let relRow = relationships.get(relationship);
    if (!relRow) relationships.set(relationship, (relRow = emptyRow(relationship)));
    count(relRow, record.outcome);
  }
  const byAsked = <K extends string>(a: FunnelRow<K>, b: FunnelRow<K>) => b.asked - a.asked || (a.key < b.key ? -1 : 1);
  return {
    total,
    byKind: [...kinds.values()].sort(byAsked),
    byRelationship: [...relationships.values()].sort(byAsked),
  };
}

export interface SourceRow<K extends string> {
  key: K;
  amount: number;
  deals: number;
}

export interface ClosedBySource {
  /** Won amounts recorded in the range. */
  won: number;
  deals: number;
  byKind: SourceRow<OutreachKind>[];
  byRelationship: SourceRow<RelationshipKey>[];
}

/** Where the closed amount came from: wins whose outcome was recorded in the range. */
export function closedBySource(
  records: Iterable<Record_>,
  range: DateRange,
  relationshipOf: (contactId: string) => Relationship | undefined,
): ClosedBySource {
  const kinds = new Map<OutreachKind, SourceRow<OutreachKind>>();
  const relationships = new Map<RelationshipKey, SourceRow<RelationshipKey>>();
  let won = 0;
  let deals = 0;
  for (const record of records) {
    if (record.outcome !== 'won') continue;
    const at = record.outcomeAt ?? record.createdAt;
    if (!inRange(localDateOf(new Date(at)), range)) continue;
    const amount = record.wonAmount ?? 0;
    won += amount;
    deals++;
    const kindRow = kinds.get(record.kind) ?? { key: record.kind, amount: 0, deals: 0 };
    kindRow.amount += amount;
    kindRow.deals++;
    kinds.set(record.kind, kindRow);
    const relationship: RelationshipKey =
      (record.contactId ? relationshipOf(record.contactId) : undefined) ?? NO_RELATIONSHIP;
    const relRow = relationships.get(relationship) ?? { key: relationship, amount: 0, deals: 0 };
    relRow.amount += amount;
    relRow.deals++;
    relationships.set(relationship, relRow);
  }
  const byAmount = <K extends string>(a: SourceRow<K>, b: SourceRow<K>) =>
    b.amount - a.amount || b.deals - a.deals || (a.key < b.key ? -1 : 1);
  return {
    won,
    deals,
    byKind: [...kinds.values()].sort(byAmount),
    byRelationship: [...relationships.values()].sort(byAmount),
  };
}

export interface PaceComparison {
  /** Worked days from the start of the range to `today` (or the range's end), both included. */
  workedDaysSoFar: number;
  asksSoFar: number;
  /** Asks per worked day so far; null before the first worked day. */
  achievedPerDay: number | null;
  /** Asks a day the plan needs from today on (from the pace engine); null when none can be computed. */
  neededPerDay: number | null;
  realisticPerDay: number;
}

/** Pace achieved in the range against the pace needed now and the realistic limit. */
export function comparePace(
  days: readonly DayCount[],
  isWorked: (date: LocalDate) => boolean,
  today: LocalDate,
  neededPerDay: number | null,
  realisticPerDay: number,
): PaceComparison {
  let workedDaysSoFar = 0;
  let asksSoFar = 0;
  for (const day of days) {
    if (day.date > today) break;
    if (isWorked(day.date)) workedDaysSoFar++;
    asksSoFar += day.asks;
  }
  return {
    workedDaysSoFar,
    asksSoFar,
    achievedPerDay: workedDaysSoFar > 0 ? asksSoFar / workedDaysSoFar : null,
    neededPerDay,
    realisticPerDay,
  };
}

/** A share for display: `part / whole`, 0 when nothing to divide. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** One referrer's line of "closed from referrals by X". */
export interface ReferrerRow {
  referrerId: string;
  name: string;
  referred: number;
  won: number;
  amount: number;
}

/**
 * "Closed from referrals by X": per person who referred leads, how many they referred, how many
 * were won and the amount — the chain referral → meeting → deal → won credited to the referrer.
 * Largest amount first, then most referrals. Leads whose referrer is gone are left out.
 */
export function closedFromReferrals(
  leads: readonly {
    referrer?: { id: string; fullName: string } | undefined;
    progress: { wonAmount: number; wonDeals: number };
  }[],
): ReferrerRow[] {
  const rows = new Map<string, ReferrerRow>();
  for (const { referrer, progress } of leads) {
    if (!referrer) continue;
    const row = rows.get(referrer.id) ?? {
      referrerId: referrer.id,
      name: referrer.fullName,
      referred: 0,
      won: 0,
      amount: 0,
    };
    row.referred++;
    if (progress.wonDeals > 0) row.won++;
    row.amount += progress.wonAmount;
    rows.set(referrer.id, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.amount - a.amount || b.referred - a.referred || a.name.localeCompare(b.name),
  );
}
