const HONORIFICS = new Set(['dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'prof', 'prof.', 'mx', 'mx.']);

/** Collapses whitespace (including zero-width and bidi marks a page may carry) and trims. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name someone is greeted by: the first word that is not an honorific. Names are kept
 * as written otherwise (no case changes; "María José" gives "María").
 */
export function firstNameOf(fullName: string): string {
  const words = cleanText(fullName).split(' ').filter(Boolean);
  const first = words.find((word) => !HONORIFICS.has(word.toLowerCase()));
  return first ?? words[0] ?? '';
}
