import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactsAfterImport, planContactImport, type Book } from '../../../src/shared/import/plan.ts';
import type { ContactCandidate } from '../../../src/shared/import/records.ts';
import type { Contact } from '../../../src/shared/model.ts';
import { bookForImport, importPlanned } from '../../../src/storage/data-writes.ts';
import { getDb, resetDbForTests } from '../../../src/storage/db.ts';

/**
 * An import's same-identifier pass (storage/data-writes.ts): skipped when the book the plan was
 * made against, with the plan applied, has no pair sharing an identifier — but run when it does,
 * and when someone else wrote contacts between the preview and the click.
 */

const NOW = Date.UTC(2026, 11, 3, 9);
const stored = (id: string, fields: Partial<Contact>): Contact => ({
  id,
  fullName: 'Jordan Lee',
  firstName: 'Jordan',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  ...fields,
});
const row = (fields: Partial<ContactCandidate>, index: number): ContactCandidate => ({
  row: index + 2,
  fullName: 'Jordan Lee',
  firstName: 'Jordan',
  ...fields,
});

let ids = 0;
const plan = (book: Book, rows: Partial<ContactCandidate>[]) =>
  planContactImport(book, rows.map(row), [], NOW, () => `new-${++ids}`);

beforeEach(async () => {
  await resetDbForTests();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => resetDbForTests());

describe('the same-identifier pass after an import', () => {
  it('merges a row that names one contact by its profile and, by its address, another', async () => {
    const db = await getDb();
    await db.put('contacts', stored('by-profile', { linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/' }));
    await db.put('contacts', stored('by-address', { email: 'jordan@acme.example' }));
    const book = await bookForImport();
    // The plan matches the row to the contact with the profile and gives it the address too.
    const planned = plan(book, [
      { linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/', email: 'jordan@acme.example' },
    ]);
    expect(planned.contacts.changed.map((contact) => contact.id)).toEqual(['by-profile']);
    await importPlanned(planned, book);
    const contacts = await db.getAll('contacts');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/',
      email: 'jordan@acme.example',
    });
  });

  it('merges with a contact written after the preview was planned (the count gives it away)', async () => {
    const db = await getDb();
    const book = await bookForImport();
    const planned = plan(book, [{ linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/', fullName: 'Jordan Lee' }]);
    // Saved from LinkedIn while the preview was on screen: the same profile, written another way.
    await db.put('contacts', stored('from-linkedin', { linkedinUrl: 'linkedin.com/in/Jordan-Lee' }));
    await importPlanned(planned, book);
    expect(await db.count('contacts')).toBe(1);
  });

  it('leaves two people apart when they share nothing', async () => {
    const db = await getDb();
    await db.put(
      'contacts',
      stored('ann', { fullName: 'Ann Lee', linkedinUrl: 'https://www.linkedin.com/in/ann-lee/' }),
    );
    const book = await bookForImport();
    const planned = plan(book, [{ linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/' }]);
    await importPlanned(planned, book);
    expect((await db.getAll('contacts')).map((contact) => contact.fullName).sort()).toEqual(['Ann Lee', 'Jordan Lee']);
  });
});

describe('contactsAfterImport', () => {
  it('replaces changed contacts and adds new ones, keeping the rest', () => {
    const book: Book = { contacts: [stored('a', {}), stored('b', { company: 'Old' })], deals: [] };
    const after = contactsAfterImport(book, {
      contacts: { added: [stored('c', {})], changed: [stored('b', { company: 'New' })], unchanged: 0 },
      deals: { added: [], changed: [], unchanged: 0 },
      leftOut: [],
      ready: 2,
      merged: 0,
    });
    expect(after.map((contact) => [contact.id, contact.company])).toEqual([
      ['a', undefined],
      ['b', 'New'],
      ['c', undefined],
    ]);
  });
});
