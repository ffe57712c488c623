import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport, readImportFile, type ImportFile } from '../../../src/shared/import/read.ts';

/**
 * Every export format, read from the hand-made fixtures (test/fixtures/hand-made/imports/,
 * written from the facts in issue 13), quirk by quirk: recognised, parsed, planned.
 */

const DIR = path.resolve(import.meta.dirname, '../../fixtures/hand-made/imports');
const NOW = Date.UTC(2026, 11, 3, 9);

function read(name: string): ImportFile {
  return readImportFile(new Uint8Array(readFileSync(path.join(DIR, name))));
}

function plan(name: string) {
  const file = read(name);
  let id = 0;
  return { file, ...planImport(file, file.mapping, { contacts: [], deals: [] }, NOW, () => `id${++id}`) };
}

const people = (name: string) =>
  plan(name).plan.contacts.added.map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest);

describe('LinkedIn Connections.csv', () => {
  it('2024: the "Notes:" preamble, a quoted sentence and an empty line come before the header', () => {
    const { file, plan: p } = plan('linkedin-connections-2024.csv');
    expect(file.format).toBe('linkedin-connections');
    expect(file.table.skippedBefore).toBe(3);
    expect(file.table.header).toEqual([
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On',
    ]);
    // No BOM, LF, no final newline: the last row is read.
    expect(p.ready).toBe(4);
    expect(p.contacts.added.at(-1)?.fullName).toBe('Avery Lindqvist');
  });

  it('2024: English dates, empty emails, credentials and commas, percent-encoded URLs, a row with only a date', () => {
    const rows = people('linkedin-connections-2024.csv');
    expect(rows[0]).toEqual({
      fullName: 'Jordan Whitfield',
      firstName: 'Jordan',
      company: 'Northwind Logistics',
      headline: 'VP Operations',
      linkedinUrl: 'https://www.linkedin.com/in/jordan-whitfield/',
      connectedOn: '2023-03-14',
    });
    expect(rows[1]).toMatchObject({
      fullName: 'Priya Raman',
      email: 'priya.raman@example.com',
      company: 'Harbor & Vine, Inc.',
      headline: 'Director, Procurement',
    });
    // Stored the way the browser writes the page's URL, so a visited profile is the same contact.
    expect(rows[2]?.linkedinUrl).toBe(`https://www.linkedin.com/in/${encodeURIComponent('jürgen-müller-4b2a1c')}/`);
    expect(plan('linkedin-connections-2024.csv').plan.leftOut).toEqual([{ row: 4, issues: [{ code: 'no-name' }] }]);
  });

  it('2021–2022: no URL column', () => {
    const { file, plan: p } = plan('linkedin-connections-2022.csv');
    expect(file.format).toBe('linkedin-connections');
    expect(file.mapping).not.toContain('linkedinUrl');
    expect(people('linkedin-connections-2022.csv').map((c) => [c.fullName, c.connectedOn])).toEqual([
      ['Jordan Whitfield', '2021-03-14'],
      ['Sam Okafor', '2022-09-07'],
    ]);
    expect(p.leftOut).toHaveLength(1);
  });

  it('2018: no preamble, dates like "1/8/18, 6:14 PM" (month first)', () => {
    const { file } = plan('linkedin-connections-2018.csv');
    expect(file.table.skippedBefore).toBe(0);
    expect(people('linkedin-connections-2018.csv').map((c) => c.connectedOn)).toEqual(['2018-01-08', '2017-11-23']);
  });

  it('Excel re-save, German locale: ";" separators, Windows-1252, 16.09.2021 dates', () => {
    const { file } = plan('linkedin-connections-excel-de.csv');
    expect([file.encoding, file.table.delimiter, file.format]).toEqual(['windows-1252', ';', 'linkedin-connections']);
    expect(people('linkedin-connections-excel-de.csv').map((c) => [c.fullName, c.company, c.connectedOn])).toEqual([
      ['Jürgen Müller', 'Elbtal Maschinenbau GmbH', '2021-09-16'],
      ['Renée Böhm', 'Böhm & Söhne KG', '2020-02-03'],
    ]);
  });

  it('Excel re-save, English locale: 23-Nov-21 dates', () => {
    expect(people('linkedin-connections-excel-en.csv').map((c) => c.connectedOn)).toEqual(['2021-11-23', '2022-01-04']);
  });
});

