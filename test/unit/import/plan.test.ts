import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/shared/deals.ts';
import type { Contact } from '../../../src/shared/model.ts';
import { planContactImport, type Book } from '../../../src/shared/import/plan.ts';
import { planImport, readImportFile } from '../../../src/shared/import/read.ts';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/hand-made/imports');
const NOW = Date.UTC(2026, 11, 3, 9);

let imports = 0;
/** Ids unique across the imports of a test, like crypto.randomUUID. */
function counter() {
  const prefix = `i${++imports}-`;
  let id = 0;
  return () => `${prefix}${++id}`;
}

/** Plans `name` against `book` and applies the plan the way the storage write does. */
function importInto(book: Book, name: string, now = NOW, newId = counter()) {
  const file = readImportFile(new Uint8Array(readFileSync(path.join(DIR, name))));
  const { plan } = planImport(file, file.mapping, book, now, newId);
  const contacts = new Map(book.contacts.map((c) => [c.id, c]));
  const deals = new Map(book.deals.map((d) => [d.id, d]));
  for (const c of [...plan.contacts.added, ...plan.contacts.changed]) contacts.set(c.id, c);
  for (const d of [...plan.deals.added, ...plan.deals.changed]) deals.set(d.id, d);
  return { plan, book: { contacts: [...contacts.values()], deals: [...deals.values()] } };
}

const EMPTY: Book = { contacts: [], deals: [] };

