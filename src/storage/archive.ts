import type { IDBPObjectStore } from 'idb';
import type { Outreach } from '../shared/model.ts';
import {
  ARCHIVE_BUCKETS,
  EMPTY_SUMMARY,
  archiveBoundary,
  bucketOf,
  bucketKeyOf,
  bucketOfRecord,
  byCreatedAt,
  decodeBucket,
  encodeBucket,
  groupIntoBuckets,
  sortByCreatedAt,
  isSettled,
  updateSummary,
  type ArchiveSummary,
} from './archive-layout.ts';
import { decodeRows, encodeRows, LEGACY_ROWS_OFFSET, logRowOf, ROWS_OFFSET, type LogRow } from './log-rows.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
import type { GapCloserSchema, StoreName } from './schema.ts';

/**
 * The archive of settled outreach (layout and reasons in archive-layout.ts) and the reads that
 * merge it with the indexed `outreach` store. A read that needs both takes both stores in one
 * transaction: a record moving between them is then seen exactly once.
 */

type ArchiveStore<Mode extends IDBTransactionMode> = IDBPObjectStore<
  GapCloserSchema,
  ArrayLike<StoreName>,
  'archive',
  Mode
>;

const SUMMARY = 'summary';

function bucketRange(): IDBKeyRange {
  return IDBKeyRange.bound(0, ARCHIVE_BUCKETS - 1);
}

function rowsRange(): IDBKeyRange {
  return IDBKeyRange.bound(ROWS_OFFSET, ROWS_OFFSET + ARCHIVE_BUCKETS - 1);
}

function legacyRowsRange(): IDBKeyRange {
  return IDBKeyRange.bound(LEGACY_ROWS_OFFSET, LEGACY_ROWS_OFFSET + ARCHIVE_BUCKETS - 1);
}

function asBucket(value: string | ArchiveSummary | undefined): Outreach[] {
  return typeof value === 'string' ? decodeBucket(value) : [];
}

/**
 * The one way a bucket is written: its records and the log's copy of them (log-rows.ts
 * `LogRow`), in the caller's transaction, so the two never disagree. No records: both deleted.
 */
function putBucket(
  store: ArchiveStore<'readwrite'>,
  bucket: number,
  records: readonly Outreach[],
  encoded = encodeBucket(records),
): Promise<unknown> {
  if (!records.length) return Promise.all([store.delete(bucket), store.delete(ROWS_OFFSET + bucket)]);
  return Promise.all([store.put(encoded, bucket), store.put(encodeRows(records), ROWS_OFFSET + bucket)]);
}

export async function readSummary(store: ArchiveStore<IDBTransactionMode>): Promise<ArchiveSummary> {
  const value = await store.get(SUMMARY);
  return value && typeof value !== 'string' ? value : EMPTY_SUMMARY;
}

/** Every archived record (bucket by bucket, not in time order). */
export async function archivedRecords(store: ArchiveStore<IDBTransactionMode>): Promise<Outreach[]> {
  return (await store.getAll(bucketRange())).flatMap(asBucket);
}

/** One person's archived records: one bucket read. */
export async function archivedOfContact(
  store: ArchiveStore<IDBTransactionMode>,
  contactId: string,
): Promise<Outreach[]> {
  return asBucket(await store.get(bucketOf(contactId))).filter((record) => record.contactId === contactId);
}

/**
 * Hands one person's archived records to another (two contacts merged, or a merge undone): out of
 * `fromId`'s bucket into `toId`'s, with the new contact id and name. `only` limits it to those
 * records. Counts, tally and wins are unchanged, so the summary is. Returns the ids moved.
 */
export async function reassignArchived(
  store: ArchiveStore<'readwrite'>,
  fromId: string,
  to: { id: string; name: string },
  only?: ReadonlySet<string>,
): Promise<string[]> {
  const from = bucketOf(fromId);
  const target = bucketOf(to.id);
  const fromRecords = asBucket(await store.get(from));
  const moving = fromRecords.filter((record) => record.contactId === fromId && (!only || only.has(record.id)));
  if (!moving.length) return [];
  const movingIds = new Set(moving.map((record) => record.id));
  const moved = moving.map((record) => ({ ...record, contactId: to.id, contactName: to.name }));
  const staying = fromRecords.filter((record) => !movingIds.has(record.id));
  if (from === target) {
    await putBucket(store, from, sortByCreatedAt([...staying, ...moved]));
  } else {
    const targetRecords = asBucket(await store.get(target));
    await putBucket(store, from, staying);
    await putBucket(store, target, sortByCreatedAt([...targetRecords, ...moved]));
  }
  return [...movingIds];
}

