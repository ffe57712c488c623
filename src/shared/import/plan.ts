import type { Deal } from '../deals.ts';
import type { Contact } from '../model.ts';
import { firstNameOf } from '../names.ts';
import { linkedinKey } from '../same-person.ts';
import type { PersonRef } from './values.ts';
import type { ContactCandidate, DealCandidate, LeftOut } from './records.ts';

/**
 * What an import will do, worked out before anything is written: each row matched against the
 * book (and against the rows before it), and only records that would change are written. That
 * is what makes importing the same file twice change nothing.
 */

export interface StoreChanges<T> {
  added: T[];
  changed: T[];
  /** Rows whose record is already stored exactly so. */
  unchanged: number;
}

export interface ImportPlan {
  contacts: StoreChanges<Contact>;
  deals: StoreChanges<Deal>;
  leftOut: LeftOut[];
  /** Rows that will be imported (every row not left out). */
  ready: number;
  /** Rows repeating a person or deal of an earlier row, merged into it. */
  merged: number;
}

export interface Book {
  contacts: readonly Contact[];
  deals: readonly Deal[];
}

type NewId = () => string;

const lower = (text: string) => text.trim().toLowerCase();
/** Without email or profile URL (LinkedIn exports 2021–2022), a person is their name at their company. */
const nameKey = (name: string, company?: string) => `${lower(name)}|${lower(company ?? '')}`;

function sameRecord(a: object, b: object): boolean {
  const keysA = Object.keys(a).filter((key) => key !== 'updatedAt');
  const keysB = Object.keys(b).filter((key) => key !== 'updatedAt');
  if (keysA.length !== keysB.length) return false;
  const other = b as Record<string, unknown>;
  return keysA.every((key) => JSON.stringify((a as Record<string, unknown>)[key]) === JSON.stringify(other[key]));
}

/** The contacts of the book, findable by profile URL, email, name at company and name alone. */
class ContactIndex {
  private readonly byUrl = new Map<string, Contact>();
  private readonly byEmail = new Map<string, Contact>();
  private readonly byNameCompany = new Map<string, Contact>();
  private readonly byName = new Map<string, Contact | null>();

  constructor(contacts: readonly Contact[]) {
    for (const contact of contacts) this.add(contact);
  }

  add(contact: Contact): void {
    const profile = linkedinKey(contact.linkedinUrl);
    if (profile) this.byUrl.set(profile, contact);
    if (contact.email) this.byEmail.set(lower(contact.email), contact);
    this.byNameCompany.set(nameKey(contact.fullName, contact.company), contact);
    const name = lower(contact.fullName);
    const known = this.byName.get(name);
    // A name two people share identifies neither.
    this.byName.set(name, known === undefined || known?.id === contact.id ? contact : null);
  }

  match(input: { fullName: string; company?: string; email?: string; linkedinUrl?: string }): Contact | undefined {
    const profile = linkedinKey(input.linkedinUrl);
    if (profile) {
      const found = this.byUrl.get(profile);
      if (found) return found;
    }
    if (input.email) {
      const found = this.byEmail.get(lower(input.email));
      if (found) return found;
    }
    const found = this.byNameCompany.get(nameKey(input.fullName, input.company));
    // The same name and company, unless their profile or address says it is someone else.
    if (!found) return undefined;
    if (profile && found.linkedinUrl && linkedinKey(found.linkedinUrl) !== profile) return undefined;
    if (input.email && found.email && lower(found.email) !== lower(input.email)) return undefined;
    return found;
  }

  /** A person a deal names: by email, else by a name only one contact has. */
  person(ref: PersonRef): Contact | undefined {
    if (ref.email) {
      const found = this.byEmail.get(ref.email);
      if (found) return found;
    }
    return ref.name ? (this.byName.get(lower(ref.name)) ?? undefined) : undefined;
  }
}

/** Collects the records to write, once each, remembering which were in the book before. */
class Pending<T extends { id: string }> {
  readonly records = new Map<string, T>();
  constructor(private readonly stored: ReadonlyMap<string, T>) {}

  set(record: T): void {
    this.records.set(record.id, record);
  }
  current(id: string): T | undefined {
    return this.records.get(id) ?? this.stored.get(id);
  }
  changes(): StoreChanges<T> & { touched: number } {
    const added: T[] = [];
    const changed: T[] = [];
    let unchanged = 0;
    for (const record of this.records.values()) {
      const before = this.stored.get(record.id);
      if (!before) added.push(record);
      // The merges hand back the stored record itself when the file changes nothing in it.
      else if (before === record) unchanged++;
      else changed.push(record);
    }
    return { added, changed, unchanged, touched: this.records.size };
  }
}

