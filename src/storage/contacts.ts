import type { Contact, Relationship } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import { emailKey, emailKeysOf, linkedinKey, namesAgree, pairKey, survivorOf } from '../shared/same-person.ts';
import type { IDBPObjectStore } from 'idb';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
import { MERGE_STORES, mergeContactsIn, type MergeTx } from './merge-contacts.ts';
import type { GapCloserSchema, StoreName } from './schema.ts';

export interface ContactInput {
  fullName: string;
  firstName?: string;
  headline?: string;
  company?: string;
  email?: string;
  linkedinUrl?: string;
}

/**
 * Finds the contact by LinkedIn URL (else email, any of its addresses, written alike) and
 * refreshes what the page shows now, or creates it. When the profile names one contact and the
 * address another, they are one person: merged, in the same transaction. Relationship and notes
 * are the user's and are never overwritten from a page; `choice` is the user's own edit, written
 * in the same transaction (all or nothing).
 */
export async function upsertContact(
  db: Db,
  input: ContactInput,
  now = Date.now(),
  choice: { relationship?: Relationship } = {},
): Promise<Contact> {
  const tx = db.transaction(MERGE_STORES, 'readwrite') as unknown as MergeTx;
  try {
    const contact = await upsertContactIn(tx.objectStore('contacts'), input, now, choice, tx);
    await tx.done;
    return contact;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

type ContactStore<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPObjectStore<
  GapCloserSchema,
  ArrayLike<StoreName>,
  'contacts',
  Mode
>;

/** The contact with this profile, however the URL is written (`www.`, locale path, query, case). */
export async function contactByLinkedinIn(store: ContactStore, url: string): Promise<Contact | undefined> {
  const exact = await store.index('byLinkedinUrl').get(url);
  const key = linkedinKey(url);
  if (exact || !key) return exact;
  const slug = key.slice(key.indexOf('/in/') + 4);
  for (const variant of new Set([
    `https://www.linkedin.com/in/${slug}/`,
    `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`,
  ])) {
    if (variant === url) continue;
    const found = await store.index('byLinkedinUrl').get(variant);
    if (found) return found;
  }
  return undefined;
}

/** The contact with this address as its main one or one kept from a merge, in any letter case. */
export async function contactByEmailIn(store: ContactStore, email: string): Promise<Contact | undefined> {
  for (const variant of new Set([email, emailKey(email) ?? email])) {
    const found = (await store.index('byEmail').get(variant)) ?? (await store.index('byOtherEmail').get(variant));
    if (found) return found;
  }
  return undefined;
}

/** The contact with this address, in its own read. */
export async function contactByEmail(db: Db, email: string): Promise<Contact | undefined> {
  const tx = db.transaction('contacts');
  return contactByEmailIn(tx.store, email);
}

/** The contact with this profile, in its own read. */
export async function contactByLinkedin(db: Db, url: string): Promise<Contact | undefined> {
  const tx = db.transaction('contacts');
  return contactByLinkedinIn(tx.store, url);
}

/**
 * The upsert inside a caller's transaction, so it commits or fails with the caller's writes.
 * With `mergeTx` (holding `MERGE_STORES`), a profile and an address naming two contacts merge them.
 */
export async function upsertContactIn(
  store: ContactStore<'readwrite'>,
  input: ContactInput,
  now: number,
  choice: { relationship?: Relationship } = {},
  mergeTx?: MergeTx,
): Promise<Contact> {
  const byProfile = input.linkedinUrl ? await contactByLinkedinIn(store, input.linkedinUrl) : undefined;
  const byAddress = input.email ? await contactByEmailIn(store, input.email) : undefined;
  let existing = byProfile ?? byAddress;
  // The profile's person and the address's: one person unless their names say otherwise (a shared mailbox).
  const onePerson = byProfile && byAddress && namesAgree(byProfile.fullName, byAddress.fullName);
  if (mergeTx && byProfile && byAddress && byProfile.id !== byAddress.id && onePerson) {
    const refused = await mergeTx.objectStore('settings').get('notSamePerson');
    const pairs = refused?.key === 'notSamePerson' ? refused.value.pairs : [];
    if (!pairs.includes(pairKey(byProfile.id, byAddress.id))) {
      const [keep, drop] = survivorOf(byProfile, byAddress);
      existing = (await mergeContactsIn(mergeTx, keep.id, drop.id, 'email', now)).contact;
    }
  }
  const fromPage = {
    fullName: input.fullName,
    firstName: input.firstName || firstNameOf(input.fullName),
    ...(input.headline ? { headline: input.headline } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.linkedinUrl ? { linkedinUrl: input.linkedinUrl } : {}),
    ...(choice.relationship ? { relationship: choice.relationship } : {}),
  };
  // An address the contact has already (in any case, or among its others) is not a new main one;
  // a new address beside a known one is kept as another, never replacing it.
  const addressKey = emailKey(input.email);
  if (existing?.email && addressKey) {
    fromPage.email = existing.email;
    const known = emailKeysOf(existing);
    if (!known.includes(addressKey)) {
      Object.assign(fromPage, { otherEmails: [...(existing.otherEmails ?? []), addressKey] });
    }
  }
  // A profile URL written another way keeps the stored one (its index entry).
  if (existing?.linkedinUrl && linkedinKey(existing.linkedinUrl) === linkedinKey(input.linkedinUrl))
    fromPage.linkedinUrl = existing.linkedinUrl;
  const contact: Contact = existing
    ? { ...existing, ...fromPage, updatedAt: now }
    : { id: crypto.randomUUID(), ...fromPage, createdAt: now, updatedAt: now };
  await store.put(contact);
  return contact;
}

export function getContact(db: Db, id: string): Promise<Contact | undefined> {
  return db.get('contacts', id);
}

/** The relationship is the user's choice, so only this call changes it. */
export async function setRelationship(db: Db, id: string, relationship: Relationship, now = Date.now()): Promise<void> {
  const tx = db.transaction('contacts', 'readwrite');
  const contact = await tx.store.get(id);
  if (!contact) throw new Error('That contact no longer exists.');
  await tx.store.put({ ...contact, relationship, updatedAt: now });
  await tx.done;
}