/**
 * Removes one record from the archive and returns it, for a caller that puts it back in the
 * indexed store (an edit makes a record recent again). `owner` (the record's contact or group)
 * names its bucket; without it every bucket is searched.
 */
export async function takeFromArchive(
  store: ArchiveStore<'readwrite'>,
  id: string,
  owner?: Pick<Outreach, 'contactId' | 'targetUrl' | 'contactName'>,
): Promise<Outreach | undefined> {
  let bucket: number | undefined;
  let records: Outreach[] = [];
  if (owner) {
    bucket = bucketOf(bucketKeyOf(owner));
    records = asBucket(await store.get(bucket));
  } else {
    const [keys, values] = await Promise.all([store.getAllKeys(bucketRange()), store.getAll(bucketRange())]);
    const found = values.findIndex((value) => asBucket(value).some((record) => record.id === id));
    if (found >= 0) {
      bucket = keys[found] as number;
      records = asBucket(values[found]);
    }
  }
  const record = records.find((candidate) => candidate.id === id);
  if (bucket === undefined || !record) return undefined;
  await putBucket(
    store,
    bucket,
    records.filter((candidate) => candidate !== record),
  );
  await store.put(updateSummary(await readSummary(store), [], [record]), SUMMARY);
  return record;
}

/**
 * One outreach for an update, from the indexed store or — taken out of the archive and put back
 * in the indexed store — from the archive. The transaction must include both stores.
 */
export async function outreachForUpdate(
  outreach: IDBPObjectStore<GapCloserSchema, ArrayLike<StoreName>, 'outreach', 'readwrite'>,
  archive: ArchiveStore<'readwrite'>,
  id: string,
  owner?: Pick<Outreach, 'contactId' | 'targetUrl' | 'contactName'>,
): Promise<Outreach | undefined> {
  const recent = await outreach.get(id);
  if (recent) return recent;
  const archived = await takeFromArchive(archive, id, owner);
  if (archived) await outreach.put(archived);
  return archived;
}

/**
 * Every outreach record, oldest first. Both stores are read in key order and sorted here: a
 * getAll through the time index fetches each record by its key, about five times slower. The
 * archive's text is parsed once `decodeAfter` settles, so that a page can paint first while the
 * browser reads.
 */
export async function everyOutreach(db: Db, decodeAfter?: Promise<unknown>): Promise<Outreach[]> {
  const tx = db.transaction(['outreach', 'archive']);
  const [recent, buckets] = await Promise.all([
    tx.objectStore('outreach').getAll(),
    tx.objectStore('archive').getAll(bucketRange()),
  ]);
  await decodeAfter?.catch(() => undefined);
  return sortByCreatedAt([...buckets.flatMap(asBucket), ...recent]);
}

/**
 * Every outreach record as the log lists it (no texts), oldest first: the archive's log rows
 * (archive-layout.ts `LogRow`) and the indexed store. A bucket without its rows (archived before
 * they existed, until the worker's housekeeping adds them) is read whole instead. Decoded once
 * `decodeAfter` settles, as `everyOutreach`.
 */
export async function everyLogRow(db: Db, decodeAfter?: Promise<unknown>): Promise<LogRow[]> {
  const tx = db.transaction(['outreach', 'archive']);
  const archive = tx.objectStore('archive');
  const [recent, rows, rowKeys, bucketKeys] = await Promise.all([
    tx.objectStore('outreach').getAll(),
    archive.getAll(rowsRange()),
    archive.getAllKeys(rowsRange()),
    archive.getAllKeys(bucketRange()),
  ]);
  const withRows = new Set(rowKeys.map((key) => (key as number) - ROWS_OFFSET));
  const missing = bucketKeys.filter((key) => !withRows.has(key as number));
  const whole = await Promise.all(missing.map((key) => archive.get(key)));
  await decodeAfter?.catch(() => undefined);
  const archived: LogRow[] = [];
  for (const value of rows) if (typeof value === 'string') archived.push(...decodeRows(value));
  for (const value of whole) for (const record of asBucket(value)) archived.push(logRowOf(record));
  for (const record of recent) archived.push(logRowOf(record));
  return sortByCreatedAt(archived);
}

