import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/shared/deals.ts';
import type { ImportPlan } from '../../../src/shared/import/plan.ts';
import type { Contact } from '../../../src/shared/model.ts';
import { openDatabase, type Db } from '../../../src/storage/db.ts';
import { readImportBook, writeImportPlan } from '../../../src/storage/import-book.ts';

let db: Db;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ name: 'import-write' });
});
afterEach(() => db.close());

const contact = (id: string): Contact => ({ id, fullName: `P ${id}`, firstName: 'P', createdAt: 1, updatedAt: 1 });
const deal = (id: string): Deal => ({
  id,
  name: `D ${id}`,
  state: 'open',
  contactIds: [],
  source: 'hubspot',
  createdAt: 1,
  updatedAt: 1,
});

function plan(contacts: Contact[], deals: Deal[], changed: Contact[] = []): ImportPlan {
  return {
    contacts: { added: contacts, changed, unchanged: 0 },
    deals: { added: deals, changed: [], unchanged: 0 },
    leftOut: [],
    ready: contacts.length + deals.length,
    merged: 0,
  };
}

describe('writing an import plan', () => {
  it('writes new and changed contacts and deals, reporting progress', async () => {
    await db.put('contacts', contact('old'));
    const progress: number[] = [];
    await writeImportPlan(
      db,
      plan([contact('a'), contact('b')], [deal('d')], [{ ...contact('old'), company: 'X' }]),
      (done) => progress.push(done),
    );
    const book = await readImportBook(db);
    expect(book.contacts.map((c) => c.id).sort()).toEqual(['a', 'b', 'old']);
    expect(book.contacts.find((c) => c.id === 'old')?.company).toBe('X');
    expect(book.deals.map((d) => d.id)).toEqual(['d']);
    expect(progress.at(-1)).toBe(4);
  });

  it('is all or nothing: one bad record and no contact or deal is written', async () => {
    const bad = { ...deal('bad'), id: undefined } as unknown as Deal;
    await expect(writeImportPlan(db, plan([contact('a')], [deal('d'), bad]))).rejects.toThrow();
    expect(await readImportBook(db)).toEqual({ contacts: [], deals: [] });
  });
});
