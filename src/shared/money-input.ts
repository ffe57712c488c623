/**
 * Amounts as salespeople write them: "$240k", "12k", "240.000 €", "1,2 Mio." or "240 T€" in
 * German, "EUR 1.5m". One currency sign or code and one magnitude word are taken off; what is left
 * goes through parseLocaleNumber, so separators keep the meaning they have in the user's language
 * ("1.2m" is 1,200,000 in English and refused in German, where "1,2 Mio." is the same amount).
 * Pure: no browser APIs.
 */
import { parseLocaleNumber, type NumberIssue } from './locale-number.ts';

export type MoneyResult =
  | {
      ok: true;
      value: number;
      /** The ISO code of a sign or code written with the amount ("$" → USD), if there was one. */
      currency?: string;
    }
  | { ok: false; issue: NumberIssue };

/** Signs read as one currency. "$" is the US dollar: a Canadian or Australian user types the code. */
const SIGNS: Record<string, string> = { US$: 'USD', $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/** Magnitude words, lower case, without a final dot; English and German as people write them in sales. */
const MAGNITUDES: Record<string, number> = {
  k: 1e3,
  t: 1e3,
  tsd: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  mill: 1e6,
  million: 1e6,
  millions: 1e6,
  millionen: 1e6,
  b: 1e9,
  bn: 1e9,
  mrd: 1e9,
  billion: 1e9,
  milliarde: 1e9,
  milliarden: 1e9,
};

/** More decimals than a currency keeps may be typed before a magnitude word: "1.25m". */
const DECIMALS_BEFORE_MAGNITUDE = 6;

const SIGN_PATTERN = Object.keys(SIGNS)
  .sort((a, b) => b.length - a.length)
  .map((sign) => sign.replace(/\$/g, '\\$'))
  .join('|');
const LEADING_CURRENCY = new RegExp(`^(${SIGN_PATTERN}|[A-Za-z]{3}(?=[\\s\\d]))\\s*`);
const TRAILING_CURRENCY = new RegExp(`\\s*(${SIGN_PATTERN}|(?<=[\\s\\d.])[A-Za-z]{3})$`);
const TRAILING_MAGNITUDE = /^(.*?\d)\s*([A-Za-zä]+)\.?$/;

/** ISO codes the runtime knows; a three-letter word that is none of them is not a currency. */
let knownCodes: Set<string> | undefined;

function currencyOf(token: string): string | undefined {
  const sign = SIGNS[token];
  if (sign) return sign;
  knownCodes ??= new Set(Intl.supportedValuesOf('currency'));
  const code = token.toUpperCase();
  return knownCodes.has(code) ? code : undefined;
}

function isMagnitude(word: string): boolean {
  return Object.hasOwn(MAGNITUDES, word.toLowerCase());
}

/**
 * Reads `raw` as an amount written in `locale`. `maxDecimals` applies to the amount itself
 * ("12.345" is refused in English for a money field; "12.345k" is 12,345).
 */
export function parseMoneyAmount(raw: string, locale: string, maxDecimals = 2): MoneyResult {
  let text = raw.trim();
  if (!text) return { ok: false, issue: 'empty' };
  let currency: string | undefined;

  const leading = LEADING_CURRENCY.exec(text);
  if (leading?.[1] && !isMagnitude(leading[1])) {
    currency = currencyOf(leading[1]);
    if (currency === undefined) return { ok: false, issue: 'malformed' };
    text = text.slice(leading[0].length);
  }
  const trailing = TRAILING_CURRENCY.exec(text);
  if (trailing?.[1] && !isMagnitude(trailing[1])) {
    const code = currencyOf(trailing[1]);
    // "$240 EUR" names two currencies: which one was meant is not ours to guess.
    if (code === undefined || (currency !== undefined && currency !== code)) return { ok: false, issue: 'malformed' };
    currency = code;
    text = text.slice(0, trailing.index);
  }

  let multiplier = 1;
  const magnitude = TRAILING_MAGNITUDE.exec(text);
  if (magnitude?.[1] && magnitude[2]) {
    const word = magnitude[2].toLowerCase();
    const factor = isMagnitude(word) ? MAGNITUDES[word] : undefined;
    if (factor === undefined) return { ok: false, issue: 'malformed' };
    multiplier = factor;
    text = magnitude[1];
  }

  const number = parseLocaleNumber(text, locale, {
    maxDecimals: multiplier === 1 ? maxDecimals : DECIMALS_BEFORE_MAGNITUDE,
  });
  if (!number.ok) return number;
  const scale = 10 ** maxDecimals;
  const value = Math.round(number.value * multiplier * scale) / scale;
  if (!Number.isSafeInteger(Math.round(value * scale))) return { ok: false, issue: 'too-large' };
  return currency === undefined ? { ok: true, value } : { ok: true, value, currency };
}
