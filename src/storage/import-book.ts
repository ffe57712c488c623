import { unwrap } from 'idb';
import type { Book, ImportPlan } from '../shared/import/plan.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';

/**
 * The storage side of the contacts-and-deals import: the book read in one snapshot for the plan
 * (shared/import/plan.ts), and the plan's new and changed records written in one transaction —
 * every one or, on any failure, none.
 */

export async function readImportBook(db: Db): Promise<Book> {
  const tx = db.transaction(['contacts', 'deals'], 'readonly');
  const [contacts, deals] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('deals').getAll(),
    tx.done,
  ]);
  return { contacts, deals };
}

export type Progress = (done: number, total: number) => void;

/**
 * Writes the plan's new and changed records and resolves with how many contacts the store holds
 * when the transaction ends (the caller compares it with the book the plan was made against).
 * Every request is queued before this returns its promise: the caller's work until it awaits
 * runs while the database writes.
 */
export async function writeImportPlan(db: Db, plan: ImportPlan, onProgress?: Progress): Promise<number> {
  const contacts = [...plan.contacts.added, ...plan.contacts.changed];
  const deals = [...plan.deals.added, ...plan.deals.changed];
  const total = contacts.length + deals.length;
  // Relaxed: committed when the browser has the data, without waiting for the disk flush.
  const tx = db.transaction(['contacts', 'deals'], 'readwrite', { durability: 'relaxed' });
  const step = Math.max(1, Math.floor(total / 20));
  try {
    // Plain requests, not idb's promise per put: 20,000 promises cost more than the writes. A
    // transaction's requests succeed in order, so only every step-th put reports progress.
    const contactStore = unwrap(tx.objectStore('contacts'));
    const dealStore = unwrap(tx.objectStore('deals'));
    let queued = 0;
    const put = (store: IDBObjectStore, record: unknown) => {
      const request = store.put(record);
      queued++;
      if (onProgress && (queued % step === 0 || queued === total)) {
        const done = queued;
        request.onsuccess = () => onProgress(done, total);
      }
    };
    for (const contact of contacts) put(contactStore, contact);
    for (const deal of deals) put(dealStore, deal);
    const counted = contactStore.count();
    await tx.done;
    return counted.result;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}
