import type { Deal } from '../deals.ts';
import { decodeBytes, type TextEncoding } from './decode.ts';
import {
  dealSourceOf,
  kindOfMapping,
  recognise,
  type FormatId,
  type ImportKind,
  type ImportMapping,
} from './formats.ts';
import { planContactImport, planDealImport, type Book, type ImportPlan } from './plan.ts';
import { contactsFromImport, dealsFromImport, type ContactCandidate, type DealCandidate } from './records.ts';
import { readTable, type Table } from './table.ts';

/**
 * The import from file to plan, in the order the options page runs it: bytes → text → table →
 * recognised format and mapping → rows as records → what changes in the book.
 */

export interface ImportFile {
  encoding: TextEncoding;
  table: Table;
  format: FormatId;
  /** The recognised mapping; the user may change it (planImport takes the one in use). */
  mapping: ImportMapping;
}

export function readImportFile(bytes: Uint8Array): ImportFile {
  const { text, encoding } = decodeBytes(bytes);
  const table = readTable(text);
  const { format, mapping } = recognise(table.header);
  return { encoding, table, format, mapping };
}

export interface ImportPreview {
  kind: ImportKind;
  plan: ImportPlan;
  /** The first rows as read, for the preview table. */
  sample: (ContactCandidate | DealCandidate)[];
}

export function planImport(
  file: ImportFile,
  mapping: ImportMapping,
  book: Book,
  now: number,
  newId?: () => string,
  sampleSize = 5,
): ImportPreview {
  const kind = kindOfMapping(mapping);
  if (kind === 'deals') {
    const { records, leftOut } = dealsFromImport(file.table.rows, mapping);
    const source: Deal['source'] = dealSourceOf(file.format);
    return {
      kind,
      plan: planDealImport(book, source, records, leftOut, now, newId),
      sample: records.slice(0, sampleSize),
    };
  }
  const { records, leftOut } = contactsFromImport(file.table.rows, mapping);
  return { kind, plan: planContactImport(book, records, leftOut, now, newId), sample: records.slice(0, sampleSize) };
}
