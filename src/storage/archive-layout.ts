import { addDays, localDateOf, localDayBounds } from '../shared/dates.ts';
import type { Outreach } from '../shared/model.ts';
import { TALLIED_KINDS, tallyOutcomes, type Tally } from '../shared/pace.ts';
import type { LogRow } from './log-rows.ts';

/**
 * Where a settled outreach record lives once it has left the indexed `outreach` store: one of a
 * fixed number of buckets, each one IndexedDB value holding many records.
 *
 * Why: Chromium pays about 80 µs per stored value plus about 20 µs per index entry, whatever its
 * size, so restoring 50,000 records one value each takes 4 s with no index and 12 s with the log's
 * indexes, and reading them back 0.6 s; the same records in a few hundred values are written in
 * about 0.1 s and read in about 0.2 s. The popup's questions (today's asks, follow-ups due, wins
 * of the period, conversion counts) keep their index ranges over the recent records, and the
 * archive's share of them is kept in its summary.
 *
 * Pure functions only: the IndexedDB side is in archive.ts.
 */

/** Buckets are chosen by person, so one person's history is in one bucket (one read). */
export const ARCHIVE_BUCKETS = 256;

/**
 * Resolved records stay in the indexed store this long before they are archived: the week the
 * popup and the log are most likely to revisit. Nothing depends on it for correctness — an edit
 * brings an archived record back — but every recent record costs a restore its index writes.
 */
export const RECENT_DAYS = 7;

/** A win kept in the archive, for the wins of a period without reading the buckets. */
export interface ArchivedWin {
  id: string;
  at: number;
  amount: number;
}

/**
 * What the popup needs of the archive without reading it: counts, conversion tally and the wins
 * (in time order). The wins' times and amounts are typed arrays, which the browser copies as one
 * block: a year of wins costs the popup's first render well under a millisecond.
 */
export interface ArchiveSummary {
  records: number;
  tally: Tally;
  wins: { ids: string[]; at: Float64Array; amount: Float64Array };
}

export const EMPTY_SUMMARY: ArchiveSummary = {
  records: 0,
  tally: {},
  wins: { ids: [], at: new Float64Array(0), amount: new Float64Array(0) },
};

function packWins(wins: ArchivedWin[]): ArchiveSummary['wins'] {
  wins.sort(byTime);
  return {
    ids: wins.map((win) => win.id),
    at: Float64Array.from(wins, (win) => win.at),
    amount: Float64Array.from(wins, (win) => win.amount),
  };
}

function unpackWins({ ids, at, amount }: ArchiveSummary['wins']): ArchivedWin[] {
  return ids.map((id, i) => ({ id, at: at[i] ?? 0, amount: amount[i] ?? 0 }));
}

/** Records created and resolved before this instant may be archived: the start of the day `RECENT_DAYS` ago. */
export function archiveBoundary(now: number): number {
  return localDayBounds(addDays(localDateOf(new Date(now)), -RECENT_DAYS)).start;
}

/**
 * Settled: answered (or a thank-you, which waits for nothing) and older than the boundary, both
 * when sent and when answered. Records awaiting an answer are never archived: follow-ups due and
 * open asks are always read from the indexes.
 */
export function isSettled(record: Outreach, boundary: number): boolean {
  return record.status === 'resolved' && record.createdAt < boundary && (record.outcomeAt ?? 0) < boundary;
}

/** The person (or group) a record belongs to: what decides its bucket. */
export function bucketKeyOf(record: Pick<Outreach, 'contactId' | 'targetUrl' | 'contactName'>): string {
  return record.contactId ?? `~${record.targetUrl ?? record.contactName}`;
}

/** FNV-1a over the key's UTF-16 units: stable across releases, so a stored bucket stays findable. */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ARCHIVE_BUCKETS;
}

export function bucketOfRecord(record: Outreach): number {
  return bucketOf(bucketKeyOf(record));
}

/**
 * A bucket is stored as JSON text: the browser hands a string over as one block and JSON.parse
 * builds the records about a third faster than the structured clone of as many objects
 * (measured on 50,000 records in Chromium: 210 ms against 310 ms). Records hold only strings,
 * numbers and absent fields, which JSON keeps as they are.
 */
export function encodeBucket(records: readonly Outreach[]): string {
  return JSON.stringify(records);
}

export function decodeBucket(text: string): Outreach[] {
  return JSON.parse(text) as Outreach[];
}

/** Oldest first, ties by id: one order for every bucket, so an unchanged bucket compares equal. */
export function byCreatedAt(a: LogRow, b: LogRow): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const DIGIT_BITS = 14;
const DIGITS = 1 << DIGIT_BITS;
const MAX_SPAN = 2 ** (3 * DIGIT_BITS);

/**
 * Records in `byCreatedAt` order (a new array). The log sorts all of them on every load, and a
 * comparison sort of 50,000 objects costs 60–100 ms on a slow machine; this is a stable radix
 * sort on the whole milliseconds (three 14-bit digits, about 3 ms), after which the few records
 * sharing a millisecond are ordered by the full comparison.
 */
