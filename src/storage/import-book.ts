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

export async function writeImportPlan(db: Db, plan: ImportPlan, onProgress?: Progress): Promise<void> {
  const contacts = [...plan.contacts.added, ...plan.contacts.changed];
  const deals = [...plan.deals.added, ...plan.deals.changed];
  const total = contacts.length + deals.length;
  if (total === 0) return;
  // Relaxed: committed when the browser has the data, without waiting for the disk flush.
  const tx = db.transaction(['contacts', 'deals'], 'readwrite', { durability: 'relaxed' });
  let done = 0;
  const step = Math.max(1, Math.floor(total / 20));
  try {
    // Plain requests, not idb's promise per put: 20,000 promises cost more than the writes.
    const contactStore = unwrap(tx.objectStore('contacts'));
    const dealStore = unwrap(tx.objectStore('deals'));
    const counted = () => {
      done++;
      if (onProgress && (done % step === 0 || done === total)) onProgress(done, total);
    };
    for (const contact of contacts) contactStore.put(contact).onsuccess = counted;
    for (const deal of deals) dealStore.put(deal).onsuccess = counted;
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}
