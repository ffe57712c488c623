import * as v from 'valibot';
import {
  checkStores,
  ContactRecord,
  DealRecord,
  readBackup,
  type BackupData,
  type BackupResult,
} from '../shared/backup.ts';
import { contactsAfterImport, type Book, type ImportPlan } from '../shared/import/plan.ts';
import { findSamePeople } from '../shared/same-person.ts';
import { invalidPayloadMessage } from '../messaging/validate.ts';
import { deleteAll, restoreAll, type Progress } from './backup.ts';
import { getDb } from './db.ts';
import { readImportBook, writeImportPlan } from './import-book.ts';
import { mergeSameIdentifiers } from './merge-contacts.ts';
import { DB_VERSION } from './migrations.ts';
import { InvalidWriteError } from './page-writes.ts';

/**
 * The options page's whole-database writes — restore, contacts-and-deals import, delete-all —
 * each record checked before anything is written: a backup's against the backup schemas, an
 * import plan's new and changed contacts and deals against the stored records' (both in
 * shared/backup.ts). Kept apart from page-writes.ts so that the popup never loads the restore
 * and import code.
 */

/** Stores this module checked itself while reading a file: restoring them does not check twice. */
const checkedStores = new WeakSet<BackupData>();

/** Reads and checks a backup file against the current schema version. */
export function readBackupFile(json: string): BackupResult {
  const result = readBackup(json, DB_VERSION);
  if (result.ok) checkedStores.add(result.backup.stores);
  return result;
}

/**
 * Replaces every store with the backup's records in one transaction. Stores not read through
 * readBackupFile are checked here first (55,000 records take about 0.4 s to check, which the
 * restore budget of 3 s cannot pay twice); invalid ones are refused and nothing is written.
 */
export async function restoreBackup(stores: BackupData, onProgress?: (done: number, total: number) => void) {
  let data = stores;
  if (!checkedStores.has(stores)) {
    const checked = checkStores(stores as unknown as Record<string, unknown>);
    if (!checked.ok) {
      const first = checked.error.code === 'invalid-records' ? checked.error.problems[0] : undefined;
      const where = first ? `${first.store}${first.record ? ` record ${first.record}` : ''}: ${first.issue.code}` : '';
      throw new InvalidWriteError(`Invalid data.restore: ${where}. Nothing was saved.`);
    }
    data = checked.data;
  }
  await restoreAll(await getDb(), data, onProgress);
}

/** The contacts and deals an import is planned against (read-only). */
export async function bookForImport() {
  return readImportBook(await getDb());
}

const PlannedContacts = v.array(ContactRecord);
const PlannedDeals = v.array(DealRecord);

/**
 * Writes an import's plan (shared/import/plan.ts): its new and changed contacts and deals, each
 * checked against the stored record's schema first, then all in one transaction or none. A row
 * may name by its profile one contact and by its address another: one person, merged afterwards.
 * That pass reads the whole book back (0.4 s for 20,000 contacts), so it runs only when it may
 * find something: when the book the plan was made against, with the plan applied, has a pair
 * sharing an identifier — looked for while the database writes — or when the store's count says
 * someone else wrote contacts since that book was read.
 */
export async function importPlanned(plan: ImportPlan, book: Book, onProgress?: Progress): Promise<void> {
  const contacts = v.safeParse(PlannedContacts, [...plan.contacts.added, ...plan.contacts.changed]);
  const deals = v.safeParse(PlannedDeals, [...plan.deals.added, ...plan.deals.changed]);
  if (!contacts.success)
    throw new InvalidWriteError(`${invalidPayloadMessage('contacts.import', contacts.issues)} Nothing was saved.`);
  if (!deals.success)
    throw new InvalidWriteError(`${invalidPayloadMessage('deals.import', deals.issues)} Nothing was saved.`);
  performance.mark('gap-closer:import-checked');
  const db = await getDb();
  const written = writeImportPlan(db, plan, onProgress);
  if (!plan.contacts.added.length && !plan.contacts.changed.length) {
    await written;
    return;
  }
  const after = contactsAfterImport(book, plan);
  // Pairs the user refused are counted too: at worst the pass runs and leaves them apart.
  const maybeSame = findSamePeople(after, new Set(), { identifiersOnly: true }).length > 0;
  const stored = await written;
  if (maybeSame || stored !== after.length) await mergeSameIdentifiers(db, Date.now(), { identifiersOnly: true });
}

/** Empties every store (the caller clears alarms, badge and extension storage). */
export async function deleteEverything(): Promise<void> {
  await deleteAll(await getDb());
}
