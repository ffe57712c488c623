import type { IDBPTransaction } from 'idb';
import type { Contact } from '../shared/model.ts';
import { findSamePeople, mergedContact, pairKey, survivorOf, type SamePersonPair } from '../shared/same-person.ts';
import { reassignArchived } from './archive.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
import type { GapCloserSchema, StoreName } from './schema.ts';

/**
 * One person, one contact: two contacts merged into one in a single transaction, with every
 * record that named the one removed — outreach (recent and archived), thank-yous, favours, deals,
 * other contacts' references (a referrer), the named queue — handed to the one kept. What moved is
 * recorded (settings row `merges`), so the merge can be listed and undone.
 */

/** Every store a merge writes. A caller merging inside its own transaction opens these. */
export const MERGE_STORES = ['contacts', 'outreach', 'archive', 'thanks', 'favours', 'deals', 'settings'] as const;
export type MergeTx = IDBPTransaction<GapCloserSchema, ArrayLike<StoreName>, 'readwrite'>;

/** Why two contacts were merged: an identifier both had, or the user's confirmation of a suggestion. */
export type MergeReason = 'linkedin' | 'email' | 'confirmed';

export interface MergeRecord {
  id: string;
  at: number;
  reason: MergeReason;
  /** The kept contact as it was before. */
  keptBefore: Contact;
  /** The contact merged away, as it was. */
  removed: Contact;
  outreach: string[];
  thanks: string[];
  favours: string[];
  /** Deals that named the removed contact, with their contact list before. */
  deals: { id: string; contactIds: string[] }[];
  /** Other contacts whose field named the removed one (a referrer, `referredBy`). */
  references: { id: string; field: string }[];
}

/** The merges kept for the record and undo: the latest ones. */
const KEPT_MERGES = 50;

async function readMergesIn(tx: MergeTx): Promise<MergeRecord[]> {
  const row = await tx.objectStore('settings').get('merges');
  return row?.key === 'merges' ? row.value.merges : [];
}

async function readRefusedIn(tx: IDBPTransaction<GapCloserSchema, ArrayLike<StoreName>, IDBTransactionMode>) {
  const row = await tx.objectStore('settings').get('notSamePerson');
  return new Set(row?.key === 'notSamePerson' ? row.value.pairs : []);
}

/**
 * Replaces one contact id by another wherever a stored queue row holds it (a line's contact, a
 * line id made from it, a choice keyed by it). Contact ids are random UUIDs: no other text has one.
 */
function replaceId<T>(value: T, from: string, to: string): T {
  return JSON.parse(JSON.stringify(value).split(from).join(to)) as T;
}

/**
 * Merges `dropId` into `keepId` inside the caller's transaction (it must hold `MERGE_STORES`).
 * Returns the merged contact; throws when either is gone or the user said they are two people.
 */
