import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { GapCloserSchema, StoreName } from './schema.ts';

type UpgradeDb = IDBPDatabase<GapCloserSchema>;
type UpgradeTx = IDBPTransaction<GapCloserSchema, StoreName[], 'versionchange'>;

/**
 * One migration per schema version, applied in order inside the single upgrade transaction.
 * They may only use that transaction (IndexedDB closes it as soon as it waits on anything else).
 */
export type Migration = (db: UpgradeDb, tx: UpgradeTx) => void | Promise<void>;

export const MIGRATIONS: readonly Migration[] = [
  // v1: the first schema.
  (db) => {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('byLinkedinUrl', 'linkedinUrl');
    contacts.createIndex('byEmail', 'email');
    const outreach = db.createObjectStore('outreach', { keyPath: 'id' });
    outreach.createIndex('byCreatedAt', 'createdAt');
    outreach.createIndex('byContact', 'contactId');
    outreach.createIndex('byStatus', 'status');
    db.createObjectStore('templates', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // v2: exactly-once logging (idempotency keys), due follow-ups and won amounts by index.
  async (_db, tx) => {
    const outreach = tx.objectStore('outreach');
    outreach.createIndex('byStatusFollowUp', ['status', 'followUpOn']);
    outreach.createIndex('byOutcomeAt', 'outcomeAt');
    // Records from v1 carry no key yet: their id is unique, so it serves as one.
    let cursor = await outreach.openCursor();
    while (cursor) {
      if (!cursor.value.idempotencyKey) await cursor.update({ ...cursor.value, idempotencyKey: cursor.value.id });
      cursor = await cursor.continue();
    }
    outreach.createIndex('byIdempotencyKey', 'idempotencyKey', { unique: true });
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Runs migrations `oldVersion+1 … newVersion`; any failure aborts the whole upgrade. */
export async function runMigrations(
  db: UpgradeDb,
  tx: UpgradeTx,
  oldVersion: number,
  newVersion: number,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  try {
    for (let version = oldVersion + 1; version <= newVersion; version++) {
      const migration = migrations[version - 1];
      if (!migration) throw new Error(`No migration to schema version ${version}`);
      await migration(db, tx);
    }
  } catch (error) {
    // Aborting keeps the old version and every record as they were.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}
