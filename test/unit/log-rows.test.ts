import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Outreach } from '../../src/shared/model.ts';
import { decodeRows, encodeRows, logRowOf } from '../../src/storage/log-rows.ts';

/** The log's rows stored by column (src/storage/log-rows.ts): every row back as it was, in a third of the bytes. */

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 9);
const NAMES = ['Avery Lindqvist', 'Jordan Müller', 'Priya “PJ” Natarajan', 'Sam O’Neil'];

function record(i: number): Outreach {
  const resolved = i % 3 !== 0;
  return {
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    ...(i % 7 === 0 ? {} : { contactId: `contact-${i % 40}` }),
    contactName: NAMES[i % NAMES.length] as string,
    ...(i % 5 === 0 ? { targetUrl: `https://www.linkedin.com/in/person-${i % 40}/` } : {}),
    kind: i % 2 ? 'referral-ask' : 'help-ask',
    channel: i % 4 ? 'email' : 'linkedin-message',
    ...(i % 6 === 0 ? { potentialValue: 12_000 + i } : {}),
    text: `Hi — a long message text ${i} the rows leave out`,
    createdAt: NOW - i * DAY,
    followUpOn: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
    status: resolved ? 'resolved' : 'awaiting',
    ...(resolved ? { outcome: i % 9 === 1 ? 'won' : 'no-reply', outcomeAt: NOW - i * DAY + 3 * DAY } : {}),
    ...(i % 9 === 1 ? { wonAmount: 8_000 + i, dealId: `deal-${i}` } : {}),
  } as Outreach;
}

describe('log rows by column', () => {
  it('decode to every record without its text and key, absent fields absent, keys in one order', () => {
    const records = Array.from({ length: 200 }, (_, i) => record(i));
    const rows = decodeRows(encodeRows(records));
    expect(isDeepStrictEqual(rows, records.map(logRowOf))).toBe(true);
    expect(rows.every((row) => !('text' in row) && !('idempotencyKey' in row))).toBe(true);
    expect(Object.keys(rows[1] as object)).toEqual([
      'id',
      'contactId',
      'contactName',
      'kind',
      'channel',
      'createdAt',
      'followUpOn',
      'status',
      'outcome',
      'wonAmount',
      'outcomeAt',
      'dealId',
    ]);
  });

  it('keep a field of unexpected type as it is, and leave out fields the log does not know', () => {
    const odd = {
      ...record(1),
      potentialValue: '12000',
      status: 3,
      extra: 'kept in the bucket only',
    } as unknown as Outreach;
    const [row] = decodeRows(encodeRows([odd, record(2)]));
    expect(row).toMatchObject({ potentialValue: '12000', status: 3 });
    expect(row).not.toHaveProperty('extra');
  });

  it('store an empty bucket as no rows', () => {
    expect(decodeRows(encodeRows([]))).toEqual([]);
  });

  it('are under half the characters of one JSON object per row', () => {
    const records = Array.from({ length: 200 }, (_, i) => record(i));
    expect(encodeRows(records).length).toBeLessThan(JSON.stringify(records.map(logRowOf)).length / 2);
  });
});
