import type { ContactInput } from './contacts.ts';
import type { Contact, Outcome, Outreach, Relationship, Template } from '../shared/model.ts';
import { archivedRecords, everyOutreach, outreachForUpdate, takeFromArchive } from './archive.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
import { recordOutreachOutcome } from './follow-through.ts';

/** The dashboard's edits: one outreach's outcome and follow-up, deletions, contacts, templates. */

/** Every outreach record, recent and archived, oldest first. */
export function allOutreach(db: Db): Promise<Outreach[]> {
  return everyOutreach(db);
}

/** The record as stored now, recent or archived (the archive is searched only when needed). */
async function outreachToEdit(db: Db, id: string): Promise<Outreach> {
  const tx = db.transaction(['outreach', 'archive']);
  const record =
    (await tx.objectStore('outreach').get(id)) ??
    (await archivedRecords(tx.objectStore('archive'))).find((candidate) => candidate.id === id);
  await tx.done;
  if (!record) throw new Error('That outreach no longer exists.');
  return record;
}

/**
 * Outreach in the indexed store created since `since`, oldest first: one index range, for the
 * options log's first page (settled records older than a week may be in the archive instead).
 */
export function outreachCreatedSince(db: Db, since: number): Promise<Outreach[]> {
  return db.getAllFromIndex('outreach', 'byCreatedAt', IDBKeyRange.lowerBound(since));
}

export function allContacts(db: Db): Promise<Contact[]> {
  return db.getAll('contacts');
}

export interface OutreachEdit {
  /** `null`: still waiting for an answer. */
  outcome: Outcome | null;
  wonAmount?: number | undefined;
  /** `YYYY-MM-DD`, or undefined for none. */
  followUpOn?: string | undefined;
  /** For "helped-referral": whom they referred (a lead referred by this record's contact). */
  referral?: ContactInput | undefined;
}

/**
 * Saves an outcome (through the one outcome path, which owes or withdraws a thank-you) and the
 * follow-up date. Back to "awaiting" removes the outcome and a thank-you not yet given.
 */
export async function editOutreach(db: Db, id: string, edit: OutreachEdit, now = Date.now()): Promise<void> {
  const record = await outreachToEdit(db, id);
  const outcomeChanged = edit.outcome !== (record.outcome ?? null) || edit.wonAmount !== record.wonAmount;
  if (edit.outcome && outcomeChanged)
    await recordOutreachOutcome(
      db,
      id,
      { outcome: edit.outcome, wonAmount: edit.wonAmount, referral: edit.referral },
      now,
      record,
    );
  const tx = db.transaction(['outreach', 'archive', 'thanks', 'settings'], 'readwrite');
  try {
    // An edited record is recent again: out of the archive, back in the indexed store.
    const current = await outreachForUpdate(tx.objectStore('outreach'), tx.objectStore('archive'), id, record);
    if (!current) throw new Error('That outreach no longer exists.');
    const next: Outreach = { ...current };
    if (!edit.outcome) {
      // The stored conversion counts included this outcome: the next popup recounts them.
      if (current.outcome !== undefined) await tx.objectStore('settings').delete('history');
      delete next.outcome;
      delete next.outcomeAt;
      delete next.wonAmount;
      if (next.kind !== 'thank-you') next.status = 'awaiting';
      const owed = await tx.objectStore('thanks').index('byOutreach').get(id);
      if (owed?.status === 'owed') await tx.objectStore('thanks').delete(owed.id);
    }
    if (edit.followUpOn) next.followUpOn = edit.followUpOn;
    else delete next.followUpOn;
    await tx.objectStore('outreach').put(next);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Deletes one outreach and a thank-you owed for it (and the conversion counts it was part of). */
export async function deleteOutreach(db: Db, id: string): Promise<void> {
  const tx = db.transaction(['outreach', 'archive', 'thanks', 'settings'], 'readwrite');
  try {
    const record = (await tx.objectStore('outreach').get(id)) ?? (await takeFromArchive(tx.objectStore('archive'), id));
    const owed = await tx.objectStore('thanks').index('byOutreach').get(id);
    if (owed) await tx.objectStore('thanks').delete(owed.id);
    // A resolved ask was in the stored conversion counts: the next popup recounts them.
    if (record?.outcome !== undefined) await tx.objectStore('settings').delete('history');
    await tx.objectStore('outreach').delete(id);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** The user's own fields of a contact. */
export async function editContact(
  db: Db,
  id: string,
  edit: { relationship?: Relationship | undefined; notes: string },
  now = Date.now(),
): Promise<void> {
  const tx = db.transaction('contacts', 'readwrite');
  const contact = await tx.store.get(id);
  if (!contact) throw new Error('That contact no longer exists.');
  const next: Contact = { ...contact, updatedAt: now };
  if (edit.relationship) next.relationship = edit.relationship;
  else delete next.relationship;
  if (edit.notes.trim()) next.notes = edit.notes;
  else delete next.notes;
  await tx.store.put(next);
  await tx.done;
}

/** Stores a template; a built-in's id saves an edited copy that replaces it until reset. */
export async function saveTemplate(db: Db, template: Template): Promise<void> {
  await db.put('templates', template);
}

/** Deletes a user template, or an edited copy of a built-in (which brings the built-in back). */
export async function deleteTemplate(db: Db, id: string): Promise<void> {
  await db.delete('templates', id);
}
