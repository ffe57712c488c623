import { isDeepStrictEqual } from 'node:util';
import { IDBDatabase as FDBDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { useFreshDatabases } from './fresh-db.ts';
import type { Contact, Favour, Outcome, Outreach, OutreachKind } from '../../src/shared/model.ts';
import {
  addMissingRows,
  countOutreach,
  everyLogRow,
  everyOutreach,
  outreachText,
  outreachTexts,
  outreachOfContact,
  archiveSettled,
  stepAsideForPage,
  moveIfSettled,
  readSummary,
} from '../../src/storage/archive.ts';
import {
  ARCHIVE_BUCKETS,
  EMPTY_SUMMARY,
  archiveBoundary,
  bucketOf,
  byCreatedAt,
  decodeBucket,
  isSettled,
  sortByCreatedAt,
  partitionOutreach,
  updateSummary,
} from '../../src/storage/archive-layout.ts';
import { decodeRows, LEGACY_ROWS_OFFSET, logRowOf, ROWS_OFFSET } from '../../src/storage/log-rows.ts';
import { deleteAll, exportAll, restoreAll } from '../../src/storage/backup.ts';
import { deleteOutreach, editOutreach } from '../../src/storage/dashboard.ts';
import type { Db } from '../../src/storage/db.ts';
import { wonInPeriod } from '../../src/storage/day.ts';
import { contactLedger, recordOutreachOutcome, refreshHistory } from '../../src/storage/follow-through.ts';
import { recordOutcome } from '../../src/storage/outreach.ts';

const DAY = 86_400_000;
const NOW = new Date(2026, 10, 27, 15, 30).getTime();
const { fresh, atVersion } = useFreshDatabases('archive');

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const KINDS: OutreachKind[] = ['referral-ask', 'upsell', 'stalled-revival', 'favour-ask', 'group-post', 'thank-you'];
const OUTCOMES: (Outcome | undefined)[] = [undefined, 'no-reply', 'replied', 'helped-intro', 'won', 'lost', 'meeting'];

/** 40 people and a few groups, 200 days of outreach: answered, open, thank-yous, wins. */
function history(count = 600): { contacts: Contact[]; outreach: Outreach[] } {
  const random = prng(7);
  const contacts: Contact[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    fullName: `Person ${i}`,
    firstName: `Person`,
    createdAt: 0,
    updatedAt: 0,
  }));
  const outreach: Outreach[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[Math.floor(random() * KINDS.length)] as OutreachKind;
    const createdAt = NOW - Math.floor(random() * 200 * DAY);
    const outcome = kind === 'thank-you' ? undefined : OUTCOMES[Math.floor(random() * OUTCOMES.length)];
    const contact = contacts[i % contacts.length] as Contact;
    outreach.push({
      id: `o${String(i).padStart(4, '0')}`,
      idempotencyKey: `k${i}`,
      ...(kind === 'group-post'
        ? { contactName: `Group ${i % 3}`, targetUrl: `https://www.linkedin.com/groups/${i % 3}/` }
        : { contactId: contact.id, contactName: contact.fullName }),
      kind,
      channel: kind === 'group-post' ? 'linkedin-group' : 'linkedin-message',
      text: `Hello ${i}`,
      createdAt,
      status: kind === 'thank-you' || outcome ? 'resolved' : 'awaiting',
      ...(outcome && { outcome, outcomeAt: Math.min(NOW, createdAt + Math.floor(random() * 40 * DAY)) }),
      ...(outcome === 'won' && { wonAmount: 1_000 + i }),
      ...(!outcome && kind !== 'thank-you' && { followUpOn: '2026-12-01' }),
    });
  }
  return { contacts, outreach };
}

async function seed(db: Db, data = history()): Promise<typeof data> {
  const tx = db.transaction(['contacts', 'outreach'], 'readwrite');
  for (const contact of data.contacts) await tx.objectStore('contacts').put(contact);
  for (const record of data.outreach) await tx.objectStore('outreach').put(record);
  await tx.done;
  return data;
}

