import type { Contact } from './model.ts';

/**
 * Whether two contacts are one person. An identifier both share (the LinkedIn profile, an email
 * address) says so for certain: those are merged without asking. A name that reads the same
 * once written alike ("Jürgen Müller" / "Juergen Mueller", "Lee, Jordan" / "Jordan Lee") with a
 * company or mail domain to back it only suggests it: the user confirms. Pure: no browser APIs.
 */

/** `linkedin.com/in/<slug>` in lower case: scheme, `www.`/country subdomain, locale subpath, query and slash dropped. */
export function linkedinKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)?linkedin\.com\/in\/([^/?#\s]+)/i.exec(url.trim());
  if (!match?.[1]) return undefined;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A broken escape: the slug as written.
  }
  return `linkedin.com/in/${slug.normalize('NFC').toLowerCase()}`;
}

/** An address in lower case (local part and domain), without a `mailto:`; undefined when it is none. */
export function emailKey(email: string | undefined): string | undefined {
  const value = email
    ?.trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return value && /^[^\s@]+@[^\s@]+$/.test(value) ? value : undefined;
}

/** Every address of a contact: the main one and those kept from merged records. */
export function emailKeysOf(contact: Pick<Contact, 'email' | 'otherEmails'>): string[] {
  const keys = [contact.email, ...(contact.otherEmails ?? [])].map(emailKey);
  return [...new Set(keys.filter((key): key is string => key !== undefined))];
}

const GERMAN_LETTERS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o' };

/** Lower case and Latin letters only; `transliterate` writes ä as "ae" (German), else as "a". */
function fold(text: string, transliterate: boolean): string {
  const lower = text.toLowerCase();
  // Most names are plain ASCII: no letters to spell out or accents to drop (and 20,000 names fold fast).
  if (/^[\x20-\x7e]*$/.test(lower)) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  const spelled = transliterate ? lower.replace(/[äöüßæœø]/g, (letter) => GERMAN_LETTERS[letter] ?? letter) : lower;
  return spelled
    .replace(/[ßæœø]/g, (letter) => GERMAN_LETTERS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Words around a name that are not the name: honorifics, generational suffixes, degrees.
const NOT_NAME = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'herr',
  'frau',
  'jr',
  'sr',
  'ii',
  'iii',
  'phd',
  'mba',
  'msc',
  'bsc',
  'cpa',
  'pmp',
  'dipl',
  'ing',
]);

/**
 * The ways a name may be written, each as its words sorted (so "Lee, Jordan" = "Jordan Lee"),
 * without honorifics, degrees, initials and bracketed pronouns. Empty for a one-word name or an
 * address used as a name: neither says who someone is.
 */
export function nameKeys(fullName: string): string[] {
  if (fullName.includes('@')) return [];
  const plain = fullName.replace(/\([^)]*\)/g, ' ');
  const keys = new Set<string>();
  // Written with ä as "ae" (German) and as "a": a name spelled either way shares a key.
  const ascii = /^[\x20-\x7e]*$/.test(plain);
  for (const transliterate of ascii ? [true] : [true, false]) {
    const words = fold(plain, transliterate)
      .split(' ')
      .filter((word) => word.length > 1 && !NOT_NAME.has(word));
    if (words.length >= 2) keys.add([...new Set(words)].sort().join(' '));
  }
  return [...keys];
}

// Legal forms and filler words a company name is written with or without.
const COMPANY_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'se',
  'sa',
  'sas',
  'sarl',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'spa',
  'srl',
  'pty',
  'ug',
  'ev',
  'the',
  'und',
  'and',
  'group',
  'gruppe',
  'holding',
  'holdings',
]);

/** A company's name without its legal form, spaces or punctuation: "ACME Robotics GmbH & Co. KG" → "acmerobotics". */
export function companyKey(company: string | undefined): string | undefined {
  if (!company) return undefined;
  const words = fold(company, true)
    .split(' ')
    .filter((word) => word && !COMPANY_FORMS.has(word));
  const key = words.join('');
  return key.length >= 2 ? key : undefined;
}

// Mailbox providers: an address there says nothing about where someone works.
const FREE_MAIL = new Set([
  'gmail',
  'googlemail',
  'outlook',
  'hotmail',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'icloud',
  'me',
  'mac',
  'aol',
  'proton',
  'protonmail',
  'pm',
  'gmx',
  'web',
  't-online',
  'freenet',
  'posteo',
  'mailbox',
  'fastmail',
  'zoho',
  'yandex',
  'mail',
]);

