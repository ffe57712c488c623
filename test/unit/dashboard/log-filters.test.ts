import { afterAll, describe, expect, it } from 'vitest';
import { applyFilters, dateRange, NO_FILTERS } from '../../../src/options/dashboard/log-filters.ts';
import type { Outreach } from '../../../src/shared/model.ts';

// Node applies a new TZ at once (it resets its time-zone cache on assignment); each describe
// below sets the zone whose daylight-saving change it tests, and the file restores it after.
const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const HOUR = 3_600_000;

function record(id: string, createdAt: number): Outreach {
  return {
    id,
    idempotencyKey: id,
    kind: 'referral-ask',
    channel: 'email',
    contactName: 'Jane',
    text: '',
    createdAt,
    status: 'awaiting',
  } as Outreach;
}

const idsOn = (records: readonly Outreach[], date: string) =>
  applyFilters(records, { ...NO_FILTERS, from: date, to: date, sort: 'oldest' }).map((r) => r.id);

describe('the log date filter on a spring-forward day (Europe/Berlin, 28 March 2027: 23 hours)', () => {
  it('ends the day at the next local midnight, not 24 hours after its start', () => {
    process.env.TZ = 'Europe/Berlin';
    const { start, end } = dateRange('2027-03-28', '2027-03-28');
    expect(new Date(start).toISOString()).toBe('2027-03-27T23:00:00.000Z'); // 00:00 CET
    expect(new Date(end).toISOString()).toBe('2027-03-28T22:00:00.000Z'); // next 00:00 CEST
    expect(end - start).toBe(23 * HOUR);
    const records = [
      record('late-on-the-28th', Date.parse('2027-03-28T21:30:00Z')), // 23:30 CEST
      record('early-on-the-29th', Date.parse('2027-03-28T22:30:00Z')), // 00:30 CEST on the 29th
    ];
    expect(idsOn(records, '2027-03-28')).toEqual(['late-on-the-28th']);
    expect(idsOn(records, '2027-03-29')).toEqual(['early-on-the-29th']);
  });
});

describe('the log date filter on a fall-back day (America/New_York, 1 November 2026: 25 hours)', () => {
  it('keeps the day’s last hour', () => {
    process.env.TZ = 'America/New_York';
    const { start, end } = dateRange('2026-11-01', '2026-11-01');
    expect(end - start).toBe(25 * HOUR);
    const records = [
      record('late-on-the-1st', Date.parse('2026-11-02T04:30:00Z')), // 23:30 EST on the 1st
      record('on-the-2nd', Date.parse('2026-11-02T05:30:00Z')), // 00:30 EST on the 2nd
    ];
    expect(idsOn(records, '2026-11-01')).toEqual(['late-on-the-1st']);
    expect(idsOn(records, '2026-11-02')).toEqual(['on-the-2nd']);
  });
});

describe('the log date range', () => {
  it('is open on a side left empty and matches nothing for a value that is not a date', () => {
    expect(dateRange('', '')).toEqual({ start: -Infinity, end: Infinity });
    const records = [record('a', 0)];
    expect(applyFilters(records, { ...NO_FILTERS, from: '20271-03-28' })).toEqual([]);
  });
});