export async function mergeContactsIn(
  tx: MergeTx,
  keepId: string,
  dropId: string,
  reason: MergeReason,
  now: number,
): Promise<{ contact: Contact; record: MergeRecord }> {
  if (keepId === dropId) throw new Error('A contact cannot be merged with itself.');
  const contacts = tx.objectStore('contacts');
  const [keep, drop, refused] = await Promise.all([contacts.get(keepId), contacts.get(dropId), readRefusedIn(tx)]);
  if (!keep || !drop) throw new Error('One of these contacts no longer exists.');
  if (refused.has(pairKey(keepId, dropId))) throw new Error('You said these are two different people.');
  const contact = mergedContact(keep, drop, now);
  const record: MergeRecord = {
    id: crypto.randomUUID(),
    at: now,
    reason,
    keptBefore: keep,
    removed: drop,
    outreach: [],
    thanks: [],
    favours: [],
    deals: [],
    references: [],
  };
  const to = { id: keepId, name: contact.fullName };

  const outreach = tx.objectStore('outreach');
  for (const item of await outreach.index('byContact').getAll(dropId)) {
    await outreach.put({ ...item, contactId: keepId, contactName: contact.fullName });
    record.outreach.push(item.id);
  }
  record.outreach.push(...(await reassignArchived(tx.objectStore('archive'), dropId, to)));

  const thanks = tx.objectStore('thanks');
  for (const item of await thanks.index('byContact').getAll(dropId)) {
    await thanks.put({ ...item, contactId: keepId, contactName: contact.fullName });
    record.thanks.push(item.id);
  }
  const favours = tx.objectStore('favours');
  for (const item of await favours.index('byContact').getAll(dropId)) {
    await favours.put({ ...item, contactId: keepId });
    record.favours.push(item.id);
  }
  const deals = tx.objectStore('deals');
  for (const deal of await deals.index('byContact').getAll(dropId)) {
    const contactIds = [...new Set(deal.contactIds.map((id) => (id === dropId ? keepId : id)))];
    await deals.put({ ...deal, contactIds, updatedAt: now });
    record.deals.push({ id: deal.id, contactIds: deal.contactIds });
  }
  // Any other contact field holding the removed id names that person (a referrer): it follows.
  let cursor = await contacts.openCursor();
  while (cursor) {
    const other = cursor.value;
    if (other.id !== keepId && other.id !== dropId) {
      const fields = Object.entries(other).filter(([, value]) => value === dropId);
      if (fields.length) {
        await cursor.update({ ...other, ...Object.fromEntries(fields.map(([field]) => [field, keepId])) });
        for (const [field] of fields) record.references.push({ id: other.id, field });
      }
    }
    cursor = await cursor.continue();
  }

  await contacts.delete(dropId);
  await contacts.put(contact);
  await moveQueueRows(tx, dropId, keepId);
  const merges = [record, ...(await readMergesIn(tx))].slice(0, KEPT_MERGES);
  await tx.objectStore('settings').put({ key: 'merges', value: { merges } });
  return { contact, record };
}

/** The named queue's rows and the user's choices on its lines follow the person. */
async function moveQueueRows(tx: MergeTx, from: string, to: string): Promise<void> {
  const settings = tx.objectStore('settings');
  for (const key of ['queue', 'queueAll', 'queueState'] as const) {
    const row = await settings.get(key);
    if (row) await settings.put(replaceId(row, from, to));
  }
}