/** Every question the extension asks of outreach, answered now. */
async function answers(db: Db, contacts: readonly Contact[]) {
  const periods = [
    [NOW - 200 * DAY, NOW + DAY],
    [NOW - 90 * DAY, NOW - 30 * DAY],
    [NOW - 45 * DAY, NOW - 44 * DAY],
    [NOW - 10 * DAY, NOW + DAY],
  ] as const;
  return {
    every: await everyOutreach(db),
    count: await countOutreach(db),
    perContact: await Promise.all(
      contacts.map(async (contact) => (await outreachOfContact(db, contact.id)).sort((a, b) => (a.id < b.id ? -1 : 1))),
    ),
    ledgers: await Promise.all(contacts.slice(0, 5).map((contact) => contactLedger(db, contact.id, 'Person', NOW))),
    wins: await Promise.all(periods.map(([start, end]) => wonInPeriod(db, start, end))),
    tally: await refreshHistory(db, NOW),
    backup: await exportAll(db),
  };
}

describe('archive layout (pure)', () => {
  it('archives answered records and thank-yous older than the boundary, never one awaiting an answer', () => {
    const boundary = archiveBoundary(NOW);
    expect(boundary).toBe(new Date(2026, 10, 20).getTime()); // local midnight, a week before
    const base = {
      id: 'x',
      idempotencyKey: 'x',
      contactName: 'X',
      kind: 'referral-ask',
      channel: 'email',
      text: '',
    } as const;
    expect(isSettled({ ...base, createdAt: boundary - 1, status: 'awaiting' }, boundary)).toBe(false);
    expect(
      isSettled(
        { ...base, createdAt: boundary - 1, status: 'resolved', outcome: 'lost', outcomeAt: boundary - 1 },
        boundary,
      ),
    ).toBe(true);
    // Answered recently: still recent, so this period's wins stay in the indexes.
    expect(
      isSettled(
        { ...base, createdAt: boundary - DAY, status: 'resolved', outcome: 'won', outcomeAt: boundary },
        boundary,
      ),
    ).toBe(false);
    expect(isSettled({ ...base, kind: 'thank-you', createdAt: boundary - 1, status: 'resolved' }, boundary)).toBe(true);
    expect(isSettled({ ...base, kind: 'thank-you', createdAt: boundary, status: 'resolved' }, boundary)).toBe(false);
  });

  it('puts a person in one bucket, the same in every release', () => {
    // Pinned: a changed hash would strand every stored bucket. FNV-1a of "" is 0x811c9dc5 and of
    // "a" 0xe40c292c (the published test vectors); the bucket is the low byte.
    expect([bucketOf(''), bucketOf('a'), bucketOf('contact-1'), bucketOf('c1')]).toEqual([0xc5, 0x2c, 225, 217]);
    const spread = new Set(Array.from({ length: 5_000 }, (_, i) => bucketOf(`contact-${i}`)));
    expect(spread.size).toBe(ARCHIVE_BUCKETS);
  });

  it('keeps the summary equal to one computed from scratch as records come and go', () => {
    const { outreach } = history(300);
    const { archived } = partitionOutreach(outreach, NOW);
    const half = archived.slice(0, 150);
    const stepwise = updateSummary(updateSummary(EMPTY_SUMMARY, half), archived.slice(150), half.slice(0, 40));
    const direct = updateSummary(EMPTY_SUMMARY, [...half.slice(40), ...archived.slice(150)]);
    expect(stepwise).toEqual(direct);
    expect(direct.records).toBe(archived.length - 40);
  });

  it('sorts by time exactly as the comparison does: ties by id, fractions, wide spans, small lists', () => {
    const random = prng(11);
    const record = (i: number, createdAt: number): Outreach => ({
      id: `m${String((i * 7919) % 10_007).padStart(5, '0')}`,
      idempotencyKey: `m${i}`,
      contactName: 'X',
      kind: 'referral-ask',
      channel: 'email',
      text: '',
      createdAt,
      status: 'resolved',
    });
    const cases: Outreach[][] = [
      // a year of milliseconds, with many records in the same millisecond
      Array.from({ length: 5_000 }, (_, i) => record(i, NOW - Math.floor(random() * 400) * 86_400_000)),
      Array.from({ length: 3_000 }, (_, i) => record(i, NOW - Math.floor(random() * 3e10))),
      // fractions within one millisecond, and a span wider than the radix covers
      Array.from({ length: 500 }, (_, i) => record(i, 1_000 + random())),
      Array.from({ length: 500 }, (_, i) => record(i, i % 2 ? 0 : NOW * 4)),
      Array.from({ length: 10 }, (_, i) => record(i, NOW - i)),
      [],
    ];
    for (const records of cases) expect(sortByCreatedAt(records)).toEqual([...records].sort(byCreatedAt));
  });

  it('splits a backup into recent and archived by the rule', () => {
    const { outreach } = history();
    const { recent, archived } = partitionOutreach(outreach, NOW);
    expect(recent.length + archived.length).toBe(outreach.length);
    expect(archived.length).toBeGreaterThan(200);
    expect(recent.some((record) => record.status === 'awaiting')).toBe(true);
    expect(archived.every((record) => isSettled(record, archiveBoundary(NOW)))).toBe(true);
    expect(recent.every((record) => !isSettled(record, archiveBoundary(NOW)))).toBe(true);
  });
});

