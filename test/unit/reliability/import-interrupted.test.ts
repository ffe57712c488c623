import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planContactImport } from '../../../src/shared/import/plan.ts';
import type { ContactCandidate } from '../../../src/shared/import/records.ts';
import { exportAll, restoreAll } from '../../../src/storage/backup.ts';
import { openDatabase, type Db } from '../../../src/storage/db.ts';
import { readImportBook, writeImportPlan } from '../../../src/storage/import-book.ts';
import { MIGRATIONS } from '../../../src/storage/migrations.ts';
import { SEEDS } from './seeds.ts';

/**
 * A restore or a contacts import (its plan's write, storage/import-book.ts) cut off midway — the
 * page or worker running it stops, so its transaction never commits — leaves every store as it
 * was; run to the end, it stores all.
 * The cut is made at the first, a middle and the last write of the transaction.
 */

const WRITES = ['put', 'add', 'clear', 'delete'] as const;
const originals = new Map<string, unknown>();
let cutAt = 0;
let writes = 0;
let cuts = 0;

beforeAll(() => {
  for (const method of WRITES) {
    const original = IDBObjectStore.prototype[method] as unknown as (...args: unknown[]) => unknown;
    originals.set(method, original);
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = function (
      this: IDBObjectStore,
      ...args: unknown[]
    ) {
      const request = original.apply(this, args) as IDBRequest;
      writes++;
      if (cutAt > 0 && writes === cutAt) {
        const tx = this.transaction;
        // Once this write has been applied, the run stops — what a stopped worker or closed
        // page amounts to: the transaction ends without committing.
        request.addEventListener('success', () => {
          cuts++;
          tx.abort();
        });
      }
      return request;
    };
  }
});

afterAll(() => {
  for (const method of WRITES)
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = originals.get(method);
});

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  cutAt = 0;
});

let counter = 0;
async function seeded(rename: (text: string) => string): Promise<Db> {
  const name = `import-interrupted-${++counter}`;
  const seed = SEEDS[2] ?? {};
  const old = await openDatabase({ name, version: 2, migrations: MIGRATIONS.slice(0, 2) });
  for (const [store, rows] of Object.entries(seed)) {
    const tx = old.transaction(store as never, 'readwrite');
    for (const row of rows) await tx.store.put(JSON.parse(rename(JSON.stringify(row))) as never);
    await tx.done;
  }
  old.close();
  return openDatabase({ name });
}

async function dump(db: Db): Promise<string> {
  return JSON.stringify(await exportAll(db));
}

/** How many writes the operation makes when nothing stops it (on a throwaway copy). */
async function countWrites(run: (db: Db) => Promise<unknown>): Promise<number> {
  const scratch = await seeded((text) => text);
  writes = 0;
  await run(scratch);
  scratch.close();
  return writes;
}

describe('a restore stopped midway is all or nothing', () => {
  it('cut at the first, a middle and the last write: every store unchanged; uncut: the whole backup', async () => {
    const source = await seeded((text) => text.replaceAll('Person', 'Restored'));
    const backup = await exportAll(source);
    source.close();
    const total = await countWrites((db) => restoreAll(db, backup));
    expect(total).toBeGreaterThan(100);
    for (const at of [1, 2, Math.floor(total / 2), total - 1, total]) {
      const db = await seeded((text) => text);
      const before = await dump(db);
      writes = 0;
      cuts = 0;
      cutAt = at;
      await expect(restoreAll(db, backup)).rejects.toBeDefined();
      cutAt = 0;
      // The cut did happen, at that write: not a restore that failed some other way.
      expect(cuts, `cut at write ${at} of ${total}`).toBe(1);
      expect(await dump(db), `cut at write ${at} of ${total}`).toBe(before);
      db.close();
    }
    const db = await seeded((text) => text);
    await restoreAll(db, backup);
    expect(await dump(db)).toBe(JSON.stringify(backup));
    db.close();
  });
});

describe('a contacts import stopped midway is all or nothing', () => {
  it('2,000 rows, cut at the first, a middle and the last write: contacts unchanged', { timeout: 30_000 }, async () => {
    const rows: ContactCandidate[] = Array.from({ length: 2000 }, (_, index) => ({
      row: index + 1,
      fullName: `Imported ${index}`,
      firstName: 'Imported',
      ...(index % 2
        ? { email: `imported${index}@example.com` }
        : { linkedinUrl: `https://www.linkedin.com/in/imp-${index}/` }),
    }));
    // Planned against the seeded book, as the import page does (each seeded copy holds the same one).
    const scratch = await seeded((text) => text);
    const book = await readImportBook(scratch);
    scratch.close();
    const plan = planContactImport(book, rows, [], 50);
    expect(plan.contacts.added).toHaveLength(2000);
    const total = await countWrites((db) => writeImportPlan(db, plan));
    expect(total).toBe(2000);
    for (const at of [1, 1000, 2000]) {
      const db = await seeded((text) => text);
      const before = await dump(db);
      writes = 0;
      cuts = 0;
      cutAt = at;
      await expect(writeImportPlan(db, plan)).rejects.toBeDefined();
      cutAt = 0;
      expect(cuts, `cut at write ${at}`).toBe(1);
      expect(await dump(db), `cut at write ${at}`).toBe(before);
      db.close();
    }
    const db = await seeded((text) => text);
    const stored = (await db.count('contacts')) + 2000;
    expect(await writeImportPlan(db, plan)).toBe(stored);
    expect(await db.count('contacts')).toBe(stored);
    db.close();
  });
});