/** The message text of every outreach record, by id: for a search of the texts, read when one is asked for. */
export async function outreachTexts(db: Db): Promise<Map<string, string>> {
  const tx = db.transaction(['outreach', 'archive']);
  const [recent, buckets] = await Promise.all([
    tx.objectStore('outreach').getAll(),
    tx.objectStore('archive').getAll(bucketRange()),
  ]);
  const texts = new Map<string, string>();
  for (const value of buckets) for (const record of asBucket(value)) texts.set(record.id, record.text);
  for (const record of recent) texts.set(record.id, record.text);
  return texts;
}

/** One record's message text: the indexed store, else its owner's bucket (one read each). */
export async function outreachText(db: Db, row: LogRow): Promise<string | undefined> {
  const tx = db.transaction(['outreach', 'archive']);
  const recent = await tx.objectStore('outreach').get(row.id);
  if (recent) return recent.text;
  const bucket = asBucket(await tx.objectStore('archive').get(bucketOf(bucketKeyOf(row))));
  return bucket.find((record) => record.id === row.id)?.text;
}

/**
 * Writes the log rows of every bucket that has none (books archived before the rows existed, or
 * before they were stored by column: those rows of the earlier layout are deleted), a few buckets
 * per transaction. Returns how many buckets it wrote.
 */
export async function addMissingRows(db: Db, perTransaction = 16): Promise<number> {
  const read = db.transaction('archive');
  const [rowKeys, bucketKeys, legacyRows] = await Promise.all([
    read.store.getAllKeys(rowsRange()),
    read.store.getAllKeys(bucketRange()),
    read.store.count(legacyRowsRange()),
  ]);
  if (legacyRows > 0) await db.delete('archive', legacyRowsRange());
  const withRows = new Set(rowKeys.map((key) => (key as number) - ROWS_OFFSET));
  const missing = bucketKeys.filter((key) => !withRows.has(key as number)) as number[];
  for (let i = 0; i < missing.length; i += perTransaction) {
    const tx = db.transaction('archive', 'readwrite');
    await Promise.all(
      missing.slice(i, i + perTransaction).map(async (bucket) => {
        const value = await tx.store.get(bucket);
        // Read again inside the writing transaction: the bucket may have changed or gone since.
        if (typeof value === 'string') await tx.store.put(encodeRows(decodeBucket(value)), ROWS_OFFSET + bucket);
      }),
    );
    await tx.done;
  }
  return missing.length;
}

/** One person's outreach, recent and archived (in no particular order). */
export async function outreachOfContact(db: Db, contactId: string): Promise<Outreach[]> {
  const tx = db.transaction(['outreach', 'archive']);
  const [recent, archived] = await Promise.all([
    tx.objectStore('outreach').index('byContact').getAll(contactId),
    archivedOfContact(tx.objectStore('archive'), contactId),
  ]);
  await tx.done;
  return [...archived, ...recent];
}

/** The total number of outreach records: the indexed store's count and the archive's. */
export async function countOutreach(db: Db): Promise<number> {
  const tx = db.transaction(['outreach', 'archive']);
  const [recent, summary] = await Promise.all([
    tx.objectStore('outreach').count(),
    readSummary(tx.objectStore('archive')),
  ]);
  await tx.done;
  return recent + summary.records;
}

/** Adds records to their buckets (inside the caller's transaction) and returns the new summary. */
async function addToArchive(
  store: ArchiveStore<'readwrite'>,
  records: readonly Outreach[],
  summary: ArchiveSummary,
): Promise<ArchiveSummary> {
  await Promise.all(
    [...groupIntoBuckets(records)].map(async ([bucket, added]) => {
      const current = asBucket(await store.get(bucket));
      await putBucket(store, bucket, [...current, ...added].sort(byCreatedAt));
    }),
  );
  return updateSummary(summary, records);
}