describe('import plan', () => {
  it.each([
    'linkedin-connections-2024.csv',
    'linkedin-connections-2022.csv',
    'google-contacts.csv',
    'outlook-desktop.csv',
    'hubspot-contacts.csv',
    'hubspot-deals-all-properties.csv',
    'salesforce-opportunities.csv',
    'pipedrive-deals-de.csv',
  ])('importing %s a second time changes nothing', (name) => {
    const first = importInto(EMPTY, name);
    expect(first.plan.contacts.added.length + first.plan.deals.added.length).toBeGreaterThan(0);
    const again = importInto(first.book, name, NOW + 86_400_000);
    expect(again.plan.contacts.added).toEqual([]);
    expect(again.plan.contacts.changed).toEqual([]);
    expect(again.plan.deals.added).toEqual([]);
    expect(again.plan.deals.changed).toEqual([]);
    expect(again.plan.contacts.unchanged + again.plan.deals.unchanged).toBeGreaterThan(0);
  });

  it('matches a visited profile by its URL, keeps the user’s relationship and notes, fills what was empty', () => {
    const visited: Contact = {
      id: 'c1',
      fullName: 'Jordan Whitfield',
      firstName: 'Jordan',
      linkedinUrl: 'https://www.linkedin.com/in/jordan-whitfield/',
      relationship: 'friend',
      notes: 'Climbing partner',
      createdAt: 1,
      updatedAt: 2,
    };
    const { plan } = importInto({ contacts: [visited], deals: [] }, 'linkedin-connections-2024.csv');
    expect(plan.contacts.added.map((c) => c.fullName)).toEqual(['Priya Raman', 'Jürgen Müller', 'Avery Lindqvist']);
    expect(plan.contacts.changed).toEqual([
      {
        ...visited,
        company: 'Northwind Logistics',
        headline: 'VP Operations',
        connectedOn: '2023-03-14',
        updatedAt: NOW,
      },
    ]);
  });

  it('matches by email and by the URL of an earlier row of the file; fields a row leaves out keep their value', () => {
    const jane: Contact = {
      id: 'c1',
      fullName: 'Jane Doe',
      firstName: 'Jane',
      email: 'jane@x.test',
      notes: 'keep me',
      relationship: 'customer',
      createdAt: 1,
      updatedAt: 1,
    };
    const plan = planContactImport(
      { contacts: [jane], deals: [] },
      [
        { row: 1, fullName: 'Jane Doe', firstName: 'Jane', email: 'jane@x.test', company: 'Acme' },
        { row: 2, fullName: 'Bo Li', firstName: 'Bo', linkedinUrl: 'https://www.linkedin.com/in/bo/' },
        // Bo Li now at a company: the same person by the profile URL alone.
        {
          row: 3,
          fullName: 'Bo Li',
          firstName: 'Bo',
          linkedinUrl: 'https://www.linkedin.com/in/bo/',
          company: 'Initech',
          headline: 'CTO',
        },
      ],
      [],
      50,
      counter(),
    );
    expect(plan.merged).toBe(1);
    expect(plan.contacts.added).toEqual([
      {
        id: expect.any(String),
        fullName: 'Bo Li',
        firstName: 'Bo',
        linkedinUrl: 'https://www.linkedin.com/in/bo/',
        company: 'Initech',
        headline: 'CTO',
        createdAt: 50,
        updatedAt: 50,
      },
    ]);
    expect(plan.contacts.changed).toEqual([{ ...jane, company: 'Acme', updatedAt: 50 }]);
  });

  it('without URL or email (2021–2022 exports) a person is matched by name at company', () => {
    const first = importInto(EMPTY, 'linkedin-connections-2024.csv');
    const { plan } = importInto(first.book, 'linkedin-connections-2022.csv');
    // Jordan Whitfield at Northwind is the same person; Sam Okafor is new.
    expect(plan.contacts.added.map((c) => c.fullName)).toEqual(['Sam Okafor']);
    expect(plan.contacts.changed.map((c) => [c.fullName, c.connectedOn])).toEqual([['Jordan Whitfield', '2021-03-14']]);
  });

  it('a CRM customer fills an empty relationship, never replaces one the user chose', () => {
    const maya: Contact = {
      id: 'm',
      fullName: 'Maya Ortiz',
      firstName: 'Maya',
      email: 'maya@brightwater.example',
      relationship: 'friend',
      createdAt: 1,
      updatedAt: 1,
    };
    const { plan } = importInto({ contacts: [maya], deals: [] }, 'hubspot-contacts.csv');
    expect(plan.contacts.changed[0]?.relationship).toBe('friend');
    expect(plan.contacts.added.find((c) => c.fullName === 'Harper Nguyen')?.relationship).toBe('customer');
  });

  it('deals link the book’s contacts by email or a unique name, and keep the impediment the user recorded', () => {
    const contacts = importInto(EMPTY, 'hubspot-contacts.csv').book;
    const first = importInto(contacts, 'hubspot-deals-all-properties.csv');
    const maya = contacts.contacts.find((c) => c.fullName === 'Maya Ortiz');
    const deal = first.book.deals.find((d) => d.id === 'hubspot:9001') as Deal;
    expect(deal.contactIds[0]).toBe(maya?.id);
    // The user learned the impediment; a re-import of the CRM file keeps it.
    const recorded: Deal = { ...deal, impediment: { kind: 'budget', note: 'Q1', at: NOW }, updatedAt: NOW };
    const book = { ...first.book, deals: first.book.deals.map((d) => (d.id === deal.id ? recorded : d)) };
    const again = importInto(book, 'hubspot-deals-all-properties.csv', NOW + 1);
    expect(again.plan.deals.changed).toEqual([]);
    expect(again.book.deals.find((d) => d.id === deal.id)?.impediment?.kind).toBe('budget');
  });

  it('a deal updated in the CRM is changed, not added: new stage and amount, the later activity', () => {
    const first = importInto(EMPTY, 'hubspot-deals.csv');
    const stale = first.book.deals.map((d) =>
      d.id === 'hubspot:9001' ? { ...d, amount: 30000, stage: 'Qualified', lastActivityAt: NOW } : d,
    );
    const { plan } = importInto({ ...first.book, deals: stale }, 'hubspot-deals.csv', NOW + 5);
    expect(plan.deals.added).toEqual([]);
    expect(plan.deals.changed.map((d) => [d.id, d.amount, d.stage, d.lastActivityAt, d.updatedAt])).toEqual([
      ['hubspot:9001', 36000, 'Contract sent', NOW, NOW + 5],
    ]);
  });
});
