/**
 * Numbers as people type them in their own locale: "120.000" and "7,5" in German, "120,000" and
 * "7.5" in English, "120 000" and "7,5" in French, "120'000" in Swiss German. The separators come
 * from Intl for the locale passed in (never a table per language); input that could mean two
 * things is refused with a reason instead of guessed. Pure: no browser APIs.
 */

/** Why typed text is not a number here; the UI words it. */
export type NumberIssue =
  /** Nothing typed. */
  | 'empty'
  /** Not a number at all: letters, symbols, a second decimal mark, a dangling separator. */
  | 'malformed'
  /** A group separator where the locale puts none, e.g. "7,5" in English or "1.5" in German. */
  | 'grouping'
  /** More digits after the decimal mark than the field takes. */
  | 'decimals'
  /** A minus sign where only positive numbers make sense. */
  | 'negative'
  /** More digits than a number keeps exactly. */
  | 'too-large';

export type NumberResult = { ok: true; value: number } | { ok: false; issue: NumberIssue };

export interface NumberOptions {
  /** Digits allowed after the decimal mark (0: whole numbers only). Default 2. */
  maxDecimals?: number;
  /** Whether a leading minus is allowed. Default false. */
  allowNegative?: boolean;
}

/** How a locale writes numbers, as Intl formats them. */
export interface NumberSymbols {
  /** The group separator, or '' when the locale does not group. */
  group: string;
  decimal: string;
  /** The locale's digits 0–9 (ASCII for most). */
  digits: readonly string[];
  /** Digits in the group next to the decimal mark (3), and in the groups before it (3; 2 in en-IN). */
  primary: number;
  secondary: number;
}

const SPACES = ' \u00a0\u202f\u2009';
const APOSTROPHES = "'\u2019\u02bc";
const MINUS = '-\u2212\u2012\u2013';
/** Direction marks Intl puts around numbers in right-to-left locales. */
const MARKS = /[\u200e\u200f\u061c]/g;

const cache = new Map<string, NumberSymbols>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    // A malformed locale tag: the runtime's default, rather than no number at all.
    return new Intl.NumberFormat(undefined, options);
  }
}

/** The separators and digits of `locale`, read from Intl.NumberFormat#formatToParts. */
export function numberSymbols(locale: string): NumberSymbols {
  const cached = cache.get(locale);
  if (cached) return cached;
  const parts = formatter(locale, { useGrouping: true, maximumFractionDigits: 1 }).formatToParts(1_234_567_890.5);
  const integers = parts.filter((part) => part.type === 'integer').map((part) => part.value.length);
  const plain = formatter(locale, { useGrouping: false });
  const symbols: NumberSymbols = {
    group: parts.find((part) => part.type === 'group')?.value ?? '',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    digits: Array.from({ length: 10 }, (_, digit) => plain.format(digit).replace(MARKS, '')),
    primary: integers.at(-1) ?? 3,
    secondary: integers.length > 2 ? (integers.at(-2) ?? 3) : (integers.at(-1) ?? 3),
  };
  cache.set(locale, symbols);
  return symbols;
}

/** The characters a user may type for the locale's group separator (same family: spaces, apostrophes). */
function isGroupChar(char: string, group: string): boolean {
  if (SPACES.includes(char)) return true; // spaces group digits in every locale and never mark decimals
  if (!group) return false;
  if (APOSTROPHES.includes(group)) return APOSTROPHES.includes(char);
  return char === group;
}

/**
 * Reads `raw` as a number written in `locale`: the locale's group separator (or a space, no-break
 * space or narrow no-break space; either apostrophe where the locale groups with one) between
 * correctly sized digit groups, its decimal mark, or plain digits. Anything else is refused with
 * the reason: "1,5" in English is not 15 or 1.5 but 'grouping'; "1,234.5" in German is 'grouping'.
 */
export function parseLocaleNumber(raw: string, locale: string, options: NumberOptions = {}): NumberResult {
  const maxDecimals = options.maxDecimals ?? 2;
  const symbols = numberSymbols(locale);
  let text = raw.replace(MARKS, '').trim();
  if (!text) return { ok: false, issue: 'empty' };

  let negative = false;
  if (MINUS.includes(text[0] as string)) {
    negative = true;
    text = text.slice(1).trimStart();
  }

  // One token per character: a digit, g (group separator) or d (decimal mark).
  let tokens = '';
  let groupChar: string | undefined;
  for (const char of text) {
    const local = symbols.digits.indexOf(char);
    if (char >= '0' && char <= '9') tokens += char;
    else if (local >= 0) tokens += String(local);
    else if (char === symbols.decimal) tokens += 'd';
    else if (isGroupChar(char, symbols.group)) {
      // One number, one kind of separator: "1 234.567,5" mixes two and is refused.
      const kind = SPACES.includes(char) ? ' ' : char === symbols.group || APOSTROPHES.includes(char) ? 'g' : char;
      if (groupChar !== undefined && groupChar !== kind) return { ok: false, issue: 'grouping' };
      groupChar = kind;
      tokens += 'g';
    } else if (char === '.' || char === ',' || APOSTROPHES.includes(char)) {
      // A separator of another convention ("7.5" in French): could mean either; refused.
      return { ok: false, issue: 'grouping' };
    } else return { ok: false, issue: 'malformed' };
  }

  const [whole = '', fraction, ...more] = tokens.split('d');
  if (more.length > 0) return { ok: false, issue: 'malformed' };
  if (!whole || fraction === '') return { ok: false, issue: 'malformed' };
  if (fraction?.includes('g')) return { ok: false, issue: 'grouping' };

  if (whole.includes('g')) {
    const groups = whole.split('g');
    const [first = '', ...rest] = groups;
    const last = rest.at(-1) ?? '';
    const middle = rest.slice(0, -1);
    const wellFormed =
      first.length >= 1 &&
      first.length <= (rest.length > 1 ? symbols.secondary : Math.max(symbols.primary, symbols.secondary)) &&
      !first.startsWith('0') &&
      last.length === symbols.primary &&
      middle.every((group) => group.length === symbols.secondary);
    if (!wellFormed) return { ok: false, issue: 'grouping' };
  }
  if (negative && !options.allowNegative) return { ok: false, issue: 'negative' };
  if ((fraction?.length ?? 0) > maxDecimals) return { ok: false, issue: 'decimals' };

  const digits = whole.replaceAll('g', '');
  if (digits.replace(/^0+/, '').length > 15) return { ok: false, issue: 'too-large' };
  const value = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * A number as a form shows it in `locale`, so that parseLocaleNumber reads it back unchanged:
 * 120000 → "120,000" (en), "120.000" (de), "120 000" (fr); 7.5 → "7,5" (de).
 */
export function formatLocaleNumber(value: number, locale: string, maxDecimals = 2): string {
  return formatter(locale, { useGrouping: true, maximumFractionDigits: maxDecimals }).format(value).replace(MARKS, '');
}
