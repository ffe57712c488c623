import type { Outreach } from '../shared/model.ts';

/**
 * The log's copy of an archive bucket: its records without the message text and the idempotency
 * key, stored beside the bucket under `ROWS_OFFSET + bucket`. The options log lists, filters,
 * sorts and charts every record but shows a text only in its editor and searches texts only when
 * asked to. Derived data: written with the bucket in the same transaction (archive.ts
 * `putBucket`), and rebuilt from the bucket when missing.
 *
 * Pure functions only: the IndexedDB side is in archive.ts.
 */
export type LogRow = Omit<Outreach, 'text' | 'idempotencyKey'>;

/**
 * Keys of the log rows: above every bucket's key, below the summary's (numbers sort before
 * strings). Rows of the earlier layout — one JSON object per record — were kept at 1024–1279
 * (`LEGACY_ROWS_OFFSET`); a book that still has them is given rows here from its buckets once.
 */
export const ROWS_OFFSET = 2048;
export const LEGACY_ROWS_OFFSET = 1024;

export function logRowOf(record: Outreach): LogRow {
  const { text: _text, idempotencyKey: _key, ...row } = record;
  return row;
}

/** A log row's fields, in the order they are written (every field of `LogRow`: checked below). */
const LOG_ROW_FIELDS = [
  'id',
  'contactId',
  'contactName',
  'targetUrl',
  'kind',
  'channel',
  'potentialValue',
  'createdAt',
  'followUpOn',
  'status',
  'outcome',
  'wonAmount',
  'outcomeAt',
  'dealId',
] as const satisfies readonly (keyof LogRow)[];
/** Fails to compile when `Outreach` gains a field the rows leave out. */
const EVERY_FIELD: Exclude<keyof LogRow, (typeof LOG_ROW_FIELDS)[number]> extends never ? true : never = true;
void EVERY_FIELD;

type Field = (typeof LOG_ROW_FIELDS)[number];

/**
 * The rows of a bucket by column. A field whose values are all text (a person's id and name, the
 * kind, the channel, the status, a date) is written as numbers into one list of the bucket's
 * distinct texts, -1 where a record has none; any other field as its values, null where absent.
 * A bucket's records share few distinct texts, so the log's 50,000 rows are a third of the bytes
 * of one JSON object each: the browser reads them from IndexedDB in a third of the time (figures
 * in docs/performance.md).
 */
interface Columns {
  rows: number;
  texts: string[];
  coded: Partial<Record<Field, number[]>>;
  plain: Partial<Record<Field, unknown[]>>;
}

/** Texts unique to each record gain nothing from the list of distinct texts. */
const UNIQUE_FIELDS: ReadonlySet<Field> = new Set(['id']);

/** Fields this version does not know are left out: the log shows none of them, and the bucket keeps them. */
export function encodeRows(records: readonly Outreach[]): string {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const columns: Columns = { rows: records.length, texts, coded: {}, plain: {} };
  for (const field of LOG_ROW_FIELDS) {
    const values = records.map((record) => record[field] as unknown);
    if (values.every((value) => value === undefined)) continue;
    if (!UNIQUE_FIELDS.has(field) && values.every((value) => value === undefined || typeof value === 'string')) {
      columns.coded[field] = values.map((value) => {
        if (value === undefined) return -1;
        let index = textIndex.get(value as string);
        if (index === undefined) {
          index = texts.push(value as string) - 1;
          textIndex.set(value as string, index);
        }
        return index;
      });
    } else {
      columns.plain[field] = values.map((value) => value ?? null);
    }
  }
  return JSON.stringify(columns);
}

export function decodeRows(text: string): LogRow[] {
  const { rows, texts, coded, plain } = JSON.parse(text) as Columns;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) out.push({});
  // Field by field in the written order, so every row has its keys in one order (one object shape).
  for (const field of LOG_ROW_FIELDS) {
    const codes = coded[field];
    const values = plain[field];
    if (codes) {
      for (let i = 0; i < rows; i++) {
        const code = codes[i] as number;
        if (code >= 0) (out[i] as Record<string, unknown>)[field] = texts[code];
      }
    } else if (values) {
      for (let i = 0; i < rows; i++) {
        const value = values[i];
        if (value !== null) (out[i] as Record<string, unknown>)[field] = value;
      }
    }
  }
  return out as unknown as LogRow[];
}
