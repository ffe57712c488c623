import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outreach } from '../../../src/shared/model.ts';
import {
  deleteOutreach,
  deleteTemplate,
  editContact,
  editOutreach,
  saveTemplate,
} from '../../../src/storage/dashboard.ts';
import { openDatabase, type Db } from '../../../src/storage/db.ts';
import { allTemplates } from '../../../src/storage/templates.ts';

let db: Db;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ name: 'dashboard-storage' });
  await db.put('contacts', { id: 'c1', fullName: 'Jane Doe', firstName: 'Jane', createdAt: 1, updatedAt: 1 });
  const ask: Outreach = {
    id: 'o1',
    idempotencyKey: 'key-o1',
    contactId: 'c1',
    contactName: 'Jane Doe',
    kind: 'referral-ask',
    channel: 'email',
    text: 'Hi',
    createdAt: 100,
    followUpOn: '2026-12-01',
    status: 'awaiting',
  };
  await db.put('outreach', ask);
  await db.put('settings', {
    key: 'history',
    value: { tally: { 'referral-ask': { asks: 3, wins: 1 } }, countedAt: 5 },
  });
});
afterEach(() => db.close());

describe('dashboard edits', () => {
  it('an outcome with its amount and a new follow-up date; help owes a thank-you', async () => {
    await editOutreach(db, 'o1', { outcome: 'won', wonAmount: 900, followUpOn: '2026-12-24' }, 500);
    expect(await db.get('outreach', 'o1')).toMatchObject({
      status: 'resolved',
      outcome: 'won',
      wonAmount: 900,
      outcomeAt: 500,
      followUpOn: '2026-12-24',
    });
    expect(await db.get('thanks', 'thanks:o1')).toMatchObject({ status: 'owed', outcome: 'won' });
  });

  it('back to waiting: outcome gone, the thank-you not yet given withdrawn, counts recounted later', async () => {
    await editOutreach(db, 'o1', { outcome: 'helped-intro' }, 500);
    await editOutreach(db, 'o1', { outcome: null, followUpOn: undefined }, 600);
    const record = await db.get('outreach', 'o1');
    expect(record).toMatchObject({ status: 'awaiting' });
    expect(record && ('outcome' in record || 'outcomeAt' in record || 'followUpOn' in record)).toBe(false);
    expect(await db.get('thanks', 'thanks:o1')).toBeUndefined();
    expect(await db.get('settings', 'history')).toBeUndefined();
  });

  it('delete removes the outreach and its thank-you', async () => {
    await editOutreach(db, 'o1', { outcome: 'meeting' }, 500);
    await deleteOutreach(db, 'o1');
    expect(await db.get('outreach', 'o1')).toBeUndefined();
    expect(await db.get('thanks', 'thanks:o1')).toBeUndefined();
    expect(await db.get('settings', 'history')).toBeUndefined();
    await expect(editOutreach(db, 'o1', { outcome: null })).rejects.toThrow('That outreach no longer exists.');
  });

  it('contact relationship and notes; clearing removes them', async () => {
    await editContact(db, 'c1', { relationship: 'friend', notes: 'Met at the fair' }, 9);
    expect(await db.get('contacts', 'c1')).toMatchObject({
      relationship: 'friend',
      notes: 'Met at the fair',
      updatedAt: 9,
    });
    await editContact(db, 'c1', { relationship: undefined, notes: '  ' }, 10);
    const contact = await db.get('contacts', 'c1');
    expect(contact && ('relationship' in contact || 'notes' in contact)).toBe(false);
  });

  it('an edited built-in replaces it until reset; user templates are added and deleted', async () => {
    const builtIn = (await allTemplates(db)).find((t) => t.id === 'builtin:referral-ask:email');
    if (!builtIn) throw new Error('missing built-in');
    await saveTemplate(db, { ...builtIn, body: 'Mine' });
    await saveTemplate(db, { id: 'user:1', kind: 'upsell', channel: 'email', name: 'Own', body: 'x', builtIn: false });
    let all = await allTemplates(db);
    expect(all.filter((t) => t.id === builtIn.id).map((t) => t.body)).toEqual(['Mine']);
    expect(all.some((t) => t.id === 'user:1')).toBe(true);
    await deleteTemplate(db, builtIn.id);
    await deleteTemplate(db, 'user:1');
    all = await allTemplates(db);
    expect(all.find((t) => t.id === builtIn.id)?.body).toBe(builtIn.body);
    expect(all.some((t) => t.id === 'user:1')).toBe(false);
  });
});