describe('Google Contacts', () => {
  it('current format: first value of " ::: " lists, middle name, a LinkedIn website; no name or a bad address left out', () => {
    const { file, plan: p } = plan('google-contacts.csv');
    expect(file.format).toBe('google-contacts');
    expect(people('google-contacts.csv')).toEqual([
      {
        fullName: 'Avery Lindqvist',
        firstName: 'Avery',
        email: 'avery@brightwater.example',
        company: 'Brightwater Foods',
        headline: 'Head of Supply Chain',
        linkedinUrl: 'https://www.linkedin.com/in/avery-lindqvist/',
      },
      {
        fullName: 'Dana J. Kowalski',
        firstName: 'Dana',
        email: 'dana@kowalski-catering.example',
        company: 'Kowalski Catering',
        notes: 'Met at the chamber breakfast, knows everyone in food service',
      },
    ]);
    expect(p.leftOut).toEqual([
      { row: 3, issues: [{ code: 'no-name' }] },
      { row: 4, issues: [{ code: 'not-an-email', path: 'email', detail: 'lee.park(at)example.com' }] },
    ]);
  });

  it('legacy format in UTF-16LE with a BOM', () => {
    const { file } = plan('google-contacts-legacy-utf16.csv');
    expect([file.encoding, file.format]).toEqual(['utf-16le', 'google-contacts-legacy']);
    expect(people('google-contacts-legacy-utf16.csv').map((c) => [c.fullName, c.email, c.company])).toEqual([
      ['Sam Okafor', 'sam.okafor@example.com', 'Okafor Advisory'],
      ['Zoë Brandt', 'zoe.brandt@example.de', 'Brandt Reisen'],
    ]);
  });
});

describe('Outlook', () => {
  it('desktop: 92 quoted columns, Windows-1252, 0/0/00 empty dates; "Title" and "Account" are not a job or a company', () => {
    const { file, plan: p } = plan('outlook-desktop.csv');
    expect([file.table.header.length, file.encoding, file.format]).toEqual([92, 'windows-1252', 'outlook-desktop']);
    expect(p.leftOut).toEqual([]);
    expect(people('outlook-desktop.csv')[0]).toEqual({
      fullName: 'Renée Böhm',
      firstName: 'Renée',
      email: 'renee.boehm@example.de',
      company: 'Böhm & Söhne KG',
      headline: 'Geschäftsführerin',
      notes: 'Family friend; runs the trade association',
    });
  });

  it('desktop in German: header names in the UI language', () => {
    const { file } = plan('outlook-desktop-de.csv');
    expect(file.format).toBe('outlook-desktop');
    expect(people('outlook-desktop-de.csv')).toEqual([
      {
        fullName: 'Jürgen Müller',
        firstName: 'Jürgen',
        email: 'j.mueller@elbtal.example',
        company: 'Elbtal Maschinenbau GmbH',
        headline: 'Einkaufsleiter',
        notes: 'Kunde seit 2019',
      },
    ]);
  });

  it('Outlook.com: 61 columns', () => {
    const { file } = plan('outlook-com.csv');
    expect([file.table.header.length, file.format]).toEqual([61, 'outlook-com']);
    expect(people('outlook-com.csv').map((c) => [c.fullName, c.email, c.company, c.headline])).toEqual([
      ['Mei Tanaka', 'mei.tanaka@example.com', 'Kestrel Analytics', 'CTO'],
      ['Chris Abbott', 'chris.abbott@example.org', 'Abbott Hardware', undefined],
    ]);
  });
});

