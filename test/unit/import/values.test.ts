import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/shared/import/decode.ts';
import { readTable } from '../../../src/shared/import/table.ts';
import {
  canonicalLinkedinUrl,
  dateOrderOf,
  parseAmount,
  parseDate,
  parsePeople,
} from '../../../src/shared/import/values.ts';

describe('dates in exports', () => {
  it.each([
    ['14 Mar 2023', undefined, '2023-03-14'],
    ['1/8/18, 6:14 PM', undefined, '2018-01-08'],
    ['16.09.2021', undefined, '2021-09-16'],
    ['23-Nov-21', undefined, '2021-11-23'],
    ['2024-03-14 10:22', undefined, '2024-03-14'],
    ['14/03/2026', 'dmy', '2026-03-14'],
    ['3/14/2026', 'mdy', '2026-03-14'],
  ] as const)('%s → %s', (raw, order, date) => {
    expect(parseDate(raw, order)?.date).toBe(date);
  });

  it('reads times (12-hour and 24-hour) and no date in Outlook’s 0/0/00 or nonsense', () => {
    expect(parseDate('1/8/18, 6:14 PM')?.minutes).toBe(18 * 60 + 14);
    expect(parseDate('12/1/18, 12:05 AM')?.minutes).toBe(5);
    expect(parseDate('2024-03-14 10:22')?.minutes).toBe(10 * 60 + 22);
    expect(parseDate('0/0/00')).toBeUndefined();
    expect(parseDate('0.0.00')).toBeUndefined();
    expect(parseDate('31 Feb 2023')).toBeUndefined();
    expect(parseDate('soon')).toBeUndefined();
  });

  it('decides day or month first from the whole column', () => {
    expect(dateOrderOf(['3/4/2026', '25/4/2026'])).toBe('dmy');
    expect(dateOrderOf(['3/4/2026', '4/25/2026'])).toBe('mdy');
    expect(dateOrderOf(['01.02.2026'])).toBe('dmy');
    expect(dateOrderOf(['3/4/2026'])).toBeUndefined();
  });
});

describe('amounts', () => {
  it.each([
    ['375000.0', 375000, undefined],
    ['36,000.00', 36000, undefined],
    ['$48,000.00', 48000, 'USD'],
    ['48.000,50 €', 48000.5, 'EUR'],
    ['EUR 12.500', 12500, 'EUR'],
    ['USD 1,234,567', 1234567, 'USD'],
    ['9500', 9500, undefined],
    ['12,5', 12.5, undefined],
    ['-250.75', -250.75, undefined],
  ] as const)('%s → %s %s', (raw, amount, currency) => {
    expect(parseAmount(raw)).toEqual({ amount, ...(currency ? { currency } : {}) });
  });

  it('refuses words', () => {
    expect(parseAmount('twelve grand')).toBeUndefined();
  });
});

describe('people in one cell', () => {
  it('reads HubSpot lists mixing "Name (email)", name-only and email-only entries, and Google " ::: " lists', () => {
    expect(parsePeople('Maya Ortiz (Maya@Brightwater.example);Sam Lee;(lee@x.example);dana@y.example')).toEqual([
      { name: 'Maya Ortiz', email: 'maya@brightwater.example' },
      { name: 'Sam Lee' },
      { email: 'lee@x.example' },
      { email: 'dana@y.example' },
    ]);
    expect(parsePeople('Ann <ann@a.example> ::: Bo')).toEqual([
      { name: 'Ann', email: 'ann@a.example' },
      { name: 'Bo' },
    ]);
  });
});

describe('LinkedIn URLs', () => {
  it('stores the slug encoded as the browser encodes a page URL, whatever the export wrote', () => {
    const encoded = 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/';
    expect(canonicalLinkedinUrl('https://www.linkedin.com/in/j%c3%bcrgen-m%c3%bcller')).toBe(encoded);
    expect(canonicalLinkedinUrl('https://de.linkedin.com/in/jürgen-müller/')).toBe(encoded);
    expect(canonicalLinkedinUrl('linkedin.com/in/jordan?trk=x')).toBe('https://www.linkedin.com/in/jordan/');
    expect(canonicalLinkedinUrl('https://example.com/in/jordan')).toBeUndefined();
  });
});

describe('encodings and tables', () => {
  it('decodes UTF-8 with and without a BOM, UTF-16LE with a BOM, and Windows-1252', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0xc3, 0xbc]))).toEqual({
      text: 'Jü',
      encoding: 'utf-8',
    });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x4a, 0x00, 0xfc, 0x00]))).toEqual({
      text: 'Jü',
      encoding: 'utf-16le',
    });
    expect(decodeBytes(new Uint8Array([0x4a, 0xfc, 0x80]))).toEqual({ text: 'Jü€', encoding: 'windows-1252' });
  });

  it('finds the header past a preamble, guesses ";" and cuts a report footer', () => {
    const table = readTable(
      'Notes:\n"A sentence, with commas, quoted"\n\nA;B;C\n1;2;3\n4;;\n\n\n"Report"\n"Copyright (c) 2026"\n',
    );
    expect(table).toMatchObject({
      header: ['A', 'B', 'C'],
      rows: [
        ['1', '2', '3'],
        ['4', '', ''],
      ],
      skippedBefore: 3,
      footerLines: 2,
      delimiter: ';',
    });
  });
});
