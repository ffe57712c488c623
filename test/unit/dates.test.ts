import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isWorkingDay, localDateOf, localDayBounds } from '../../src/shared/dates.ts';

const HOUR = 3_600_000;

/** Small deterministic PRNG (mulberry32) so the random ranges are the same on every run. */
function isoOfUtcDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

describe('dayNumber', () => {
  it('counts days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // 30 years of which 7 leap years (72, 76, 80, 84, 88, 92, 96): 30*365 + 7 = 10957.
    expect(dayNumber('2000-01-01')).toBe(10_957);
    expect(dayNumber('2000-03-01')).toBe(10_957 + 31 + 29);
  });

  it('accepts 29 February only in leap years', () => {
    expect(dayNumber('2024-02-29')).toBe((dayNumber('2024-02-28') ?? Number.NaN) + 1);
    expect(dayNumber('2024-03-01')).toBe((dayNumber('2024-02-29') ?? Number.NaN) + 1);
    expect(dayNumber('2000-02-29')).not.toBeNull(); // divisible by 400
    expect(dayNumber('2023-02-29')).toBeNull();
    expect(dayNumber('1900-02-29')).toBeNull(); // divisible by 100, not 400
    expect(dayNumber('2100-02-29')).toBeNull();
  });

  it.each([
    '2026-02-30',
    '2026-02-31',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-1-1',
    '2026-01-1',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00',
    ' 2026-01-01',
    '2026-01-01 ',
    '',
    'yesterday',
  ])('rejects %j', (value) => {
    expect(dayNumber(value)).toBeNull();
  });

  it('agrees with Date.UTC for every day of 2023–2025', () => {
    const first = Date.UTC(2023, 0, 1) / 86_400_000;
    for (let days = first; days < first + 3 * 365 + 1; days++) {
      expect(dayNumber(isoOfUtcDay(days))).toBe(days);
    }
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(addDays('2026-11-27', 4)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2024-01-01', 365)).toBe('2024-12-31');
  });

  it('is not affected by daylight-saving changes (the last Sunday of March/October)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('throws on an invalid date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-1-1', 1)).toThrow('Not a date: 2026-1-1');
  });
});

describe('isWorkingDay', () => {
  it('is true Monday to Friday and false at the weekend', () => {
    // 2026-11-23 is a Monday.
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
    expect(week.map(isWorkingDay)).toEqual([true, true, true, true, true, false, false]);
    expect(isWorkingDay('1970-01-01')).toBe(true); // a Thursday
    expect(isWorkingDay('1970-01-03')).toBe(false); // a Saturday
    expect(isWorkingDay('1969-12-28')).toBe(false); // a Sunday, before day 0
    expect(isWorkingDay('1969-12-29')).toBe(true); // a Monday, before day 0
    expect(isWorkingDay('2024-02-29')).toBe(true); // a Thursday
  });

  it('throws on an invalid date', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('localDayBounds', () => {
  const days = [
    '2026-01-15',
    '2026-03-08', // US DST start
    '2026-03-29', // EU DST start
    '2026-10-25', // EU DST end
    '2026-11-01', // US DST end
    '2024-02-29',
    '2026-12-31',
  ];

  it.each(days)('%s spans one local day starting at local midnight', (date) => {
    const { start, end } = localDayBounds(date);
    // 23, 24 or 25 hours (Lord Howe Island shifts by half an hour, hence a range).
    expect(end - start).toBeGreaterThanOrEqual(23 * HOUR);
    expect(end - start).toBeLessThanOrEqual(25 * HOUR);
    if (!(date === '2026-03-08' || date === '2026-03-29' || date === '2026-10-25' || date === '2026-11-01')) {
      expect(end - start).toBe(24 * HOUR);
    }
    const startDate = new Date(start);
    expect([startDate.getHours(), startDate.getMinutes(), startDate.getSeconds(), startDate.getMilliseconds()]).toEqual(
      [0, 0, 0, 0],
    );
    expect(localDateOf(startDate)).toBe(date);
    expect(localDateOf(new Date(end - 1))).toBe(date);
    expect(new Date(end).getHours()).toBe(0);
    expect(localDateOf(new Date(end))).toBe(addDays(date, 1));
  });

  it('chains: each day ends where the next one starts', () => {
    let date = '2026-01-01';
    for (let i = 0; i < 366; i++) {
      const next = addDays(date, 1);
      expect(localDayBounds(date).end).toBe(localDayBounds(next).start);
      date = next;
    }
  });

  it('throws on an invalid date', () => {
    expect(() => localDayBounds('2026-02-30')).toThrow(RangeError);
  });
});

describe('localDateOf', () => {
  it('formats the local calendar date with zero padding', () => {
    expect(localDateOf(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDateOf(new Date(2026, 10, 27, 0, 0))).toBe('2026-11-27');
    expect(localDateOf(new Date('2026-11-27T10:00:00'))).toBe('2026-11-27');
  });
});