describe('HubSpot', () => {
  it('contacts (BOM, CRLF, minimal quoting): Lifecycle Stage "Customer" makes a customer; Last Activity Date kept', () => {
    const { file, plan: p } = plan('hubspot-contacts.csv');
    expect(file.format).toBe('hubspot-contacts');
    const rows = people('hubspot-contacts.csv');
    expect(rows.map((c) => [c.fullName, c.relationship ?? null, c.company])).toEqual([
      ['Maya Ortiz', 'customer', 'Brightwater Foods'],
      ['Jordan Whitfield', null, 'Northwind Logistics'],
      ['Harper Nguyen', 'customer', 'Nguyen Dental, PLLC'],
    ]);
    expect(rows[0]?.lastActivityAt).toBe(new Date(2026, 2, 14, 10, 22).getTime());
    expect(p.leftOut).toEqual([{ row: 4, issues: [{ code: 'no-name' }] }]);
  });

  it('deals, default view (BOM, CRLF): amounts like 36000.0, stage names decide won and lost, won on the close date', () => {
    const { file, plan: p } = plan('hubspot-deals.csv');
    expect([file.format, file.mapping.includes('dealName')]).toEqual(['hubspot-deals', true]);
    expect(p.deals.added.map((d) => [d.id, d.amount, d.state, d.closeDate, d.source])).toEqual([
      ['hubspot:9001', 36000, 'open', '2026-11-15', 'hubspot'],
      ['hubspot:9002', 48000, 'won', '2026-10-20', 'hubspot'],
      ['hubspot:9003', 12500, 'lost', '2026-09-01', 'hubspot'],
    ]);
    expect(p.deals.added[1]?.wonAt).toBe(new Date(2026, 9, 20, 0, 0).getTime());
  });

  it('deals, all properties (everything quoted, LF): duplicate headers, contact lists mixing name-only and email-only, next step', () => {
    const { file, plan: p } = plan('hubspot-deals-all-properties.csv');
    expect(file.table.header.filter((h) => h === 'Amount')).toHaveLength(2);
    const [brightwater, northwind, okafor] = p.deals.added;
    expect(brightwater).toMatchObject({
      name: 'Brightwater Foods - cold-chain sensors',
      amount: 36000,
      state: 'open',
      lastActivityAt: new Date(2026, 8, 16, 14, 5).getTime(),
      nextStep: 'Call Maya about the signature',
      company: 'Brightwater Foods',
    });
    expect(okafor?.amount).toBe(375000);
    const byId = new Map(p.contacts.added.map((c) => [c.id, c]));
    expect(brightwater?.contactIds.map((id) => [byId.get(id)?.fullName, byId.get(id)?.email])).toEqual([
      ['Maya Ortiz', 'maya@brightwater.example'],
      ['Avery Lindqvist', undefined],
    ]);
    expect(northwind?.state).toBe('won');
    // "(sam.okafor@example.com)" names nobody the book knows: not made up into a contact.
    expect(okafor?.contactIds.map((id) => byId.get(id)?.fullName)).toEqual(['Priya Raman']);
    expect(p.leftOut).toEqual([
      { row: 4, issues: [{ code: 'no-name', path: 'dealName' }] },
      { row: 5, issues: [{ code: 'not-an-amount', path: 'amount', detail: 'twelve grand' }] },
    ]);
  });
});

describe('Salesforce reports', () => {
  it('opportunities: every value quoted, Amount Currency, local dates, the Grand Totals row and the footer left out', () => {
    const { file, plan: p } = plan('salesforce-opportunities.csv');
    expect(file.format).toBe('salesforce-opportunities');
    expect(file.table.footerLines).toBe(5);
    expect(p.deals.added.map((d) => [d.name, d.company, d.amount, d.currency, d.state, d.closeDate])).toEqual([
      ['Brightwater Foods - cold-chain sensors', 'Brightwater Foods', 36000, 'USD', 'open', '2026-11-15'],
      ['Northwind fleet pilot', 'Northwind Logistics', 48000, 'USD', 'won', '2026-10-20'],
      ['Elbtal retrofit', 'Elbtal Maschinenbau GmbH', 22500, 'EUR', 'open', '2027-01-31'],
    ]);
    expect(p.deals.added[0]?.id).toBe('salesforce:name:brightwater foods - cold-chain sensors|brightwater foods');
    expect(p.leftOut).toEqual([{ row: 4, issues: [{ code: 'grand-total' }] }]);
  });

  it('contacts: German dates in the user locale, the footer left out', () => {
    const { file, plan: p } = plan('salesforce-contacts.csv');
    expect([file.format, file.table.footerLines, p.ready]).toEqual(['salesforce-contacts', 5, 2]);
    expect(people('salesforce-contacts.csv')[0]).toMatchObject({
      fullName: 'Jürgen Müller',
      headline: 'Einkaufsleiter',
      company: 'Elbtal Maschinenbau GmbH',
      lastActivityAt: new Date(2026, 10, 30, 12).getTime(),
    });
  });
});

describe('Pipedrive', () => {
  it.each([
    ['pipedrive-deals.csv', 'USD', ['open', 'won', 'lost']],
    ['pipedrive-deals-de.csv', 'EUR', ['open', 'won']],
  ])(
    '%s: headers in the user language, status, currency, the contact person and work email',
    (name, currency, states) => {
      const { file, plan: p } = plan(name);
      expect(file.format).toBe('pipedrive-deals');
      expect(p.deals.added.map((d) => d.state)).toEqual(states);
      expect(p.deals.added.every((d) => d.currency === currency && d.source === 'pipedrive')).toBe(true);
      const won = p.deals.added[1];
      expect(won?.wonAt).toBe(new Date(2026, 10, 19, 15, 20).getTime());
      const contact = p.contacts.added.find((c) => c.id === won?.contactIds[0]);
      expect(contact?.email).toMatch(/@/);
    },
  );
});
