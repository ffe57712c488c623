import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonical, type BackupData } from '../../../src/shared/backup.ts';
import type { Outreach } from '../../../src/shared/model.ts';
import { deleteAll, exportAll, restoreAll } from '../../../src/storage/backup.ts';
import { openDatabase, type Db } from '../../../src/storage/db.ts';

const EMPTY: BackupData = {
  contacts: [],
  outreach: [],
  thanks: [],
  favours: [],
  templates: [],
  settings: [],
  deals: [],
};

let db: Db;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ name: 'backup-test' });
});
afterEach(() => db.close());

function outreach(id: string, key = `key-${id}`): Outreach {
  return {
    id,
    idempotencyKey: key,
    contactId: 'c1',
    contactName: 'Jane Doe',
    kind: 'referral-ask',
    channel: 'email',
    text: 'Hi',
    createdAt: 1000,
    status: 'awaiting',
  };
}

function data(): BackupData {
  return {
    ...EMPTY,
    contacts: [{ id: 'c1', fullName: 'Jane Doe', firstName: 'Jane', email: 'jane@x.test', createdAt: 1, updatedAt: 1 }],
    outreach: [outreach('o1'), outreach('o2')],
    favours: [{ id: 'f1', contactId: 'c1', note: 'n', at: 5 }],
    settings: [{ key: 'reminders', value: { since: 3 } }],
  };
}

describe('storage backup', () => {
  it('restore then export gives the same data; progress reaches the total', async () => {
    const seen: number[] = [];
    await restoreAll(db, data(), (done, total) => seen.push(done / total));
    expect(canonical(await exportAll(db))).toBe(canonical(data()));
    expect(seen.at(-1)).toBe(1);
  });

  it('a restore that fails on one record changes nothing at all', async () => {
    await restoreAll(db, data());
    const before = canonical(await exportAll(db));
    const broken: BackupData = {
      ...EMPTY,
      contacts: [{ id: 'c9', fullName: 'New', firstName: 'New', createdAt: 1, updatedAt: 1 }],
      // Two records with one idempotency key break the unique index: the transaction aborts.
      outreach: [outreach('o7', 'same-key'), outreach('o8', 'same-key')],
    };
    await expect(restoreAll(db, broken)).rejects.toThrow();
    expect(canonical(await exportAll(db))).toBe(before);
  });

  it('restoring over existing data writes the differences: changed, added and missing records', async () => {
    await restoreAll(db, data());
    const next = data();
    next.outreach = [{ ...outreach('o2'), text: 'Changed' }, outreach('o3')];
    next.favours = [];
    await restoreAll(db, next);
    expect(canonical(await exportAll(db))).toBe(canonical(next));
  });

  it('delete-all empties every store', async () => {
    await restoreAll(db, data());
    await deleteAll(db);
    expect(await exportAll(db)).toEqual(EMPTY);
  });
});
