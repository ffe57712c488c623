import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { isHelp } from '../shared/ledger.ts';
import type { Outreach } from '../shared/model.ts';
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
    // Dropped in v4 (no query used it): created untyped, as the current schema no longer has it.
    unwrap(outreach).createIndex('byStatus', 'status');
    db.createObjectStore('templates', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // v2: exactly-once logging (idempotency keys), due follow-ups and won amounts by index.
  async (_db, tx) => {
    const outreach = tx.objectStore('outreach');
    outreach.createIndex('byStatusFollowUp', ['status', 'followUpOn']);
    unwrap(outreach).createIndex('byOutcomeAt', 'outcomeAt'); // dropped in v4, like byStatus
    // Records from v1 carry no key yet: their id is unique, so it serves as one.
    let cursor = await outreach.openCursor();
    while (cursor) {
      if (!cursor.value.idempotencyKey) await cursor.update({ ...cursor.value, idempotencyKey: cursor.value.id });
      cursor = await cursor.continue();
    }
    outreach.createIndex('byIdempotencyKey', 'idempotencyKey', { unique: true });
  },
  // v3: the quota-gap engine and the follow-through. Conversion history per kind and wins in a
  // period by index; thank-yous owed and favours given in their own stores. Help already recorded
  // is owed a thank-you unless one was logged to that person after it.
  async (db, tx) => {
    const outreach = tx.objectStore('outreach');
    outreach.createIndex('byKindOutcome', ['kind', 'outcome']);
    outreach.createIndex('byOutcomeOutcomeAt', ['outcome', 'outcomeAt']);
    const thanks = db.createObjectStore('thanks', { keyPath: 'id' });
    thanks.createIndex('byStatusOwedSince', ['status', 'owedSince']);
    thanks.createIndex('byContact', 'contactId');
    thanks.createIndex('byOutreach', 'outreachId', { unique: true });
    db.createObjectStore('favours', { keyPath: 'id' }).createIndex('byContact', 'contactId');

    const lastThanks = new Map<string, number>();
    const helped: Outreach[] = [];
    let cursor = await outreach.openCursor();
    while (cursor) {
      const record = cursor.value;
      if (record.kind === 'thank-you' && record.contactId)
        lastThanks.set(record.contactId, Math.max(lastThanks.get(record.contactId) ?? 0, record.createdAt));
      if (record.contactId && isHelp(record.outcome)) helped.push(record);
      cursor = await cursor.continue();
    }
    const thanksStore = tx.objectStore('thanks');
    for (const record of helped) {
      const owedSince = record.outcomeAt ?? record.createdAt;
      const thankedAt = lastThanks.get(record.contactId ?? '');
      const thanked = thankedAt !== undefined && thankedAt >= owedSince;
      await thanksStore.add({
        id: `thanks:${record.id}`,
        contactId: record.contactId ?? '',
        contactName: record.contactName,
        outreachId: record.id,
        outcome: record.outcome ?? 'helped-advice',
        status: thanked ? 'thanked' : 'owed',
        owedSince,
        ...(thanked ? { thankedAt } : {}),
      });
    }
  },
  // v4: settled outreach leaves the indexed store for an archive of buckets (see
  // archive-layout.ts). The records move later, in the worker, in small transactions
  // (archive.ts), so this upgrade stays instant; until then every read merges both. Each index
  // costs every write: the two no query uses are dropped.
  (db, tx) => {
    db.createObjectStore('archive');
    const outreach = unwrap(tx.objectStore('outreach'));
    outreach.deleteIndex('byStatus');
    outreach.deleteIndex('byOutcomeAt');
  },
  // v5: the pipeline. Deals in their own store: open ones by state (the stalled list and the
  // queue), a contact's deals through the multi-entry contact index, the newest first for the list,
  // and wins by the day they were won (a won deal counts against the quota period of its win).
  (db) => {
    const deals = db.createObjectStore('deals', { keyPath: 'id' });
    deals.createIndex('byState', 'state');
    deals.createIndex('byContact', 'contactIds', { multiEntry: true });
    deals.createIndex('byUpdatedAt', 'updatedAt');
    deals.createIndex('byWonAt', 'wonAt');
  },
  // Referrals are leads (issue 15): referred contacts by the ask their referral came from (all
  // leads are this index; a thank-you's note names the leads of its ask). A thank-you waits for
  // nothing: one stored as awaiting, with a follow-up date, by an older version is resolved.
  async (_db, tx) => {
    tx.objectStore('contacts').createIndex('byReferralOutreach', 'referral.outreachId');
    let cursor = await tx.objectStore('outreach').openCursor();
    while (cursor) {
      const record = cursor.value;
      if (record.kind === 'thank-you' && (record.status !== 'resolved' || record.followUpOn !== undefined)) {
        const { followUpOn: _none, ...rest } = record;
        await cursor.update({ ...rest, status: 'resolved' });
      }
      cursor = await cursor.continue();
    }
  },
  // v7: one person, one contact. Two contacts merged keep every address: the ones beside the main
  // `email` are found through their own multi-entry index, so a later Gmail or Outlook compose to
  // any of them reaches the one contact. Addresses are looked up in lower case (as the compose
  // readers and the import store them): one stored otherwise is lower-cased here.
  async (_db, tx) => {
    const contacts = tx.objectStore('contacts');
    contacts.createIndex('byOtherEmail', 'otherEmails', { multiEntry: true });
    let cursor = await contacts.openCursor();
    while (cursor) {
      const { email } = cursor.value;
      const lower = email?.trim().toLowerCase();
      if (email && lower !== email) await cursor.update({ ...cursor.value, email: lower });
      cursor = await cursor.continue();
    }
  },
  // v8 (issue 15): drafts — copied or inserted, not sent yet — in their own store, keyed by the
  // idempotency key of the compose window or dialog. Nothing moves: every outreach logged before
  // this version was logged on the user's "Copy and log" / insert and stays in the log as sent
  // (docs/data.md), so nobody's history or counts change.
  (db) => {
    db.createObjectStore('drafts', { keyPath: 'idempotencyKey' }).createIndex('byCreatedAt', 'createdAt');
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