export function sortByCreatedAt<Row extends LogRow>(records: readonly Row[]): Row[] {
  const n = records.length;
  let min = Infinity;
  let max = -Infinity;
  for (const record of records) {
    if (record.createdAt < min) min = record.createdAt;
    if (record.createdAt > max) max = record.createdAt;
  }
  if (n < 64 || !(max - min < MAX_SPAN)) return [...records].sort(byCreatedAt);
  // Each record's offset from the oldest, as three 14-bit digits (computed once).
  const keys = new Float64Array(n);
  const digits = [new Uint16Array(n), new Uint16Array(n), new Uint16Array(n)] as const;
  for (let i = 0; i < n; i++) {
    const key = Math.floor((records[i] as Row).createdAt - min);
    keys[i] = key;
    const low = key % 2 ** 28;
    digits[0][i] = low & (DIGITS - 1);
    digits[1][i] = low >>> DIGIT_BITS;
    digits[2][i] = Math.floor(key / 2 ** 28);
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(DIGITS);
  for (const digit of digits) {
    counts.fill(0);
    for (let i = 0; i < n; i++) (counts[digit[i] as number] as number)++;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const count = counts[d] as number;
      counts[d] = sum;
      sum += count;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const d = digit[i] as number;
      next[counts[d] as number] = i;
      counts[d] = (counts[d] as number) + 1;
    }
    [order, next] = [next, order];
  }
  const sorted = new Array<Row>(n);
  for (let k = 0; k < n; k++) sorted[k] = records[order[k] as number] as Row;
  // Records within one millisecond (rare): ordered by the full comparison.
  for (let start = 0; start < n;) {
    let end = start + 1;
    const key = keys[order[start] as number];
    while (end < n && keys[order[end] as number] === key) end++;
    if (end - start > 1) {
      const tied = sorted.slice(start, end).sort(byCreatedAt);
      for (let k = 0; k < tied.length; k++) sorted[start + k] = tied[k] as Row;
    }
    start = end;
  }
  return sorted;
}

/** Records grouped into their buckets, each bucket in `byCreatedAt` order. */
export function groupIntoBuckets(records: Iterable<Outreach>): Map<number, Outreach[]> {
  const buckets = new Map<number, Outreach[]>();
  for (const record of records) {
    const bucket = bucketOfRecord(record);
    const list = buckets.get(bucket);
    if (list) list.push(record);
    else buckets.set(bucket, [record]);
  }
  for (const list of buckets.values()) list.sort(byCreatedAt);
  return buckets;
}

function winsOf(records: readonly Outreach[]): ArchivedWin[] {
  const wins: ArchivedWin[] = [];
  for (const record of records)
    if (record.outcome === 'won')
      wins.push({ id: record.id, at: record.outcomeAt ?? 0, amount: record.wonAmount ?? 0 });
  return wins;
}

/** Kinds in one fixed order and wins by time then id: equal summaries are stored identically. */
function addTallies(a: Tally, b: Tally, sign: 1 | -1): Tally {
  const sum: Tally = {};
  for (const kind of TALLIED_KINDS) {
    const asks = (a[kind]?.asks ?? 0) + sign * (b[kind]?.asks ?? 0);
    const wins = (a[kind]?.wins ?? 0) + sign * (b[kind]?.wins ?? 0);
    if (asks !== 0 || wins !== 0) sum[kind] = { asks, wins };
  }
  return sum;
}

function byTime(a: ArchivedWin, b: ArchivedWin): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The summary after `added` records entered the archive and `removed` ones left it. */
export function updateSummary(
  summary: ArchiveSummary,
  added: readonly Outreach[],
  removed: readonly Outreach[] = [],
): ArchiveSummary {
  const gone = new Set(winsOf(removed).map((win) => win.id));
  return {
    records: summary.records + added.length - removed.length,
    tally: addTallies(addTallies(summary.tally, tallyOutcomes(added), 1), tallyOutcomes(removed), -1),
    wins: packWins([...unpackWins(summary.wins).filter((win) => !gone.has(win.id)), ...winsOf(added)]),
  };
}

/** Amount and number of the archive's wins whose outcome was recorded in [start, end). */
export function archivedWinsBetween(
  summary: ArchiveSummary,
  start: number,
  end: number,
): { amount: number; deals: number } {
  const { at, amount } = summary.wins;
  let total = 0;
  let deals = 0;
  for (let i = 0; i < at.length; i++) {
    const time = at[i] ?? 0;
    if (time >= start && time < end) {
      total += amount[i] ?? 0;
      deals++;
    }
  }
  return { amount: total, deals };
}

/** Two tallies summed (the indexed store's and the archive's). */
export function combinedTally(a: Tally, b: Tally): Tally {
  return addTallies(a, b, 1);
}

/** Splits outreach into what stays in the indexed store and what is archived, as of `now`. */
export function partitionOutreach(
  records: readonly Outreach[],
  now: number,
): { recent: Outreach[]; archived: Outreach[] } {
  const boundary = archiveBoundary(now);
  const recent: Outreach[] = [];
  const archived: Outreach[] = [];
  for (const record of records) (isSettled(record, boundary) ? archived : recent).push(record);
  return { recent, archived };
}