describe('archiving settled outreach', () => {
  it('moves only settled records, in batches, and every read answers as before', async () => {
    const db = await fresh();
    const { contacts, outreach } = await seed(db);
    const before = await answers(db, contacts);
    const moved = await archiveSettled(db, NOW, 50);
    const expected = partitionOutreach(outreach, NOW);
    expect(moved).toBe(expected.archived.length);
    expect((await db.getAll('outreach')).map((record) => record.id).sort()).toEqual(
      expected.recent.map((record) => record.id).sort(),
    );
    expect((await readSummary(db.transaction('archive').store)).records).toBe(moved);
    expect(await answers(db, contacts)).toEqual(before);
    // Run again: nothing left to move.
    expect(await archiveSettled(db, NOW, 50)).toBe(0);
  });

  it('steps aside for a page the user opens: the move in flight is stopped whole and moved again', async () => {
    const db = await fresh();
    const { contacts, outreach } = await seed(db);
    const before = await answers(db, contacts);
    // A popup opens just after each of the first three moves has started (its reads issued).
    let stopped = 0;
    const open = FDBDatabase.prototype.transaction;
    const spy = vi.spyOn(FDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args
    ) {
      const tx = open.apply(this, args);
      if (args[1] === 'readwrite' && stopped < 3)
        queueMicrotask(() => {
          if (stepAsideForPage()) stopped++;
        });
      return tx;
    });
    const moved = await archiveSettled(db, NOW, 50).finally(() => spy.mockRestore());
    expect(stopped).toBe(3);
    const expected = partitionOutreach(outreach, NOW);
    expect(moved).toBe(expected.archived.length);
    expect((await db.getAll('outreach')).map((record) => record.id).sort()).toEqual(
      expected.recent.map((record) => record.id).sort(),
    );
    const store = db.transaction('archive').store;
    expect(await readSummary(store)).toEqual(updateSummary(EMPTY_SUMMARY, expected.archived));
    expect((await rowsAgainstBuckets(db))[2]).toEqual([]);
    expect(await answers(db, contacts)).toEqual(before);
  });

  it('moves a found record only if it is still settled when its batch runs', async () => {
    const db = await fresh();
    const { outreach } = await seed(db);
    const [answeredAgain, deleted, still] = partitionOutreach(outreach, NOW).archived as [Outreach, Outreach, Outreach];
    // Between the search and the batch: one record is open again, one is deleted.
    await db.put('outreach', { ...answeredAgain, status: 'awaiting', outcome: undefined, outcomeAt: undefined });
    await db.delete('outreach', deleted.id);
    const moved = await moveIfSettled(db, [answeredAgain.id, deleted.id, still.id], archiveBoundary(NOW));
    expect(moved).toBe(1);
    expect(await db.get('outreach', answeredAgain.id)).toMatchObject({ status: 'awaiting' });
    expect(await db.get('outreach', still.id)).toBeUndefined();
    expect((await readSummary(db.transaction('archive').store)).records).toBe(1);
  });

  it('brings an archived record back to the indexed store when it is edited, answered or deleted', async () => {
    const db = await fresh();
    const { outreach } = await seed(db);
    await archiveSettled(db, NOW);
    const archived = partitionOutreach(outreach, NOW).archived.filter((record) => record.kind !== 'thank-you');
    const [lost, other, gone] = archived.filter((record) => record.outcome !== 'won') as [Outreach, Outreach, Outreach];

    // Answered again (a late win): back in the indexes, counted as a win of today.
    const winsBefore = await wonInPeriod(db, NOW, NOW + 1);
    await recordOutreachOutcome(db, lost.id, { outcome: 'won', wonAmount: 5_000 }, NOW);
    expect(await db.get('outreach', lost.id)).toMatchObject({ outcome: 'won', wonAmount: 5_000, outcomeAt: NOW });
    expect(await wonInPeriod(db, NOW, NOW + 1)).toEqual({
      amount: winsBefore.amount + 5_000,
      deals: winsBefore.deals + 1,
    });

    // Edited in the log: the follow-up date.
    await editOutreach(db, other.id, { outcome: other.outcome ?? null, followUpOn: '2027-01-04' }, NOW);
    expect(await db.get('outreach', other.id)).toMatchObject({ followUpOn: '2027-01-04' });

    // Deleted in the log.
    await deleteOutreach(db, gone.id);
    const every = await everyOutreach(db);
    expect(every.map((record) => record.id)).not.toContain(gone.id);
    expect(every).toHaveLength(outreach.length - 1);
    expect(new Set(every.map((record) => record.id)).size).toBe(every.length);
    expect(await countOutreach(db)).toBe(outreach.length - 1);

    // The stored conversion counts match a recount from scratch.
    const fromScratch = updateSummary(EMPTY_SUMMARY, every).tally;
    expect(await refreshHistory(db, NOW)).toEqual(fromScratch);
  });

  it('records an outcome from the inbox on a person whose asks are all archived', async () => {
    const db = await fresh();
    const record: Outreach = {
      id: 'old',
      idempotencyKey: 'old',
      contactId: 'c9',
      contactName: 'Old Friend',
      kind: 'referral-ask',
      channel: 'email',
      text: 'Hi',
      createdAt: NOW - 100 * DAY,
      status: 'resolved',
      outcome: 'no-reply',
      outcomeAt: NOW - 90 * DAY,
    };
    await db.put('outreach', record);
    await archiveSettled(db, NOW);
    expect(await db.count('outreach')).toBe(0);
    const updated = await recordOutcome(db, 'c9', 'replied', undefined, NOW);
    expect(updated).toMatchObject({ id: 'old', outcome: 'replied', outcomeAt: NOW });
    expect(await db.count('outreach')).toBe(1);
    expect((await readSummary(db.transaction('archive').store)).records).toBe(0);
  });
});

