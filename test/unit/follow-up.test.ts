import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/shared/follow-up.ts';

describe('addWorkingDays', () => {
  it.each([
    ['2026-11-27', 3, '2026-12-02'], // Friday + 3 = Wednesday
    ['2026-11-27', 1, '2026-11-30'], // Friday + 1 = Monday
    ['2026-11-28', 1, '2026-11-30'], // Saturday + 1 = Monday
    ['2026-11-29', 1, '2026-11-30'], // Sunday + 1 = Monday
    ['2026-11-28', 5, '2026-12-04'], // Saturday + 5 = Friday
    ['2026-11-23', 4, '2026-11-27'], // Monday + 4 = Friday
    ['2026-11-23', 5, '2026-11-30'], // Monday + 5 = next Monday
    ['2026-11-23', 10, '2026-12-07'],
    ['2026-12-31', 1, '2027-01-01'], // Thursday + 1 across the year
    ['2027-01-01', 1, '2027-01-04'], // Friday + 1
    ['2024-02-28', 1, '2024-02-29'], // leap day is a Thursday
    ['2024-02-29', 1, '2024-03-01'],
  ])('%s + %i working days = %s', (from, count, expected) => {
    expect(addWorkingDays(from, count)).toBe(expected);
  });

  it('returns the start unchanged for zero (even at a weekend) or negative counts', () => {
    expect(addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
    expect(addWorkingDays('2026-11-27', -2)).toBe('2026-11-27');
  });

  it('lands on a weekday exactly N weekdays later, for every start day of a month', () => {
    for (let day = 1; day <= 30; day++) {
      const from = `2026-11-${String(day).padStart(2, '0')}`;
      const to = addWorkingDays(from, 3);
      let weekdays = 0;
      for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        const weekday = new Date(t).getUTCDay();
        if (weekday !== 0 && weekday !== 6) weekdays++;
      }
      expect(weekdays, from).toBe(3);
      expect([0, 6], from).not.toContain(new Date(`${to}T00:00:00Z`).getUTCDay());
    }
  });

  it('throws on an invalid start date', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
