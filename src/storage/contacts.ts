import type { Contact, Relationship } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import type { IDBPObjectStore } from 'idb';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
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
 * Finds the contact by LinkedIn URL (else email) and refreshes what the page shows now, or
 * creates it. Relationship and notes are the user's and are never overwritten from a page;
 * `choice` is the user's own edit, written in the same transaction (all or nothing).
 */
export async function upsertContact(
  db: Db,
  input: ContactInput,
  now = Date.now(),
  choice: { relationship?: Relationship } = {},
): Promise<Contact> {
  const tx = db.transaction('contacts', 'readwrite');
  try {
    const contact = await upsertContactIn(tx.store, input, now, choice);
    await tx.done;
    return contact;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

type ContactStore = IDBPObjectStore<GapCloserSchema, StoreName[], 'contacts', 'readwrite'>;

/** The upsert inside a caller's transaction, so it commits or fails with the caller's writes. */
export async function upsertContactIn(
  store: ContactStore,
  input: ContactInput,
  now: number,
  choice: { relationship?: Relationship } = {},
): Promise<Contact> {
  const existing =
    (input.linkedinUrl ? await store.index('byLinkedinUrl').get(input.linkedinUrl) : undefined) ??
    (input.email ? await store.index('byEmail').get(input.email) : undefined);
  const fromPage = {
    fullName: input.fullName,
    firstName: input.firstName || firstNameOf(input.fullName),
    ...(input.headline ? { headline: input.headline } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.linkedinUrl ? { linkedinUrl: input.linkedinUrl } : {}),
    ...(choice.relationship ? { relationship: choice.relationship } : {}),
  };
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
