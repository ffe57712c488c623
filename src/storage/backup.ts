import { BACKUP_STORES, recordKey, sameRecord, type BackupData } from '../shared/backup.ts';
import { partitionOutreach } from './archive-layout.ts';
import { archivedRecords, readStoredArchive, replaceArchive } from './archive.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
import { STORE_NAMES } from './schema.ts';

/**
 * Whole-database operations for the dashboard: the backup's data read in one snapshot, a restore
 * that replaces everything in one transaction (a failure anywhere leaves every store as it was),
 * and delete-all.
 */

/**
 * Every record of every store, read in one transaction (a consistent snapshot). Outreach is
 * recent and archived alike, in id order (the order a store of them would list).
 */
export async function exportAll(db: Db): Promise<BackupData> {
  const tx = db.transaction([...BACKUP_STORES, 'archive'], 'readonly');
  const [contacts, recent, archived, thanks, favours, templates, settings, deals] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('outreach').getAll(),
    archivedRecords(tx.objectStore('archive')),
    tx.objectStore('thanks').getAll(),
    tx.objectStore('favours').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('settings').getAll(),
    tx.objectStore('deals').getAll(),
  ]);
  await tx.done;
  const outreach = archived.length
    ? [...recent, ...archived].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    : recent;
  // The stored named queue is the worker's derived copy (recomputed after a restore) and the site
  // check is diagnostics about the sites, not the user's data: neither is backed up.
  return {
    contacts,
    outreach,
    thanks,
    favours,
    templates,
    settings: settings.filter((row) => !DERIVED_SETTINGS.has(row.key) && !row.key.startsWith('siteCheck.')),
    deals,
  };
}

/** Settings rows the worker derives from the rest (the named queue), left out of backups. */
export const DERIVED_SETTINGS: ReadonlySet<string> = new Set(['queue', 'queueAll', 'planFacts']);

export type Progress = (done: number, total: number) => void;

/**
 * Replaces every store with the backup's records in one readwrite transaction: either the whole
 * backup is stored or — on any failure, storage full included — nothing changes. Only what
 * differs is written: records the backup lacks are deleted, new and changed ones are put, and
 * records already stored exactly as in the backup are left alone. Settled outreach goes straight
 * to the archive's buckets (archive-layout.ts), the rest to the indexed store.
 */
export async function restoreAll(db: Db, data: BackupData, onProgress?: Progress, now = Date.now()): Promise<void> {
  const { recent, archived } = partitionOutreach(data.outreach, now);
  const stores: BackupData = { ...data, outreach: recent };
  // Relaxed: committed when the browser has the data, without waiting for the disk flush.
  const tx = db.transaction([...BACKUP_STORES, 'archive'], 'readwrite', { durability: 'relaxed' });
  const total = BACKUP_STORES.reduce((sum, store) => sum + data[store].length, 0);
  let done = 0;
  const step = Math.max(1, Math.floor(total / 100));
  const counted = (count = 1) => {
    const before = done;
    done += count;
    if (onProgress && (Math.floor(done / step) > Math.floor(before / step) || done === total)) onProgress(done, total);
  };
  const writes: Promise<unknown>[] = [];
  try {
    // Everything is read before any write is queued: the archive's encoding then runs while the
    // database stores the records queued before it, instead of waiting behind them for a read.
    const [stored, archive] = await Promise.all([
      Promise.all(BACKUP_STORES.map((store) => tx.objectStore(store).getAll())),
      readStoredArchive(tx.objectStore('archive')),
    ]);
    BACKUP_STORES.forEach((store, index) => {
      const target = tx.objectStore(store) as unknown as {
        put(value: unknown): Promise<unknown>;
        delete(key: string): Promise<unknown>;
      };
      const current = new Map<string, unknown>();
      for (const record of stored[index] ?? []) current.set(recordKey(store, record), record);
      const incoming = new Set<string>();
      for (const record of stores[store]) {
        const key = recordKey(store, record);
        incoming.add(key);
        const old = current.get(key);
        // Every write is queued at once (awaiting each would cost a round trip per record).
        if (old !== undefined && sameRecord(old, record)) counted();
        else writes.push(target.put(record).then(() => counted()));
      }
      for (const key of current.keys()) if (!incoming.has(key)) writes.push(target.delete(key));
    });
    writes.push(replaceArchive(tx.objectStore('archive'), archived, archive, counted, sameRecord));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    for (const write of writes) write.catch(() => undefined);
    abortQuietly(tx);
    throw error;
  }
}

/** Removes every record of every store: contacts, outreach (archive included), thank-yous, favours, templates, settings, deals. */
export async function deleteAll(db: Db): Promise<void> {
  const tx = db.transaction(STORE_NAMES, 'readwrite');
  try {
    await Promise.all([...STORE_NAMES.map((store) => tx.objectStore(store).clear()), tx.done]);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}