describe('restore and delete-all with the archive', () => {
  it('restores a backup into an empty database straight into both layouts, and exports it back identical', async () => {
    const source = await fresh();
    const { contacts } = await seed(source);
    const favour: Favour = { id: 'f1', contactId: 'c1', note: 'Intro for their hire', at: NOW - 3 * DAY };
    await source.put('favours', favour);
    const backup = await exportAll(source);

    const target = await fresh();
    await restoreAll(target, backup, undefined, NOW);
    const { recent, archived } = partitionOutreach(backup.outreach, NOW);
    expect(await target.count('outreach')).toBe(recent.length);
    expect((await readSummary(target.transaction('archive').store)).records).toBe(archived.length);
    expect(await exportAll(target)).toEqual(backup);
    expect(await answers(target, contacts)).toEqual(await answers(source, contacts));
  });

  it('writes nothing when the same backup is restored again, and delete-all empties the archive', async () => {
    const db = await fresh();
    await seed(db);
    await archiveSettled(db, NOW);
    const backup = await exportAll(db);
    const progress: number[] = [];
    let writes = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      writes++;
      return put.apply(this, args);
    };
    try {
      await restoreAll(db, backup, (done) => progress.push(done), NOW);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(writes).toBe(0);
    expect(progress.at(-1)).toBe(Object.values(backup).reduce((sum, rows) => sum + rows.length, 0));
    expect(await exportAll(db)).toEqual(backup);

    await deleteAll(db);
    expect(await db.count('archive')).toBe(0);
    expect(await everyOutreach(db)).toEqual([]);
  });
});

