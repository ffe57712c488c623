import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { contactsCsv, outreachCsv, parseCsv } from '../../../src/shared/csv.ts';
import type { Contact, Outreach } from '../../../src/shared/model.ts';

/**
 * Exports carry page-supplied text (names, headlines, companies) into files opened in
 * spreadsheets. Property: whatever the text, no cell a spreadsheet reads starts a formula,
 * every record stays one row, and reading our own file back gives the text exactly.
 */

const RUNS = process.env.GAP_CLOSER_SOAK === '1' ? 10_000 : 1_000;

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', '\n', '<', '\u202E', '\u200B', 'javascript:'),
      fc.constantFrom(
        'HYPERLINK("http://evil.example","x")',
        "cmd|'/C calc'!A0",
        '1+1',
        '<img src=x onerror=alert(1)>',
        'SUM(A1:A9)',
        '"quoted, with comma"\r\nnext line',
        '',
      ),
    )
    .map(([start, rest]) => `${start}${rest}`),
);

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function rawCells(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true, delimiter: ',' }).data;
}

describe(`exports with hostile text (${RUNS} generated records per export)`, () => {
  it('contacts CSV: no formula cells, one row per contact, exact round trip', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, hostileText, (fullName, headline, company, notes) => {
        const contact: Contact = {
          id: 'c1',
          fullName: fullName || 'x',
          firstName: fullName || 'x',
          headline,
          company,
          notes,
          createdAt: 0,
          updatedAt: 0,
        };
        const csv = contactsCsv([contact]);
        const raw = rawCells(csv);
        expect(raw).toHaveLength(2);
        for (const cell of raw.flat()) if (!NUMBER.test(cell)) expect(cell).not.toMatch(FORMULA_START);
        const back = parseCsv(csv).rows[0] ?? [];
        for (const original of [headline, company, notes]) if (original) expect(back).toContain(original);
      }),
      { numRuns: RUNS },
    );
  });

  it('outreach CSV: no formula cells, one row per record, the name and text round-trip', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(hostileText, hostileText, (contactName, text) => {
        const record: Outreach = {
          id: 'o1',
          idempotencyKey: 'k1',
          contactName,
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text,
          createdAt: 0,
          status: 'awaiting',
        };
        const csv = outreachCsv([record]);
        const raw = rawCells(csv);
        expect(raw).toHaveLength(2);
        for (const cell of raw.flat()) if (!NUMBER.test(cell)) expect(cell).not.toMatch(FORMULA_START);
        const back = parseCsv(csv).rows[0] ?? [];
        if (contactName) expect(back).toContain(contactName);
      }),
      { numRuns: RUNS },
    );
  });
});
