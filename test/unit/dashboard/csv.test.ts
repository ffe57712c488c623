import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTACTS_CSV_HEADER,
  contactsCsv,
  contactsFromRows,
  guessMapping,
  neutralise,
  outreachCsv,
  parseCsv,
  relationshipOf,
  writeCsv,
} from '../../../src/shared/csv.ts';
import type { Contact, Outreach } from '../../../src/shared/model.ts';

describe('writeCsv', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(
      writeCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(writeCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tx'], ['\rx']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'-2+3\r\n\'@SUM(A1)\r\n\'\tx\r\n"\'\rx"\r\n',
    );
  });

  it('writes numbers as numbers (a negative amount is not text) and empty cells as nothing', () => {
    expect(writeCsv(['n', 'm', 'e'], [[-5, 12.5, undefined]])).toBe('n,m,e\r\n-5,12.5,\r\n');
  });

  it('leaves harmless text alone and writes a row of one empty cell as ""', () => {
    expect(neutralise('Jane')).toBe('Jane');
    expect(neutralise("'quoted")).toBe("''quoted");
    expect(writeCsv(['a'], [['']])).toBe('a\r\n""\r\n');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, a BOM, and skips blank lines', () => {
    const parsed = parseCsv('\uFEFFName,Note\r\n"Doe, Jane","said ""yes"""\r\n\r\nBob,"a\r\nb"\r\n');
    expect(parsed.header).toEqual(['Name', 'Note']);
    expect(parsed.rows).toEqual([
      ['Doe, Jane', 'said "yes"'],
      ['Bob', 'a\r\nb'],
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('reads files with LF line ends', () => {
    expect(parseCsv('a,b\n1,2\n').rows).toEqual([['1', '2']]);
  });

  it('reports an unclosed quote', () => {
    expect(parseCsv('a,b\r\n"open,1\r\n').errors.length).toBeGreaterThan(0);
  });

  it('keeps an apostrophe that was not ours', () => {
    expect(parseCsv("a\r\n'Tis\r\n").rows).toEqual([["'Tis"]]);
  });

  it('write then parse gives back every cell exactly (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", 'a', ' ', 'é') }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 })),
        (width, table) => {
          const header = Array.from({ length: width }, (_, i) => `h${i}`);
          const rows = table.map((row) => row.slice(0, width)).filter((row) => !(width === 1 && row[0] === ''));
          const parsed = parseCsv(writeCsv(header, rows));
          expect(parsed.header).toEqual(header);
          expect(parsed.rows).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const contact: Contact = {
  id: 'c1',
  fullName: 'Jane van der Berg',
  firstName: 'Jane',
  company: '=Acme',
  email: 'jane@acme.test',
  headline: 'Head of Ops',
  linkedinUrl: 'https://www.linkedin.com/in/jane/',
  relationship: 'customer',
  notes: 'Met at "Summit", 2025',
  createdAt: Date.UTC(2026, 0, 5, 12),
  updatedAt: Date.UTC(2026, 0, 5, 12),
};

describe('exports', () => {
  it('contacts carry CRM column names, last name split off, formulas neutralised', () => {
    const csv = contactsCsv([contact]);
    expect(csv.split('\r\n')[0]).toBe(CONTACTS_CSV_HEADER.join(','));
    expect(parseCsv(csv).rows[0]).toEqual([
      'Jane',
      'van der Berg',
      'jane@acme.test',
      '=Acme',
      'Head of Ops',
      'https://www.linkedin.com/in/jane/',
      'customer',
      'Met at "Summit", 2025',
      'c1',
      '2026-01-05',
    ]);
    expect(csv).toContain(",'=Acme,");
  });

  it('outreach rows with ISO times and every field', () => {
    const record: Outreach = {
      id: 'o1',
      idempotencyKey: 'k1',
      contactId: 'c1',
      contactName: 'Jane',
      kind: 'referral-ask',
      channel: 'email',
      text: '-- hello',
      createdAt: Date.UTC(2026, 1, 3, 9, 30),
      status: 'resolved',
      outcome: 'won',
      wonAmount: 12000,
      outcomeAt: Date.UTC(2026, 1, 10),
    };
    const parsed = parseCsv(outreachCsv([record]));
    expect(parsed.rows).toEqual([
      [
        'o1',
        '2026-02-03T09:30:00.000Z',
        'Jane',
        'c1',
        'referral-ask',
        'email',
        '-- hello',
        '',
        '',
        'resolved',
        'won',
        '12000',
        '2026-02-10T00:00:00.000Z',
        '',
      ],
    ]);
  });
});

describe('contacts import', () => {
  it('guesses a mapping from common CRM headers', () => {
    expect(
      guessMapping(['First Name', 'Last Name', 'Email Address', 'Company Name', 'LinkedIn URL', 'Phone', 'Job Title']),
    ).toEqual(['firstName', 'lastName', 'email', 'company', 'linkedinUrl', null, 'headline']);
    expect(guessMapping(['Name', 'E-mail', 'Organization', 'Notes'])).toEqual([
      'fullName',
      'email',
      'company',
      'notes',
    ]);
  });

  it('validates each row and reports the ones it leaves out', () => {
    const mapping = guessMapping(['First Name', 'Last Name', 'Email', 'LinkedIn', 'Relationship']);
    const result = contactsFromRows(
      [
        ['Jane', 'Doe', 'Jane@Example.COM ', 'https://linkedin.com/in/jane-doe', 'Customer'],
        ['', '', 'not-an-email', '', ''],
        ['Bob', '', 'bob@', '', ''],
        ['Ann', 'Lee', '', '', 'enemy'],
        ['', '', '', '', ''],
        ['Zoe', 'Kay', '', 'https://example.com/zoe', ''],
      ],
      mapping,
    );
    expect(result.contacts).toEqual([
      {
        fullName: 'Jane Doe',
        firstName: 'Jane',
        email: 'jane@example.com',
        linkedinUrl: 'https://www.linkedin.com/in/jane-doe/',
        relationship: 'customer',
      },
    ]);
    expect(result.rejected).toEqual([
      {
        row: 2,
        issues: [
          { code: 'no-name', path: 'fullName' },
          { code: 'not-an-email', path: 'email' },
        ],
      },
      { row: 3, issues: [{ code: 'not-an-email', path: 'email' }] },
      { row: 4, issues: [{ code: 'unknown-relationship', path: 'relationship', detail: 'enemy' }] },
      { row: 6, issues: [{ code: 'not-a-linkedin-url', path: 'linkedinUrl' }] },
    ]);
  });

  it('reads relationships in everyday words', () => {
    expect(relationshipOf('Stalled prospect')).toBe('stalled-prospect');
    expect(relationshipOf('neighbor')).toBe('neighbour');
    expect(relationshipOf('Colleague')).toBe('coworker');
    expect(relationshipOf('nemesis')).toBeUndefined();
  });

  it('a contacts export imports back to the same contacts', () => {
    const parsed = parseCsv(contactsCsv([contact]));
    const result = contactsFromRows(parsed.rows, guessMapping(parsed.header));
    expect(result.rejected).toEqual([]);
    expect(result.contacts).toEqual([
      {
        fullName: 'Jane van der Berg',
        firstName: 'Jane',
        email: 'jane@acme.test',
        company: '=Acme',
        headline: 'Head of Ops',
        linkedinUrl: 'https://www.linkedin.com/in/jane/',
        relationship: 'customer',
        notes: 'Met at "Summit", 2025',
      },
    ]);
  });
});