describe('migration to v4', () => {
  it('keeps every v3 record in the indexed store until the worker archives it', async () => {
    const { db: v3, upgrade } = await atVersion(3);
    const { outreach } = history(200);
    for (const record of outreach) await v3.put('outreach', record);
    const db = await upgrade();
    expect(db.objectStoreNames.contains('archive')).toBe(true);
    expect([...db.transaction('outreach').store.indexNames]).not.toContain('byStatus');
    expect(await db.count('outreach')).toBe(200);
    expect(await db.count('archive')).toBe(0);
    const before = await everyOutreach(db);
    await archiveSettled(db, NOW);
    expect(await everyOutreach(db)).toEqual(before);
    expect(await db.count('outreach')).toBe(partitionOutreach(outreach, NOW).recent.length);
  });
});

/** Every bucket's log rows, checked against the bucket itself: [buckets, rows entries, disagreeing]. */
async function rowsAgainstBuckets(db: Db): Promise<[number, number, number[]]> {
  const store = db.transaction('archive').store;
  const [bucketKeys, buckets, rowKeys, rows] = await Promise.all([
    store.getAllKeys(IDBKeyRange.bound(0, ARCHIVE_BUCKETS - 1)),
    store.getAll(IDBKeyRange.bound(0, ARCHIVE_BUCKETS - 1)),
    store.getAllKeys(IDBKeyRange.bound(ROWS_OFFSET, ROWS_OFFSET + ARCHIVE_BUCKETS - 1)),
    store.getAll(IDBKeyRange.bound(ROWS_OFFSET, ROWS_OFFSET + ARCHIVE_BUCKETS - 1)),
  ]);
  const rowsOf = new Map(rowKeys.map((key, i) => [(key as number) - ROWS_OFFSET, rows[i] as string]));
  const disagreeing = bucketKeys
    .map((key, i) => [key as number, buckets[i] as string] as const)
    .filter(([key, bucket]) => {
      const stored = rowsOf.get(key);
      return stored === undefined || !isDeepStrictEqual(decodeRows(stored), decodeBucket(bucket).map(logRowOf));
    })
    .map(([key]) => key);
  return [bucketKeys.length, rowKeys.length, disagreeing];
}

/** What the log lists: every record, oldest first, without text or idempotency key. */
async function expectedRows(db: Db) {
  return (await everyOutreach(db)).map(logRowOf);
}