/** Ids of the settled records, by bucket, from read-only passes over the store in key order. */
async function settledByBucket(db: Db, boundary: number, page: number): Promise<Map<number, string[]>> {
  const byBucket = new Map<number, string[]>();
  let after: IDBKeyRange | undefined;
  for (;;) {
    const records = await db.getAll('outreach', after, page);
    for (const record of records) {
      if (!isSettled(record, boundary)) continue;
      const bucket = bucketOfRecord(record);
      const ids = byBucket.get(bucket);
      if (ids) ids.push(record.id);
      else byBucket.set(bucket, [record.id]);
    }
    const last = records[records.length - 1];
    if (records.length < page || !last) return byBucket;
    after = IDBKeyRange.lowerBound(last.id, true);
  }
}

/** Consecutive runs of about `size` ids, never splitting a bucket unless it alone is larger. */
function batchesOf(byBucket: Map<number, string[]>, size: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  for (const ids of byBucket.values()) {
    for (let i = 0; i < ids.length; i += size) {
      const part = ids.slice(i, i + size);
      if (current.length && current.length + part.length > size) {
        batches.push(current);
        current = [];
      }
      current.push(...part);
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

/** How long the worker's archiving leaves the stores to pages between two moves. */
const PAUSE_BETWEEN_MOVES_MS = 5;
/** How long no move starts after a page the user opened asked the archive to step aside. */
const STEP_ASIDE_MS = 120;
/** A batch stopped this many times for pages is then moved without stopping (pages open endlessly). */
const MAX_STEPS_ASIDE = 10;

let asideUntil = 0;
let stepsAside = 0;
let inFlight: { abort(): void } | undefined;

/**
 * The popup's first reads take the stores a move holds, and a move takes about 100 ms: a popup
 * opened during one waited for it (68 ms first render against 33 ms after the move). A page
 * the user opens therefore stops the move in flight — it is aborted, so none of it is written,
 * and its batch is moved again — and no move starts for `STEP_ASIDE_MS`. Returns whether a move
 * was stopped.
 */
export function stepAsideForPage(now = Date.now()): boolean {
  asideUntil = now + STEP_ASIDE_MS;
  const move = inFlight;
  if (!move) return false;
  inFlight = undefined;
  try {
    move.abort();
  } catch {
    // Finished meanwhile: nothing to stop.
    return false;
  }
  stepsAside++;
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Moves settled records (archive-layout.ts `isSettled`) from the indexed store to the archive.
 * Read-only passes find them and group them by bucket (read-only transactions do not hold up a
 * popup's reads); then each read-write transaction moves about `batch` records of a few buckets,
 * so every bucket is rewritten about once (moving batches in time order touched nearly every
 * bucket each time: a 50,000-record book rewrote its whole archive two hundred times) and a
 * popup never waits long. Each record is read again inside its batch and moved only if still
 * settled; each batch is moved whole or not at all, and moved again when a page stopped it
 * (`stepAsideForPage`). Returns how many moved.
 */
export async function archiveSettled(db: Db, now = Date.now(), batch = 250): Promise<number> {
  const boundary = archiveBoundary(now);
  let moved = 0;
  for (const ids of batchesOf(await settledByBucket(db, boundary, 5_000), batch)) {
    for (let attempt = 0; ; attempt++) {
      while (Date.now() < asideUntil) await sleep(asideUntil - Date.now());
      const stoppedBefore = stepsAside;
      try {
        moved += await moveIfSettled(db, ids, boundary, attempt < MAX_STEPS_ASIDE);
        break;
      } catch (error) {
        // Stopped for a page: moved again after it. Any other failure ends the run.
        if (stepsAside === stoppedBefore) throw error;
      }
    }
    // A pause between moves: a page's read (the popup's first render) asked for meanwhile runs
    // before the next move's transaction instead of queueing behind it.
    await sleep(PAUSE_BETWEEN_MOVES_MS);
  }
  // Books archived before the log rows existed get them once (a no-op afterwards).
  await addMissingRows(db);
  return moved;
}

/**
 * Moves the records of `ids` that are still settled (read again here: one may have been edited,
 * answered again or deleted since it was found) in one transaction. Returns how many moved.
 */
export async function moveIfSettled(
  db: Db,
  ids: readonly string[],
  boundary: number,
  /** Whether a page opening may stop it (`stepAsideForPage`). */
  stoppable = false,
): Promise<number> {
  const tx = db.transaction(['outreach', 'archive'], 'readwrite');
  if (stoppable) inFlight = tx;
  try {
    const outreach = tx.objectStore('outreach');
    const archive = tx.objectStore('archive');
    const current = await Promise.all(ids.map((id) => outreach.get(id)));
    const settled = current.filter((record): record is Outreach => !!record && isSettled(record, boundary));
    if (settled.length) {
      const summary = await addToArchive(archive, settled, await readSummary(archive));
      await Promise.all([...settled.map((record) => outreach.delete(record.id)), archive.put(summary, SUMMARY)]);
    }
    await tx.done;
    return settled.length;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  } finally {
    if (inFlight === tx) inFlight = undefined;
  }
}

// One archiving run at a time per context: start-up and the midnight alarm may overlap.
let running: Promise<number> | undefined;
export function archiveSettledOnce(db: Db, now = Date.now()): Promise<number> {
  running ??= archiveSettled(db, now).finally(() => {
    running = undefined;
  });
  return running;
}

/** What `replaceArchive` wrote, for the progress bar. */
type ArchiveProgress = (records: number) => void;

/** The archive as stored, read before a restore queues its writes (`replaceArchive`). */
export interface StoredArchive {
  keys: IDBValidKey[];
  values: (string | ArchiveSummary)[];
  rowKeys: IDBValidKey[];
  summary: ArchiveSummary;
}

export async function readStoredArchive(store: ArchiveStore<IDBTransactionMode>): Promise<StoredArchive> {
  const [keys, values, rowKeys, summary] = await Promise.all([
    store.getAllKeys(bucketRange()),
    store.getAll(bucketRange()),
    store.getAllKeys(rowsRange()),
    readSummary(store),
  ]);
  return { keys, values, rowKeys, summary };
}

/**
 * Makes the archive hold exactly `records` (inside the caller's transaction, for a restore):
 * buckets whose records are already stored as they are are left alone, others are rewritten or
 * deleted, and the summary is recomputed. `stored` is the archive as read at the transaction's
 * start: nothing here waits for the database before the writes are queued, so the encoding (a
 * few hundred milliseconds for 50,000 records) runs while the database stores the writes the
 * caller queued before (measured in docs/performance.md).
 */
export function replaceArchive(
  store: ArchiveStore<'readwrite'>,
  records: readonly Outreach[],
  stored: StoredArchive,
  onWritten?: ArchiveProgress,
  sameRecord: (a: Outreach, b: Outreach) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b),
): Promise<unknown> {
  const target = groupIntoBuckets(records);
  const withRows = new Set(stored.rowKeys.map((key) => (key as number) - ROWS_OFFSET));
  const writes: Promise<unknown>[] = [];
  const encoded = new Map([...target].map(([bucket, list]) => [bucket, encodeBucket(list)]));
  stored.keys.forEach((key, index) => {
    const bucket = key as number;
    const wanted = target.get(bucket);
    if (!wanted) {
      writes.push(putBucket(store, bucket, []));
      return;
    }
    // Stored as the same text, or holding equal records written in another key order.
    const value = stored.values[index];
    const unchanged =
      value === encoded.get(bucket) ||
      (() => {
        const current = asBucket(value);
        return (
          wanted.length === current.length && wanted.every((record, i) => sameRecord(record, current[i] as Outreach))
        );
      })();
    // An unchanged bucket without its log rows (archived before they existed) is written whole.
    if (unchanged && withRows.has(bucket)) {
      target.delete(bucket);
      onWritten?.(wanted.length);
    }
  });
  for (const [bucket, list] of target)
    writes.push(putBucket(store, bucket, list, encoded.get(bucket)).then(() => onWritten?.(list.length)));
  const summary = updateSummary(EMPTY_SUMMARY, records);
  if (JSON.stringify(stored.summary) !== JSON.stringify(summary)) writes.push(store.put(summary, SUMMARY));
  return Promise.all(writes);
}
