import { describe, expect, it } from 'vitest';
import {
  asksPerDay,
  asksPerWeek,
  closedBySource,
  comparePace,
  funnels,
  weekStartOf,
  weeksWithoutProspecting,
} from '../../../src/shared/analytics.ts';
import { NOV, records, relationshipOf } from './book-fixture.ts';

describe('analytics', () => {
  it('asks per day cover every day of the range, zeros included', () => {
    const days = asksPerDay(records, NOV);
    expect(days).toHaveLength(28);
    expect(days.slice(0, 4)).toEqual([
      { date: '2026-11-02', asks: 2 },
      { date: '2026-11-03', asks: 2 },
      { date: '2026-11-04', asks: 2 },
      { date: '2026-11-05', asks: 0 },
    ]);
    expect(days.find((d) => d.date === '2026-11-25')).toEqual({ date: '2026-11-25', asks: 1 });
  });

  it('weeks start on Monday; weeks without any ask are named', () => {
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    const days = asksPerDay(records, NOV);
    expect(asksPerWeek(days)).toEqual([
      { weekStart: '2026-11-02', asks: 6 },
      { weekStart: '2026-11-09', asks: 0 },
      { weekStart: '2026-11-16', asks: 0 },
      { weekStart: '2026-11-23', asks: 1 },
    ]);
    expect(weeksWithoutProspecting(days).map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-16']);
  });

  it('funnel per kind and per relationship: asked → replied → helped → won', () => {
    const result = funnels(records, NOV, relationshipOf);
    expect(result.total).toEqual({ key: 'all', asked: 7, replied: 5, helped: 3, won: 2 });
    expect(result.byKind).toEqual(
      [
        { key: 'favour-ask', asked: 2, replied: 1, helped: 1, won: 1 },
        { key: 'referral-ask', asked: 3, replied: 2, helped: 2, won: 1 },
        { key: 'stalled-revival', asked: 1, replied: 1, helped: 0, won: 0 },
        { key: 'upsell', asked: 1, replied: 1, helped: 0, won: 0 },
      ].sort((a, b) => b.asked - a.asked || (a.key < b.key ? -1 : 1)),
    );
    expect(result.byRelationship).toEqual([
      { key: 'customer', asked: 4, replied: 3, helped: 1, won: 1 },
      { key: 'friend', asked: 2, replied: 2, helped: 2, won: 1 },
      { key: 'unset', asked: 1, replied: 0, helped: 0, won: 0 },
    ]);
  });

  it('closed amount by source counts wins recorded in the range', () => {
    expect(closedBySource(records, NOV, relationshipOf)).toEqual({
      won: 16_500,
      deals: 3,
      byKind: [
        { key: 'referral-ask', amount: 10_000, deals: 1 },
        { key: 'favour-ask', amount: 4_000, deals: 1 },
        { key: 'upsell', amount: 2_500, deals: 1 },
      ],
      byRelationship: [
        { key: 'customer', amount: 12_500, deals: 2 },
        { key: 'friend', amount: 4_000, deals: 1 },
      ],
    });
  });

  it('pace achieved over worked days so far against needed and realistic', () => {
    const days = asksPerDay(records, NOV);
    const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00`).getDay());
    expect(comparePace(days, weekday, '2026-11-06', 12, 25)).toEqual({
      workedDaysSoFar: 5,
      asksSoFar: 6,
      achievedPerDay: 1.2,
      neededPerDay: 12,
      realisticPerDay: 25,
    });
    expect(comparePace(days, weekday, '2026-11-01', null, 25).achievedPerDay).toBeNull();
  });
});
