import { isWaiting } from '../../shared/asks.ts';
import { dayNumber, localDayBounds } from '../../shared/dates.ts';
import type { LogRow } from '../../storage/log-rows.ts';

export type Sort = 'newest' | 'oldest' | 'contact' | 'value';

export interface Filters {
  query: string;
  kind: string;
  channel: string;
  outcome: string;
  /** `YYYY-MM-DD` from a date input, or '' for no bound. */
  from: string;
  to: string;
  sort: Sort;
}

export const NO_FILTERS: Filters = { query: '', kind: '', channel: '', outcome: '', from: '', to: '', sort: 'newest' };

/**
 * The instants a from/to date range covers, in the browser's time zone: from the start of `from`
 * to the end of `to`. A local day is 23 or 25 hours long on a daylight-saving change, so the end
 * is the next day's midnight, never the start plus 24 hours. A date that is not one matches
 * nothing.
 */
export function dateRange(from: string, to: string): { start: number; end: number } {
  const bad = (date: string) => date !== '' && dayNumber(date) === null;
  if (bad(from) || bad(to)) return { start: Infinity, end: -Infinity };
  return {
    start: from ? localDayBounds(from).start : -Infinity,
    end: to ? localDayBounds(to).end : Infinity,
  };
}

/**
 * The records that pass the filters, in the chosen order. A search looks in the name and the
 * message text: `haystack` gives both, lower-cased, per record (the log builds it once from the
 * texts it reads for the search); without it, a record's own `text` field is used if it has one.
 */
export function applyFilters<Row extends LogRow>(
  records: readonly Row[],
  f: Filters,
  haystack?: () => readonly string[],
): Row[] {
  const query = f.query.trim().toLowerCase();
  const text = query && haystack ? haystack() : undefined;
  const ownText = (r: Row) => ('text' in r && typeof r.text === 'string' ? r.text : '');
  const { start, end } = dateRange(f.from, f.to);
  const out = records.filter(
    (r, i) =>
      (!f.kind || r.kind === f.kind) &&
      (!f.channel || r.channel === f.channel) &&
      (!f.outcome || (f.outcome === 'awaiting' ? isWaiting(r) : r.outcome === f.outcome)) &&
      r.createdAt >= start &&
      r.createdAt < end &&
      (!query ||
        (text
          ? (text[i] as string).includes(query)
          : r.contactName.toLowerCase().includes(query) || ownText(r).toLowerCase().includes(query))),
  );
  // Records arrive oldest first (the time index).
  if (f.sort === 'newest') out.reverse();
  else if (f.sort === 'contact')
    out.sort((a, b) => a.contactName.localeCompare(b.contactName) || b.createdAt - a.createdAt);
  else if (f.sort === 'value')
    out.sort(
      (a, b) =>
        (b.wonAmount ?? b.potentialValue ?? 0) - (a.wonAmount ?? a.potentialValue ?? 0) || b.createdAt - a.createdAt,
    );
  return out;
}