// The last labels a domain ends with that are not the organisation's name.
const SUFFIX_LABELS = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu']);

/** The organisation a work address names: "j.lee@mail.acme-robotics.co.uk" → "acmerobotics"; undefined for free mail. */
export function emailCompanyKey(email: string | undefined): string | undefined {
  const domain = emailKey(email)?.split('@')[1];
  if (!domain) return undefined;
  const labels = domain.split('.');
  labels.pop(); // the top-level domain
  while (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1] ?? '')) labels.pop();
  const label = labels[labels.length - 1];
  if (!label || FREE_MAIL.has(label)) return undefined;
  return companyKey(label.replace(/-/g, ' '));
}

/** One company key names the other: equal, or one begins with the other ("acme" / "acmerobotics"). */
function sameCompany(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

export type MatchReason = 'linkedin' | 'email' | 'name-company' | 'name-email-domain' | 'name-only';

/** `same`: an identifier both share (merged without asking); `likely`: the user is asked. */
export type PersonMatch = { kind: 'same'; reason: 'linkedin' | 'email' } | { kind: 'likely'; reason: MatchReason };

type Person = Pick<Contact, 'fullName' | 'company' | 'email' | 'otherEmails' | 'linkedinUrl'>;

/** What the comparison reads of a person, worked out once per record (a book compares each many times). */
interface Traits {
  linkedin: string | undefined;
  emails: string[];
  /** The rest is worked out when first compared by name (an identifiers-only pass never is). */
  names?: string[];
  company?: string | undefined;
  /** The company and the organisations of the work addresses. */
  workplaces?: string[];
}

const TRAITS = new WeakMap<Person, Traits>();

function traitsOf(person: Person): Traits {
  let traits = TRAITS.get(person);
  if (!traits) {
    traits = { linkedin: linkedinKey(person.linkedinUrl), emails: emailKeysOf(person) };
    TRAITS.set(person, traits);
  }
  return traits;
}

function namesOf(person: Person, traits: Traits): string[] {
  traits.names ??= nameKeys(person.fullName);
  return traits.names;
}

function workOf(person: Person, traits: Traits): { company: string | undefined; workplaces: string[] } {
  if (!traits.workplaces) {
    traits.company = companyKey(person.company);
    traits.workplaces = [traits.company, ...traits.emails.map(emailCompanyKey)].filter(
      (key): key is string => key !== undefined,
    );
  }
  return { company: traits.company, workplaces: traits.workplaces };
}

/**
 * Whether two names may be one person's: they share a key, or one is no name to go by (one word,
 * an address, initials) — "J. Lee" and "jordan@acme.com" contradict nobody.
 */
export function namesAgree(a: string, b: string): boolean {
  const keysA = nameKeys(a);
  const keysB = nameKeys(b);
  return !keysA.length || !keysB.length || keysA.some((key) => keysB.includes(key));
}

/** Whether `a` and `b` are one person, may be, or (undefined) nothing says so. */
export function matchPeople(a: Person, b: Person): PersonMatch | undefined {
  const x = traitsOf(a);
  const y = traitsOf(b);
  // One person has one profile: two different profiles are two people, whatever else matches.
  if (x.linkedin && y.linkedin) return x.linkedin === y.linkedin ? { kind: 'same', reason: 'linkedin' } : undefined;
  // A shared address (a team mailbox, a couple's) is one person only if the names agree.
  if (x.emails.some((key) => y.emails.includes(key)))
    return namesAgree(a.fullName, b.fullName) ? { kind: 'same', reason: 'email' } : { kind: 'likely', reason: 'email' };

  const namesY = namesOf(b, y);
  if (!namesOf(a, x).some((key) => namesY.includes(key))) return undefined;
  const workA = workOf(a, x);
  const workB = workOf(b, y);
  if (workA.company && workB.company)
    return sameCompany(workA.company, workB.company) ? { kind: 'likely', reason: 'name-company' } : undefined;
  if (workA.workplaces.some((one) => workB.workplaces.some((other) => sameCompany(one, other))))
    return { kind: 'likely', reason: workA.company || workB.company ? 'name-email-domain' : 'name-company' };
  // Both name a workplace and they differ: namesakes.
  if (workA.workplaces.length && workB.workplaces.length) return undefined;
  // The same name, one known from LinkedIn and the other from email: worth asking.
  const channelsDiffer = (x.linkedin && !y.linkedin) || (y.linkedin && !x.linkedin);
  return channelsDiffer ? { kind: 'likely', reason: 'name-only' } : undefined;
}

/** A pair of contact ids in a stable order, as refusals are remembered. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface SamePersonPair {
  /** The contact that stays when they are merged (`survivorOf`). */
  a: Contact;
  b: Contact;
  match: PersonMatch;
}