/** Merges two contacts in one transaction: everything or, on any failure, nothing. */
export async function mergeContacts(
  db: Db,
  keepId: string,
  dropId: string,
  reason: MergeReason = 'confirmed',
  now = Date.now(),
): Promise<{ contact: Contact; record: MergeRecord }> {
  const tx = db.transaction(MERGE_STORES, 'readwrite') as unknown as MergeTx;
  try {
    const result = await mergeContactsIn(tx, keepId, dropId, reason, now);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * Undoes a merge: the removed contact back with its own outreach, thank-yous, favours, deals and
 * references; the kept one as it was before the merge. The pair is
 * then remembered as two people, so it is not merged or suggested again.
 */
export async function undoMerge(db: Db, mergeId: string, now = Date.now()): Promise<Contact> {
  const tx = db.transaction(MERGE_STORES, 'readwrite') as unknown as MergeTx;
  try {
    const merges = await readMergesIn(tx);
    const record = merges.find((merge) => merge.id === mergeId);
    if (!record) throw new Error('That merge is no longer on record.');
    const { keptBefore, removed } = record;
    const contacts = tx.objectStore('contacts');
    if (!(await contacts.get(keptBefore.id))) throw new Error(`${keptBefore.fullName} no longer exists.`);
    if (await contacts.get(removed.id)) throw new Error('That merge was already undone.');
    await contacts.put({ ...keptBefore, updatedAt: now });
    await contacts.put({ ...removed, updatedAt: now });

    const back = { id: removed.id, name: removed.fullName };
    const ids = new Set(record.outreach);
    const outreach = tx.objectStore('outreach');
    const archivedIds = new Set(ids);
    for (const id of ids) {
      const item = await outreach.get(id);
      if (item?.contactId !== keptBefore.id) continue;
      await outreach.put({ ...item, contactId: removed.id, contactName: removed.fullName });
      archivedIds.delete(id);
    }
    if (archivedIds.size) await reassignArchived(tx.objectStore('archive'), keptBefore.id, back, archivedIds);
    const thanks = tx.objectStore('thanks');
    for (const id of record.thanks) {
      const item = await thanks.get(id);
      if (item) await thanks.put({ ...item, contactId: removed.id, contactName: removed.fullName });
    }
    const favours = tx.objectStore('favours');
    for (const id of record.favours) {
      const item = await favours.get(id);
      if (item) await favours.put({ ...item, contactId: removed.id });
    }
    const deals = tx.objectStore('deals');
    for (const { id, contactIds } of record.deals) {
      const deal = await deals.get(id);
      if (!deal) continue;
      // The deal's contacts now, with the removed one where it was before.
      const restored = deal.contactIds.filter(
        (contactId) => contactId !== keptBefore.id || contactIds.includes(contactId),
      );
      await deals.put({ ...deal, contactIds: [...new Set([...restored, removed.id])], updatedAt: now });
    }
    for (const { id, field } of record.references) {
      const other = await contacts.get(id);
      if (other && (other as unknown as Record<string, unknown>)[field] === keptBefore.id)
        await contacts.put({ ...other, [field]: removed.id });
    }
    const settings = tx.objectStore('settings');
    await settings.put({ key: 'merges', value: { merges: merges.filter((merge) => merge.id !== mergeId) } });
    const refused = await readRefusedIn(tx);
    refused.add(pairKey(keptBefore.id, removed.id));
    await settings.put({ key: 'notSamePerson', value: { pairs: [...refused] } });
    // The queue is recomputed from the book by the worker; its stored rows would name one person twice.
    await settings.delete('queue');
    await settings.delete('queueAll');
    await tx.done;
    return removed;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** "Not the same person": the pair is never suggested (nor merged by an identifier) again. */
export async function refuseSamePerson(db: Db, a: string, b: string): Promise<void> {
  const tx = db.transaction('settings', 'readwrite');
  try {
    const row = await tx.store.get('notSamePerson');
    const pairs = new Set(row?.key === 'notSamePerson' ? row.value.pairs : []);
    pairs.add(pairKey(a, b));
    await tx.store.put({ key: 'notSamePerson', value: { pairs: [...pairs] } });
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

export async function readRefusals(db: Db): Promise<Set<string>> {
  const row = await db.get('settings', 'notSamePerson');
  return new Set(row?.key === 'notSamePerson' ? row.value.pairs : []);
}

/** The merges on record, newest first. */
export async function readMerges(db: Db): Promise<MergeRecord[]> {
  const row = await db.get('settings', 'merges');
  return row?.key === 'merges' ? row.value.merges : [];
}

/** Pairs of the book that may be one person and wait for the user's word (identifier matches are merged, not asked). */
export async function samePersonSuggestions(db: Db): Promise<SamePersonPair[]> {
  const [contacts, refused] = await Promise.all([db.getAll('contacts'), readRefusals(db)]);
  return findSamePeople(contacts, refused);
}

/**
 * Merges every pair of the book that shares an identifier (after an import, a restore or with
 * records stored before addresses and profile links were compared written alike). One
 * transaction per merge. Returns how many contacts were merged away.
 */
export async function mergeSameIdentifiers(
  db: Db,
  now = Date.now(),
  options: { identifiersOnly?: boolean } = {},
): Promise<number> {
  let merged = 0;
  // A chain (A=B by email, B=C by profile) merges one pair per pass; a book has few such chains.
  for (let pass = 0; pass < 10; pass++) {
    const [contacts, refused] = await Promise.all([db.getAll('contacts'), readRefusals(db)]);
    const gone = new Set<string>();
    let progressed = false;
    for (const { a, b, match } of findSamePeople(contacts, refused, options)) {
      if (match.kind !== 'same' || gone.has(a.id) || gone.has(b.id)) continue;
      const [keep, drop] = survivorOf(a, b);
      await mergeContacts(db, keep.id, drop.id, match.reason, now);
      gone.add(drop.id);
      merged++;
      progressed = true;
    }
    if (!progressed) break;
  }
  return merged;
}