describe("the log's rows: the archive without texts", () => {
  it('are written with every bucket, and the log lists every record from them without texts', async () => {
    const db = await fresh();
    await seed(db);
    await archiveSettled(db, NOW, 50);
    const [buckets, rows, disagreeing] = await rowsAgainstBuckets(db);
    expect(buckets).toBeGreaterThan(10);
    expect([rows, disagreeing]).toEqual([buckets, []]);
    const listed = await everyLogRow(db);
    expect(listed).toEqual(await expectedRows(db));
    expect(listed.some((row) => 'text' in row || 'idempotencyKey' in row)).toBe(false);
  });

  it('follow every edit, answer and deletion of an archived record, and a restore', async () => {
    const db = await fresh();
    const { outreach } = await seed(db);
    await archiveSettled(db, NOW);
    const archived = partitionOutreach(outreach, NOW).archived.filter((record) => record.outcome !== 'won');
    const [answered, edited, gone] = archived as [Outreach, Outreach, Outreach];
    await recordOutreachOutcome(db, answered.id, { outcome: 'won', wonAmount: 5_000 }, NOW);
    await editOutreach(db, edited.id, { outcome: edited.outcome ?? null, followUpOn: '2027-01-04' }, NOW);
    await deleteOutreach(db, gone.id);
    expect((await rowsAgainstBuckets(db))[2]).toEqual([]);
    expect(await everyLogRow(db)).toEqual(await expectedRows(db));

    // A restore of another book: buckets it empties lose their rows too.
    const other = await fresh();
    await seed(other, history(150));
    await restoreAll(db, await exportAll(other), undefined, NOW);
    const [buckets, rows, disagreeing] = await rowsAgainstBuckets(db);
    expect([rows, disagreeing]).toEqual([buckets, []]);
    expect(await everyLogRow(db)).toEqual(await expectedRows(db));
  });

  it('are rebuilt for a book archived before they existed: read from the buckets until the worker adds them', async () => {
    const db = await fresh();
    await seed(db);
    await archiveSettled(db, NOW);
    // As a book archived by the previous release stands: buckets and summary, no rows.
    await db.delete('archive', IDBKeyRange.bound(ROWS_OFFSET, ROWS_OFFSET + ARCHIVE_BUCKETS - 1));
    const [buckets, rows] = await rowsAgainstBuckets(db);
    expect(rows).toBe(0);
    expect(await everyLogRow(db)).toEqual(await expectedRows(db));

    expect(await addMissingRows(db, 7)).toBe(buckets);
    expect((await rowsAgainstBuckets(db)).slice(1)).toEqual([buckets, []]);
    expect(await addMissingRows(db)).toBe(0);

    // A restore of the same book over rows-less buckets writes the rows (and nothing else differs).
    await db.delete('archive', IDBKeyRange.bound(ROWS_OFFSET, ROWS_OFFSET + ARCHIVE_BUCKETS - 1));
    const backup = await exportAll(db);
    await restoreAll(db, backup, undefined, NOW);
    expect((await rowsAgainstBuckets(db)).slice(1)).toEqual([buckets, []]);
    expect(await exportAll(db)).toEqual(backup);
  });

  it('replace rows of the earlier layout (one JSON object per record at 1024 + bucket) once', async () => {
    const db = await fresh();
    await seed(db);
    await archiveSettled(db, NOW);
    // As the previous release left a book: its rows as JSON objects under the old keys, none by column.
    const store = db.transaction('archive').store;
    const [keys, buckets] = await Promise.all([
      store.getAllKeys(IDBKeyRange.bound(0, ARCHIVE_BUCKETS - 1)),
      store.getAll(IDBKeyRange.bound(0, ARCHIVE_BUCKETS - 1)),
    ]);
    await db.delete('archive', IDBKeyRange.bound(ROWS_OFFSET, ROWS_OFFSET + ARCHIVE_BUCKETS - 1));
    for (const [i, key] of keys.entries())
      await db.put(
        'archive',
        JSON.stringify(decodeBucket(buckets[i] as string).map(logRowOf)),
        LEGACY_ROWS_OFFSET + (key as number),
      );
    const legacy = IDBKeyRange.bound(LEGACY_ROWS_OFFSET, LEGACY_ROWS_OFFSET + ARCHIVE_BUCKETS - 1);
    expect(await everyLogRow(db)).toEqual(await expectedRows(db));

    expect(await addMissingRows(db)).toBe(keys.length);
    expect(await db.count('archive', legacy)).toBe(0);
    expect((await rowsAgainstBuckets(db)).slice(1)).toEqual([keys.length, []]);
    expect(await everyLogRow(db)).toEqual(await expectedRows(db));
  });

  it("reads the texts the log's search and editor need, archived and recent alike", async () => {
    const db = await fresh();
    const { outreach } = await seed(db);
    await archiveSettled(db, NOW);
    const texts = await outreachTexts(db);
    expect(texts).toEqual(new Map(outreach.map((record) => [record.id, record.text])));
    const { recent, archived } = partitionOutreach(outreach, NOW);
    for (const record of [recent[0], archived[0], archived.at(-1)] as Outreach[])
      expect(await outreachText(db, logRowOf(record))).toBe(record.text);
    expect(await outreachText(db, { ...logRowOf(archived[0] as Outreach), id: 'nobody' })).toBeUndefined();
  });
});
