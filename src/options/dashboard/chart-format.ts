/**
 * Tick labels for the analytics chart in the UI language, with Intl (uPlot's own formatters
 * use English month names and the browser's number style). Pure: the locale is passed in.
 */

const DAY = 86_400;

/**
 * Labels for a time axis (uPlot `axes[].values`; splits are Unix seconds, `incr` the step between
 * them): day and month while ticks are days apart ("5. Mai", "May 5"), the month once they are
 * months apart with the year on the first tick and on January ("Mai 2026", "Juni"), the year beyond.
 */
export function dateTicks(locale: string): (splits: number[], incr: number) => string[] {
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric' });
  return (splits, incr) =>
    splits.map((seconds, index) => {
      const date = new Date(seconds * 1000);
      if (incr < 28 * DAY) return dayMonth.format(date);
      if (incr < 365 * DAY) return (index === 0 || date.getMonth() === 0 ? monthYear : month).format(date);
      return year.format(date);
    });
}

/**
 * Labels for a number axis: the UI language's decimal mark and grouping ("0,5" and "1.200" in
 * German), with as many decimals as the step between ticks has (0.25 → 2; uPlot's splits carry
 * float noise such as 0.30000000000000004).
 */
export function numberTicks(locale: string): (splits: number[], incr: number) => string[] {
  const formats = new Map<number, Intl.NumberFormat>();
  return (splits, incr) => {
    const decimals = String(Number(incr.toFixed(6))).split('.')[1]?.length ?? 0;
    let format = formats.get(decimals);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: decimals });
      formats.set(decimals, format);
    }
    return splits.map((value) => format.format(value));
  };
}

/** A day of the analytics (a local date, YYYY-MM-DD) as the UI language writes it (medium style): "05.05.2026", "May 5, 2026". */
export function dayLabel(locale: string): (date: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  return (date) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return format.format(new Date(y, m - 1, d));
  };
}
