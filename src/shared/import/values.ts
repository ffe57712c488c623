import type { LocalDate } from '../model.ts';

/**
 * Cell values as exports write them: dates in the exporter's or the user's local form, amounts
 * with currency signs and either decimal mark, and lists of people in one cell.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German forms, for Excel re-saves in a German locale (Mär, Mai, Okt, Dez).
  mär: 3,
  mrz: 3,
  mai: 5,
  okt: 10,
  dez: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function valid(year: number, month: number, day: number): LocalDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: 00–69 are 2000s, 70–99 1900s (as spreadsheets read them). */
function fullYear(raw: string): number {
  const year = Number(raw);
  if (raw.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** Day before month (`16/09/2021`) or month before day (`1/8/18`), for slash and dash dates. */
export type DateOrder = 'dmy' | 'mdy';

/**
 * The order of a column's numeric dates: a first part over 12 means day first, a second part
 * over 12 month first; when nothing decides, dots mean day first (German), slashes month first
 * (US: LinkedIn 2018, Salesforce in en_US).
 */
export function dateOrderOf(values: Iterable<string>): DateOrder | undefined {
  let dotted = false;
  for (const value of values) {
    const match = /^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})\b/.exec(value);
    if (!match) continue;
    if (match[2] === '.') dotted = true;
    if (Number(match[1]) > 12) return 'dmy';
    if (Number(match[3]) > 12) return 'mdy';
  }
  return dotted ? 'dmy' : undefined;
}

export interface ParsedDate {
  date: LocalDate;
  /** Minutes after midnight when the cell had a time. */
  minutes?: number;
}

/**
 * One date cell: `14 Mar 2023`, `23-Nov-21`, `1/8/18, 6:14 PM`, `16.09.2021`,
 * `2024-03-14 10:22`, ISO times. `0/0/00` (Outlook's empty date) and blanks are no date.
 */
export function parseDate(raw: string, order: DateOrder = 'mdy'): ParsedDate | undefined {
  const value = raw.trim();
  if (!value || /^0{1,2}[./-]0{1,2}[./-]0{2,4}$/.test(value)) return undefined;
  const time = /(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?/.exec(value.replace(/^[^T ,]*[T ,]+/, ''));
  let minutes: number | undefined;
  if (time && /[T ,]/.test(value)) {
    let hours = Number(time[1]);
    const meridiem = time[3]?.toLowerCase();
    if (meridiem === 'pm' && hours < 12) hours += 12;
    if (meridiem === 'am' && hours === 12) hours = 0;
    minutes = hours * 60 + Number(time[2]);
  }
  const withTime = (date: LocalDate | undefined) =>
    date === undefined ? undefined : { date, ...(minutes !== undefined ? { minutes } : {}) };

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  if (m) return withTime(valid(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{1,2})[\s.-]+([A-Za-zÄäÖöÜü]{3,9})\.?[\s.-]+(\d{2,4})\b/.exec(value);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase().slice(0, 3)] ?? MONTHS[(m[2] ?? '').toLowerCase().slice(0, 4)];
    return month ? withTime(valid(fullYear(m[3] ?? ''), month, Number(m[1]))) : undefined;
  }
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})\b/.exec(value);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[3]);
    const [day, month] = order === 'dmy' || m[2] === '.' ? [first, second] : [second, first];
    return withTime(valid(fullYear(m[4] ?? ''), month, day));
  }
  return undefined;
}

/** The instant of a parsed date in the user's time zone (noon when the cell had no time). */
export function instantOf(parsed: ParsedDate): number {
  const [year, month, day] = parsed.date.split('-').map(Number);
  const minutes = parsed.minutes ?? 12 * 60;
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, Math.floor(minutes / 60), minutes % 60).getTime();
}

const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', CHF: 'CHF' };

export interface ParsedAmount {
  amount: number;
  currency?: string;
}

/**
 * An amount: `375000.0`, `$48,000.00`, `48.000,00 €`, `USD 36,000`, `EUR 12.500`. The last of
 * `.` and `,` is the decimal mark when both appear; one of them followed by exactly three digits
 * (and repeated, or the only one) groups thousands.
 */
export function parseAmount(raw: string): ParsedAmount | undefined {
  let value = raw.trim();
  if (!value) return undefined;
  let currency: string | undefined;
  const code = /\b([A-Z]{3})\b/.exec(value);
  if (code) {
    currency = code[1];
    value = value.replace(code[0], '');
  }
  for (const [sign, iso] of Object.entries(CURRENCY_SIGNS))
    if (value.includes(sign)) {
      currency ??= iso;
      value = value.replace(sign, '');
    }
  value = value.replace(/[\s\u00a0\u202f']/g, '');
  const negative = /^\(.*\)$/.test(value) || value.startsWith('-');
  value = value.replace(/[()+-]/g, '');
  if (!/^[\d.,]+$/.test(value)) return undefined;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    normal = value.replaceAll(group, '').replace(decimal, '.');
  } else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
    if (!mark) normal = value;
    else {
      const parts = value.split(mark);
      const grouped = parts.length > 2 || (parts[1]?.length === 3 && mark === ',');
      // `12.500` with a dot: thousands only in a European form (`.` and three digits, no other mark).
      const europeanThousands = mark === '.' && parts.length === 2 && parts[1]?.length === 3 && !/\.0$/.test(value);
      normal = grouped || europeanThousands ? parts.join('') : parts.join('.');
    }
  }
  const amount = Number(normal);
  if (!Number.isFinite(amount)) return undefined;
  return { amount: negative ? -amount : amount, ...(currency ? { currency } : {}) };
}

export interface PersonRef {
  name?: string;
  email?: string;
}

const EMAIL = /^[^\s@()<>;,]+@[^\s@()<>;,]+\.[^\s@()<>;,]+$/;

/**
 * People in one cell: HubSpot's `Name (email);Name (email)` lists, which mix name-only and
 * email-only entries; also `Name <email>` and Google's ` ::: ` multi-values.
 */
export function parsePeople(raw: string): PersonRef[] {
  const people: PersonRef[] = [];
  for (const part of raw.split(/;|\s:::\s/)) {
    const entry = part.trim();
    if (!entry) continue;
    const withEmail = /^(.*?)\s*[(<]\s*([^()<>\s]+@[^()<>\s]+)\s*[)>]$/.exec(entry);
    if (withEmail) {
      const name = withEmail[1]?.trim();
      people.push({ ...(name ? { name } : {}), email: (withEmail[2] ?? '').toLowerCase() });
    } else if (EMAIL.test(entry)) people.push({ email: entry.toLowerCase() });
    else people.push({ name: entry });
  }
  return people;
}

/** The first of several values joined by ` ::: ` (Google Contacts), trimmed. */
export function firstValue(raw: string): string {
  // indexOf, not split: called for most cells of a 20,000-row file.
  const at = raw.indexOf(' ::: ');
  return (at < 0 ? raw : raw.slice(0, at)).trim();
}

/**
 * A LinkedIn profile URL as the extension stores it from a page (`https://www.linkedin.com/in/<slug>/`,
 * the slug percent-encoded as the browser encodes it), so an imported connection and a visited
 * profile are the same contact. Exports write the slug encoded (lower- or upper-case) or not.
 */
export function canonicalLinkedinUrl(raw: string): string | undefined {
  const match = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(raw.trim());
  if (!match?.[1]) return undefined;
  let slug = match[1];
  try {
    slug = encodeURIComponent(decodeURIComponent(slug));
  } catch {
    // A broken escape: keep the slug as written.
  }
  return `https://www.linkedin.com/in/${slug}/`;
}
