import { cleanText } from './names.ts';

/** One recipient as a compose window shows it: the address, and the name when there is one. */
export interface Address {
  email: string;
  name?: string;
}

// Deliberately plain: one "@", no spaces or angle brackets, a dot in the domain.
const EMAIL = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;
const EMAIL_IN_TEXT = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

/** The first address found anywhere in a text (a title, an aria-label), lower-cased; or null. */
export function emailIn(text: string): string | null {
  const match = EMAIL_IN_TEXT.exec(text);
  return match && isEmailAddress(match[0]) ? match[0].toLowerCase() : null;
}

/**
 * Parses what a recipient field holds as text: `Jane Doe <jane@x.com>, "Doe, John" <john@y.org>,
 * bob@z.net`. Entries without a valid address are skipped.
 */
export function parseAddressList(text: string): Address[] {
  const result: Address[] = [];
  const entry = /\s*(?:"([^"]*)"|([^,;<"]*?))\s*<([^>]*)>|([^,;\s]+@[^,;\s]+)/g;
  for (const match of text.matchAll(entry)) {
    const email = cleanText(match[3] ?? match[4] ?? '').toLowerCase();
    if (!isEmailAddress(email)) continue;
    const name = cleanText(match[1] ?? match[2] ?? '');
    result.push(name && name.toLowerCase() !== email ? { email, name } : { email });
  }
  return result;
}

/** Shared mailboxes nobody is greeted by. */
const ROLE_MAILBOXES = new Set([
  'info',
  'hello',
  'hi',
  'contact',
  'sales',
  'support',
  'team',
  'office',
  'admin',
  'mail',
  'help',
  'hr',
  'jobs',
  'billing',
  'noreply',
  'no-reply',
]);

/**
 * A first name guessed from an address, only where it is clearly one: `jane.doe@…` → "Jane",
 * `maría_josé@…` → "María". Undefined for `jdoe@…`, `info@…` or digits: a visible
 * `{{firstName}}` gap is better than greeting someone by a wrong name.
 */
export function firstNameFromAddress(email: string): string | undefined {
  const local = email.split('@')[0]?.split('+')[0] ?? '';
  if (ROLE_MAILBOXES.has(local.toLowerCase())) return undefined;
  const parts = local.split(/[._-]+/).filter(Boolean);
  const first = parts[0];
  if (parts.length < 2 || !first || first.length < 2 || !/^\p{L}+$/u.test(first)) return undefined;
  return first.charAt(0).toLocaleUpperCase() + first.slice(1).toLocaleLowerCase();
}

/**
 * The name to greet a recipient by: from the display name ("Doe, Jane" is read as Jane Doe),
 * else from the address; undefined when neither says it clearly.
 */
export function recipientFirstName(name: string | undefined, email: string): string | undefined {
  const display = cleanText(name ?? '');
  if (display && !display.includes('@')) {
    const [last, first] = display.split(/\s*,\s*/);
    const words = (first ? first : (last ?? '')).split(' ').filter(Boolean);
    const honorific = /^(dr|mr|mrs|ms|prof|mx)\.?$/i;
    const word = words.find((candidate) => !honorific.test(candidate));
    if (word) return word;
  }
  return firstNameFromAddress(email);
}
