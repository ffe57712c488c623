import { describe, expect, it } from 'vitest';
import { dateTicks, dayLabel, numberTicks } from '../../../src/options/dashboard/chart-format.ts';

const DAY = 86_400;
/** Unix seconds of local midnight, as uPlot's time splits are (any time zone). */
const at = (year: number, month: number, day: number) => new Date(year, month - 1, day).getTime() / 1000;

describe('analytics chart tick labels follow the UI language', () => {
  it('writes days apart as day and month', () => {
    const splits = [at(2026, 4, 28), at(2026, 5, 1), at(2026, 5, 4), at(2026, 9, 15)];
    expect(dateTicks('de-DE')(splits, 3 * DAY)).toEqual(['28. Apr.', '1. Mai', '4. Mai', '15. Sept.']);
    expect(dateTicks('en-US')(splits, 3 * DAY)).toEqual(['Apr 28', 'May 1', 'May 4', 'Sep 15']);
  });

  it('writes months apart as the month, with the year on the first tick and on January', () => {
    const splits = [at(2025, 11, 1), at(2025, 12, 1), at(2026, 1, 1), at(2026, 2, 1), at(2026, 3, 1)];
    // A month alone takes CLDR's stand-alone abbreviation ("Dez", "Mär"), with a year the format one.
    expect(dateTicks('de-DE')(splits, 30 * DAY)).toEqual(['Nov. 2025', 'Dez', 'Jan. 2026', 'Feb', 'Mär']);
    expect(dateTicks('en-US')(splits, 30 * DAY)).toEqual(['Nov 2025', 'Dec', 'Jan 2026', 'Feb', 'Mar']);
  });

  it('writes years apart as the year', () => {
    expect(dateTicks('de-DE')([at(2025, 1, 1), at(2026, 1, 1)], 365 * DAY)).toEqual(['2025', '2026']);
  });

  it("uses the language's decimal mark and grouping, with the step's decimals and no float noise", () => {
    const fifths = [0, 0.2, 0.4000000000000001, 0.6000000000000001, 1.2];
    expect(numberTicks('de-DE')(fifths, 0.2)).toEqual(['0', '0,2', '0,4', '0,6', '1,2']);
    expect(numberTicks('en-US')(fifths, 0.2)).toEqual(['0', '0.2', '0.4', '0.6', '1.2']);
    expect(numberTicks('de-DE')([0, 0.25, 0.5, 0.75], 0.25)).toEqual(['0', '0,25', '0,5', '0,75']);
    expect(numberTicks('de-DE')([0, 5, 10, 15], 5)).toEqual(['0', '5', '10', '15']);
    expect(numberTicks('de-DE')([0, 1000, 2000], 1000)).toEqual(['0', '1.000', '2.000']);
    expect(numberTicks('en-US')([0, 1000, 2000], 1000)).toEqual(['0', '1,000', '2,000']);
  });

  it('writes a day of the table and the description in full', () => {
    expect(dayLabel('de-DE')('2026-05-05')).toBe('05.05.2026');
    expect(dayLabel('en-US')('2026-05-05')).toBe('May 5, 2026');
  });
});
