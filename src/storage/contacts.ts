import type { Contact, Relationship } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import type { Db } from './db.ts';

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
 * creates it. Relationship and notes are the user's and are never overwritten from a page.
 */
export async function upsertContact(db: Db, input: ContactInput, now = Date.now()): Promise<Contact> {
  const tx = db.transaction('contacts', 'readwrite');
  const existing =
    (input.linkedinUrl ? await tx.store.index('byLinkedinUrl').get(input.linkedinUrl) : undefined) ??
    (input.email ? await tx.store.index('byEmail').get(input.email) : undefined);
  const fromPage = {
    fullName: input.fullName,
    firstName: input.firstName || firstNameOf(input.fullName),
    ...(input.headline ? { headline: input.headline } : {}),
    ...(input.company ? { company: input.company } : {}),
    ...(input.email ? { email: input.email } : {}),
    ...(input.linkedinUrl ? { linkedinUrl: input.linkedinUrl } : {}),
  };
  const contact: Contact = existing
    ? { ...existing, ...fromPage, updatedAt: now }
    : { id: crypto.randomUUID(), ...fromPage, createdAt: now, updatedAt: now };
  await tx.store.put(contact);
  await tx.done;
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
