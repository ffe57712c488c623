import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/storage/db.ts';
import { DB_VERSION, MIGRATIONS, type Migration } from '../../../src/storage/migrations.ts';
import { SEEDS, type Seed } from './seeds.ts';

/**
 * Data safety, generic over MIGRATIONS: every past version upgrades to the latest with every
 * record kept (counts and checksums per store), any migration failing midway leaves version and
 * data as they were, and an old connection in another page does not block the upgrade.
 */

type Row = Record<string, unknown>;
type Dump = Record<string, Row[]>;

let counter = 0;
function uniqueName(): string {
  counter += 1;
  return `reliability-data-${counter}`;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const opened: { close: () => void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Every record of every store, read without any upgrade. */
async function dump(name: string): Promise<{ version: number; data: Dump }> {
  const db = await openDB(name);
  try {
    const data: Dump = {};
    for (const store of [...db.objectStoreNames].sort()) data[store] = (await db.getAll(store)) as Row[];
    return { version: db.version, data };
  } finally {
    db.close();
  }
}

/** The newest seed at or below `version`. */
function seedBase(version: number): { version: number; seed: Seed } {
  for (let candidate = version; candidate >= 1; candidate--) {
    const seed = SEEDS[candidate];
    if (seed) return { version: candidate, seed };
  }
  throw new Error(`No seed at or below version ${version}: add one to test/unit/reliability/seeds.ts`);
}

/** A database at `version` holding data as that version stored it. */
async function seededAt(version: number): Promise<string> {
  const name = uniqueName();
  const base = seedBase(version);
  const first = await openDatabase({ name, version: base.version, migrations: MIGRATIONS.slice(0, base.version) });
  for (const [store, rows] of Object.entries(base.seed)) {
    const tx = first.transaction(store as never, 'readwrite');
    for (const row of rows) await tx.store.put(row as never);
    await tx.done;
  }
  first.close();
  if (version > base.version) {
    (await openDatabase({ name, version, migrations: MIGRATIONS.slice(0, version) })).close();
  }
  return name;
}

/** Canonical JSON: keys sorted, so equal records hash equally. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Row).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
}

/**
 * Per store: the record count and a checksum over every record's fields as they were before,
 * so fields a migration adds do not count, and any field it loses or changes does.
 */
function summarise(before: Dump, after: Dump): Record<string, { count: number; checksum: string }>[] {
  const sum = (data: Dump, shapeFrom: Dump) =>
    Object.fromEntries(
      Object.keys(shapeFrom).map((store) => {
        const rows = data[store] ?? [];
        const hash = createHash('sha256');
        rows.forEach((row, index) => {
          const keys = Object.keys(shapeFrom[store]?.[index] ?? row);
          hash.update(canonical(Object.fromEntries(keys.map((key) => [key, row[key]]))));
        });
        return [store, { count: rows.length, checksum: hash.digest('hex').slice(0, 16) }];
      }),
    );
  return [sum(before, before), sum(after, before)];
}

/**
 * The one change a migration makes on purpose to existing fields: v6 resolves thank-yous an older
 * version stored as awaiting a reply and drops their follow-up date (a thank-you waits for nothing).
 */
function changedByMigrations(data: Dump): Dump {
  return {
    ...data,
    ...(data.outreach && {
      outreach: data.outreach.map((row) => {
        if (row.kind !== 'thank-you') return row;
        const { followUpOn: _dropped, ...rest } = row;
        return { ...rest, status: 'resolved' };
      }),
    }),
  };
}

const PAST_VERSIONS = Array.from({ length: DB_VERSION - 1 }, (_, index) => index + 1);

describe(`migrations: every past version (${PAST_VERSIONS.join(', ')}) → v${DB_VERSION}`, () => {
  it('has a migration per version and a seed for v1', () => {
    expect(MIGRATIONS.length).toBe(DB_VERSION);
    expect(SEEDS[1]).toBeDefined();
  });

  for (const from of PAST_VERSIONS) {
    it(`v${from} → v${DB_VERSION}: per-store counts and checksums equal, nothing lost`, async () => {
      const name = await seededAt(from);
      const before = await dump(name);
      expect(before.version).toBe(from);
      const seededCount = Object.values(before.data).reduce((total, rows) => total + rows.length, 0);
      expect(seededCount).toBeGreaterThan(100);

      const db = await openDatabase({ name });
      opened.push(db);
      db.close();
      const after = await dump(name);
      expect(after.version).toBe(DB_VERSION);
      const [expected, actual] = summarise(changedByMigrations(before.data), after.data);
      expect(actual).toEqual(expected);
    });
  }

  it('v1 → latest: records without an idempotency key get their id as key (unique index holds)', async () => {
    const name = await seededAt(1);
    const db = await openDatabase({ name });
    opened.push(db);
    const all = await db.getAll('outreach');
    expect(all.every((record) => record.idempotencyKey === record.id)).toBe(true);
    expect(await db.getFromIndex('outreach', 'byIdempotencyKey', 'outreach-3')).toMatchObject({ id: 'outreach-3' });
  });
});

function failingAt(failAt: number): Migration[] {
  return MIGRATIONS.map((migration, index) =>
    index + 1 === failAt
      ? async (db, tx) => {
          // The migration does all its work, then the upgrade fails: nothing of it may stay.
          await migration(db, tx);
          throw new Error(`injected failure in migration ${failAt}`);
        }
      : migration,
  );
}

describe('a migration failing midway leaves the version and the data unchanged', () => {
  const cases = PAST_VERSIONS.flatMap((from) =>
    Array.from({ length: DB_VERSION - from }, (_, index) => ({ from, failAt: from + index + 1 })),
  );
  for (const { from, failAt } of cases) {
    it(`from v${from}, failing in migration ${failAt} of ${DB_VERSION}`, async () => {
      const name = await seededAt(from);
      const before = await dump(name);
      await expect(openDatabase({ name, migrations: failingAt(failAt) })).rejects.toThrow(
        /^Database upgrade failed, nothing was changed: injected failure in migration/,
      );
      const after = await dump(name);
      expect(after.version).toBe(from);
      expect(after.data).toEqual(before.data);
    });
  }

  it('a fresh install whose first migration fails leaves no database behind', async () => {
    const name = uniqueName();
    await expect(openDatabase({ name, migrations: failingAt(1) })).rejects.toThrow(/nothing was changed/);
    const raw = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = (event) => {
        resolve(event.oldVersion);
        request.transaction?.abort();
      };
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
      request.onerror = () => undefined;
      setTimeout(() => reject(new Error('no answer')), 2000);
    });
    expect(raw).toBe(0);
  });
});

describe('an open connection in another extension page does not block an upgrade', () => {
  for (const from of PAST_VERSIONS) {
    it(`two pages hold v${from} open; the updated worker opens v${DB_VERSION} without waiting`, async () => {
      const name = await seededAt(from);
      const popup = await openDatabase({ name, version: from, migrations: MIGRATIONS.slice(0, from) });
      const options = await openDatabase({ name, version: from, migrations: MIGRATIONS.slice(0, from) });
      let blocked = 0;
      const started = performance.now();
      const upgraded: Db = await Promise.race([
        openDatabase({ name, onBlocked: () => blocked++ }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('upgrade blocked')), 3000)),
      ]);
      opened.push(upgraded);
      expect(upgraded.version).toBe(DB_VERSION);
      expect(blocked).toBe(0);
      expect(performance.now() - started).toBeLessThan(3000);
      // The old pages stepped aside: using them now fails instead of holding the upgrade.
      expect(() => popup.transaction('contacts')).toThrow();
      expect(() => options.transaction('contacts')).toThrow();
    });
  }
});