/** The contact a row stands for: the stored one with what the file says, or a new one. */
function mergeContact(existing: Contact | undefined, row: ContactCandidate, now: number, newId: NewId): Contact {
  const { row: _row, lastActivityAt, relationship, notes, ...fields } = row;
  if (!existing) {
    return {
      id: newId(),
      ...fields,
      ...(relationship ? { relationship } : {}),
      ...(notes ? { notes } : {}),
      ...(lastActivityAt !== undefined ? { lastActivityAt } : {}),
      createdAt: now,
      updatedAt: now,
    };
  }
  const merged: Contact = { ...existing, ...fields };
  // The relationship and notes are the user's: the file fills them only when empty.
  if (relationship && !existing.relationship) merged.relationship = relationship;
  if (notes && !existing.notes) merged.notes = notes;
  if (lastActivityAt !== undefined) merged.lastActivityAt = Math.max(existing.lastActivityAt ?? 0, lastActivityAt);
  // The file's first name only when it gave one; a derived one would undo the user's edit.
  if (!row.firstName) merged.firstName = existing.firstName;
  return sameRecord(existing, merged) ? existing : { ...merged, updatedAt: now };
}

export function planContactImport(
  book: Book,
  rows: readonly ContactCandidate[],
  leftOut: readonly LeftOut[],
  now: number,
  newId: NewId = () => crypto.randomUUID(),
): ImportPlan {
  const index = new ContactIndex(book.contacts);
  const contacts = new Pending(new Map(book.contacts.map((c) => [c.id, c])));
  let merged = 0;
  for (const row of rows) {
    const match = index.match(row);
    const existing = match ? contacts.current(match.id) : undefined;
    if (existing && contacts.records.has(existing.id)) merged++;
    const contact = mergeContact(existing, row, now, newId);
    contacts.set(contact);
    index.add(contact);
  }
  const { touched: _t, ...contactChanges } = contacts.changes();
  return {
    contacts: contactChanges,
    deals: { added: [], changed: [], unchanged: 0 },
    leftOut: [...leftOut],
    ready: rows.length,
    merged,
  };
}

const slug = (text: string) => lower(text).replace(/\s+/g, ' ');

/** Stable across re-imports: the CRM's record id, else the deal's name at its company. */
export function dealIdOf(source: Deal['source'], row: Pick<DealCandidate, 'recordId' | 'name' | 'company'>): string {
  return row.recordId ? `${source}:${row.recordId}` : `${source}:name:${slug(row.name)}|${slug(row.company ?? '')}`;
}

export function planDealImport(
  book: Book,
  source: Deal['source'],
  rows: readonly DealCandidate[],
  leftOut: readonly LeftOut[],
  now: number,
  newId: NewId = () => crypto.randomUUID(),
): ImportPlan {
  const index = new ContactIndex(book.contacts);
  const contacts = new Pending(new Map(book.contacts.map((c) => [c.id, c])));
  const deals = new Pending(new Map(book.deals.map((d) => [d.id, d])));
  let merged = 0;
  for (const row of rows) {
    const contactIds: string[] = [];
    for (const ref of row.people) {
      let person = index.person(ref);
      // Someone the book does not know yet, named by the deal: added as a contact.
      if (!person && ref.name) {
        person = {
          id: newId(),
          fullName: ref.name,
          firstName: firstNameOf(ref.name),
          ...(ref.email ? { email: ref.email } : {}),
          ...(row.company ? { company: row.company } : {}),
          createdAt: now,
          updatedAt: now,
        };
        contacts.set(person);
        index.add(person);
      }
      if (person && !contactIds.includes(person.id)) contactIds.push(person.id);
    }
    const id = dealIdOf(source, row);
    const existing = deals.current(id);
    if (existing && deals.records.has(id)) merged++;
    const { row: _row, recordId: _recordId, people: _people, ...fields } = row;
    const base: Deal = existing
      ? {
          ...existing,
          ...fields,
          contactIds: [...new Set([...existing.contactIds, ...contactIds])],
          ...(existing.lastActivityAt !== undefined || fields.lastActivityAt !== undefined
            ? { lastActivityAt: Math.max(existing.lastActivityAt ?? 0, fields.lastActivityAt ?? 0) }
            : {}),
        }
      : { id, ...fields, contactIds, source, createdAt: now, updatedAt: now };
    if (existing) {
      // A win keeps the day it was first recorded; a deal no longer won has none.
      if (base.state === 'won' && existing.wonAt !== undefined) base.wonAt = existing.wonAt;
      if (base.state !== 'won') delete base.wonAt;
    }
    deals.set(existing && sameRecord(existing, base) ? existing : { ...base, updatedAt: now });
  }
  const { touched: _c, ...contactChanges } = contacts.changes();
  const { touched: _d, ...dealChanges } = deals.changes();
  return { contacts: contactChanges, deals: dealChanges, leftOut: [...leftOut], ready: rows.length, merged };
}

/** The book's contacts as they will be once the plan is written: changed ones replaced, new ones added. */
export function contactsAfterImport(book: Book, plan: ImportPlan): Contact[] {
  const changed = new Map(plan.contacts.changed.map((contact) => [contact.id, contact]));
  return [...book.contacts.map((contact) => changed.get(contact.id) ?? contact), ...plan.contacts.added];
}