/**
 * Every pair of the book that is or may be one person, except pairs the user said are not.
 * Only contacts sharing an identifier or a name are compared: linear in the book's size.
 */
export function findSamePeople(
  contacts: readonly Contact[],
  refused: ReadonlySet<string> = new Set(),
  /** Only pairs sharing an identifier (after an import: cheaper, and nothing to ask). */
  options: { identifiersOnly?: boolean } = {},
): SamePersonPair[] {
  const groups = new Map<string, Contact[]>();
  const add = (key: string | undefined, contact: Contact) => {
    if (!key) return;
    const group = groups.get(key);
    if (group) group.push(contact);
    else groups.set(key, [contact]);
  };
  for (const contact of contacts) {
    const traits = traitsOf(contact);
    if (traits.linkedin) add(`l:${traits.linkedin}`, contact);
    for (const key of traits.emails) add(`e:${key}`, contact);
    if (!options.identifiersOnly) for (const key of namesOf(contact, traits)) add(`n:${key}`, contact);
  }
  const seen = new Set<string>();
  const pairs: SamePersonPair[] = [];
  for (const group of groups.values()) {
    // A name dozens share (a common name in a large book) is no lead to anyone.
    if (group.length < 2 || group.length > 20) continue;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i] as Contact;
        const b = group[j] as Contact;
        const key = pairKey(a.id, b.id);
        if (a.id === b.id || seen.has(key)) continue;
        seen.add(key);
        if (refused.has(key)) continue;
        const match = matchPeople(a, b);
        // The one that would stay first: "merge b into a".
        const [keep, drop] = survivorOf(a, b);
        if (match) pairs.push({ a: keep, b: drop, match });
      }
    }
  }
  return pairs;
}

function isAddress(name: string): boolean {
  return name.includes('@');
}

/**
 * The one record two contacts become, kept under `keep`'s id: every field either had (fields of
 * later versions too), the fuller name, the user's relationship, both notes, every address and the
 * profile; the earliest creation and connection, the latest activity.
 */
export function mergedContact(keep: Contact, drop: Contact, now: number): Contact {
  const merged: Contact = { ...drop, ...keep, id: keep.id, updatedAt: now };
  const dropNameBetter =
    (isAddress(keep.fullName) && !isAddress(drop.fullName)) ||
    (!isAddress(drop.fullName) && drop.fullName.trim().split(/\s+/).length > keep.fullName.trim().split(/\s+/).length);
  if (dropNameBetter) {
    merged.fullName = drop.fullName;
    merged.firstName = drop.firstName;
  }
  for (const field of ['headline', 'company', 'linkedinUrl', 'email'] as const) {
    const value = keep[field] || drop[field];
    if (value) merged[field] = value;
  }
  // A relationship the user chose wins over "other".
  const relationship =
    keep.relationship && keep.relationship !== 'other' ? keep.relationship : (drop.relationship ?? keep.relationship);
  if (relationship) merged.relationship = relationship;
  const notes = [keep.notes?.trim(), drop.notes?.trim()].filter((note): note is string => !!note);
  const distinctNotes = [...new Set(notes)];
  if (distinctNotes.length) merged.notes = distinctNotes.join('\n\n');
  const mainEmail = emailKey(merged.email);
  const others = [keep.email, ...(keep.otherEmails ?? []), drop.email, ...(drop.otherEmails ?? [])]
    .map(emailKey)
    .filter((key): key is string => key !== undefined && key !== mainEmail);
  if (others.length) merged.otherEmails = [...new Set(others)];
  else delete merged.otherEmails;
  merged.createdAt = Math.min(keep.createdAt, drop.createdAt);
  const connected = [keep.connectedOn, drop.connectedOn].filter((day): day is string => !!day).sort()[0];
  if (connected) merged.connectedOn = connected;
  const activity = Math.max(keep.lastActivityAt ?? -1, drop.lastActivityAt ?? -1);
  if (activity >= 0) merged.lastActivityAt = activity;
  return merged;
}

/** Which of two records stays: the one from LinkedIn, else the older one (its id is in more places). */
export function survivorOf(a: Contact, b: Contact): [keep: Contact, drop: Contact] {
  if (a.linkedinUrl && !b.linkedinUrl) return [a, b];
  if (b.linkedinUrl && !a.linkedinUrl) return [b, a];
  return a.createdAt <= b.createdAt ? [a, b] : [b, a];
}
