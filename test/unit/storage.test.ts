import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Contact, Outreach } from '../../src/shared/model.ts';
import { getDb, openDatabase, resetDbForTests, type Db } from '../../src/storage/db.ts';
import { DB_VERSION, MIGRATIONS, runMigrations, type Migration } from '../../src/storage/migrations.ts';
import { DB_NAME, STORE_NAMES } from '../../src/storage/schema.ts';

let counter = 0;
let open: Db[] = [];

function uniqueName(): string {
  counter += 1;
  return `storage-test-${counter}-${Math.random().toString(36).slice(2)}`;
}

async function track(db: Promise<Db>): Promise<Db> {
  const opened = await db;
  open.push(opened);
  return opened;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** Reads the version and store names without upgrading anything. */
function rawInfo(name: string): Promise<{ version: number; stores: string[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      const info = { version: db.version, stores: [...db.objectStoreNames].sort() };
      db.close();
      resolve(info);
    };
    request.onerror = () => reject(request.error);
  });
}

interface IndexInfo {
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

function indexesOf(db: Db, store: 'contacts' | 'outreach'): Record<string, IndexInfo> {
  const objectStore = db.transaction(store).objectStore(store);
  const result: Record<string, IndexInfo> = {};
  for (const name of objectStore.indexNames) {
    const index = objectStore.index(name);
    result[name] = { keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
  }
  return result;
}

/** Every store with its key path and indexes, for comparing two databases' schemas. */
function schemaOf(db: Db): Record<string, unknown> {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names);
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const indexes = Object.fromEntries(
        [...store.indexNames].map((index) => {
          const i = store.index(index);
          return [index, { keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry }];
        }),
      );
      return [name, { keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }];
    }),
  );
}

/** Every record of every store. */
async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames].sort())
    result[name] = await db.getAll(name as (typeof STORE_NAMES)[number]);
  return result;
}

function v1Outreach(id: string, createdAt: number, extra: Partial<Outreach> = {}): Omit<Outreach, 'idempotencyKey'> {
  return {
    id,
    contactId: 'c1',
    contactName: 'Jordan Whitfield',
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: `Hello ${id}`,
    createdAt,
    status: 'awaiting',
    ...extra,
  };
}

const JORDAN_CONTACT: Contact = {
  id: 'c1',
  fullName: 'Jordan Whitfield',
  firstName: 'Jordan',
  linkedinUrl: 'https://www.linkedin.com/in/jordan-whitfield/',
  createdAt: 1,
  updatedAt: 2,
};

const V1_CONTACTS: Contact[] = [
  JORDAN_CONTACT,
  {
    id: 'c2',
    fullName: 'Avery Lindqvist',
    firstName: 'Avery',
    email: 'avery@example.com',
    relationship: 'customer',
    notes: 'met at a meetup',
    createdAt: 3,
    updatedAt: 4,
  },
];

const V1_OUTREACH = [
  v1Outreach('o1', 1_000),
  v1Outreach('o2', 2_000, { followUpOn: '2026-12-02' }),
  v1Outreach('o3', 3_000, { status: 'resolved', outcome: 'won', wonAmount: 5_000, outcomeAt: 4_000 }),
  v1Outreach('o4', 4_000, { contactId: 'c2', contactName: 'Avery Lindqvist', kind: 'upsell', channel: 'email' }),
  v1Outreach('o5', 5_000, {
    contactId: 'c2',
    contactName: 'Avery Lindqvist',
    status: 'resolved',
    outcome: 'helped-intro',
    outcomeAt: 5_500,
  }),
  v1Outreach('o6', 6_000, { contactId: 'c2', contactName: 'Avery Lindqvist', kind: 'thank-you', status: 'resolved' }),
  v1Outreach('o7', 7_000, { contactId: 'c1', status: 'resolved', outcome: 'declined', outcomeAt: 7_500 }),
];

/** Opens at v1 and writes records the way v1 did: outreach without an idempotency key. */
async function seedV1(name: string): Promise<void> {
  const db = await openDatabase({ name, version: 1 });
  expect(db.version).toBe(1);
  const tx = db.transaction(['contacts', 'outreach'], 'readwrite');
  for (const contact of V1_CONTACTS) await tx.objectStore('contacts').put(contact);
  for (const record of V1_OUTREACH) await tx.objectStore('outreach').put(record as Outreach);
  await tx.done;
  db.close();
}

/** The real migration to schema version `version`. */
function migration(version: number): Migration {
  const found = MIGRATIONS[version - 1];
  if (!found) throw new Error(`no migration to version ${version}`);
  return found;
}

/**
 * Marks the upgrade transaction's `done` promise as handled from inside the failing migration,
 * so these tests do not depend on openDatabase doing it (the test below checks that it does).
 */
function quietly(migration: Migration): Migration {
  return (db, tx) => {
    tx.done.catch(() => undefined);
    return migration(db, tx);
  };
}

/** Indexes the brief for the storage layer names; later versions may add more. */
const EXPECTED_OUTREACH_INDEXES: Record<string, IndexInfo> = {
  byCreatedAt: { keyPath: 'createdAt', unique: false, multiEntry: false },
  byContact: { keyPath: 'contactId', unique: false, multiEntry: false },
  byIdempotencyKey: { keyPath: 'idempotencyKey', unique: true, multiEntry: false },
  byStatusFollowUp: { keyPath: ['status', 'followUpOn'], unique: false, multiEntry: false },
  byKindOutcome: { keyPath: ['kind', 'outcome'], unique: false, multiEntry: false },
  byOutcomeOutcomeAt: { keyPath: ['outcome', 'outcomeAt'], unique: false, multiEntry: false },
};

const EXPECTED_CONTACT_INDEXES: Record<string, IndexInfo> = {
  byLinkedinUrl: { keyPath: 'linkedinUrl', unique: false, multiEntry: false },
  byEmail: { keyPath: 'email', unique: false, multiEntry: false },
  byReferralOutreach: { keyPath: 'referral.outreachId', unique: false, multiEntry: false },
  byOtherEmail: { keyPath: 'otherEmails', unique: false, multiEntry: true },
};

describe('openDatabase: fresh install', () => {
  it('creates every store and index at the current version', async () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    const name = uniqueName();
    const db = await track(openDatabase({ name }));
    expect(db.name).toBe(name);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    expect(STORE_NAMES).toEqual(expect.arrayContaining(['contacts', 'outreach', 'templates', 'settings']));
    expect(indexesOf(db, 'outreach')).toMatchObject(EXPECTED_OUTREACH_INDEXES);
    expect(indexesOf(db, 'contacts')).toEqual(EXPECTED_CONTACT_INDEXES);
    const keyPaths = Object.fromEntries(
      (['contacts', 'outreach', 'templates', 'settings'] as const).map((store) => [
        store,
        db.transaction(store).objectStore(store).keyPath,
      ]),
    );
    expect(keyPaths).toEqual({ contacts: 'id', outreach: 'id', templates: 'id', settings: 'key' });
  });

  it('creates the same schema on a fresh install as by upgrading from v1', async () => {
    const fresh = await track(openDatabase({ name: uniqueName() }));
    const upgradedName = uniqueName();
    (await openDatabase({ name: upgradedName, version: 1 })).close();
    const upgraded = await track(openDatabase({ name: upgradedName }));
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
  });

  it('opens an existing current database without running migrations again', async () => {
    const name = uniqueName();
    (await openDatabase({ name })).close();
    const spy = vi.fn<Migration>();
    const db = await track(openDatabase({ name, migrations: Array.from({ length: DB_VERSION }, () => spy) }));
    expect(db.version).toBe(DB_VERSION);
    expect(spy).not.toHaveBeenCalled();
  });

  it('enforces unique idempotency keys after the upgrade', async () => {
    const db = await track(openDatabase({ name: uniqueName() }));
    await db.add('outreach', { ...v1Outreach('a', 1), idempotencyKey: 'same-key-1' });
    await expect(db.add('outreach', { ...v1Outreach('b', 2), idempotencyKey: 'same-key-1' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    expect(await db.count('outreach')).toBe(1);
  });
});

describe('openDatabase: upgrade from v1', () => {
  it('keeps every record and gives old outreach its id as idempotency key', async () => {
    const name = uniqueName();
    await seedV1(name);
    const db = await track(openDatabase({ name }));
    expect(db.version).toBe(DB_VERSION);

    const contacts = await db.getAll('contacts');
    expect(contacts).toHaveLength(V1_CONTACTS.length);
    expect(contacts).toEqual(V1_CONTACTS);

    const outreach = await db.getAll('outreach');
    expect(outreach).toHaveLength(V1_OUTREACH.length);
    expect(outreach).toEqual(V1_OUTREACH.map((record) => ({ ...record, idempotencyKey: record.id })));

    // The new indexes are populated for the migrated rows.
    expect((await db.getFromIndex('outreach', 'byIdempotencyKey', 'o3'))?.id).toBe('o3');
    expect((await db.getAllFromIndex('outreach', 'byOutcomeOutcomeAt')).map((r) => r.id).sort()).toEqual([
      'o3',
      'o5',
      'o7',
    ]);
    expect(
      (await db.getAllFromIndex('outreach', 'byStatusFollowUp', ['awaiting', '2026-12-02'])).map((r) => r.id),
    ).toEqual(['o2']);
    expect(indexesOf(db, 'outreach')).toMatchObject(EXPECTED_OUTREACH_INDEXES);
  });

  it('v3 owes a thank-you for help already recorded, unless one was logged to that person after it', async () => {
    const name = uniqueName();
    await seedV1(name);
    const db = await track(openDatabase({ name, version: 3 }));
    // o3 (won, c1) has no later thank-you; o5 (helped-intro, c2 at 5 500) was thanked by o6 at 6 000;
    // o7 (declined) is not help.
    expect(await db.getAll('thanks')).toEqual([
      {
        id: 'thanks:o3',
        contactId: 'c1',
        contactName: 'Jordan Whitfield',
        outreachId: 'o3',
        outcome: 'won',
        status: 'owed',
        owedSince: 4_000,
      },
      {
        id: 'thanks:o5',
        contactId: 'c2',
        contactName: 'Avery Lindqvist',
        outreachId: 'o5',
        outcome: 'helped-intro',
        status: 'thanked',
        owedSince: 5_500,
        thankedAt: 6_000,
      },
    ]);
    expect(await db.count('favours')).toBe(0);
  });

  it('keeps an idempotency key a v1 record already had', async () => {
    const name = uniqueName();
    const v1 = await openDatabase({ name, version: 1 });
    await v1.put('outreach', { ...v1Outreach('x1', 10), idempotencyKey: 'client-key-123' });
    await v1.put('outreach', v1Outreach('x2', 20) as Outreach);
    v1.close();
    const db = await track(openDatabase({ name }));
    expect((await db.get('outreach', 'x1'))?.idempotencyKey).toBe('client-key-123');
    expect((await db.get('outreach', 'x2'))?.idempotencyKey).toBe('x2');
  });

  it('runs only the missing migrations, in order', async () => {
    const name = uniqueName();
    const calls: string[] = [];
    const migrations: Migration[] = [
      (db, tx) => {
        calls.push('v1');
        return migration(1)(db, tx);
      },
      (db, tx) => {
        calls.push('v2');
        return migration(2)(db, tx);
      },
      () => {
        calls.push('v3');
      },
    ];
    (await openDatabase({ name, version: 1, migrations })).close();
    expect(calls).toEqual(['v1']);
    const db = await track(openDatabase({ name, version: 3, migrations }));
    expect(calls).toEqual(['v1', 'v2', 'v3']);
    expect(db.version).toBe(3);
  });
});

describe('openDatabase: a failing migration', () => {
  const NEXT = DB_VERSION + 1;

  /** A database at the current version holding the v1 records, and a dump of everything in it. */
  async function seededCurrent(name: string): Promise<Record<string, unknown[]>> {
    await seedV1(name);
    const db = await openDatabase({ name });
    const contents = await dump(db);
    db.close();
    return contents;
  }

  async function expectIntact(name: string, before: Record<string, unknown[]>): Promise<void> {
    expect(await rawInfo(name)).toEqual({ version: DB_VERSION, stores: [...STORE_NAMES].sort() });
    const db = await track(openDatabase({ name }));
    expect(await dump(db)).toEqual(before);
    expect(await db.getAll('contacts')).toEqual(V1_CONTACTS);
    expect(await db.getAll('outreach')).toEqual(
      V1_OUTREACH.map((record) => ({ ...record, idempotencyKey: record.id })),
    );
    expect(indexesOf(db, 'outreach')).toMatchObject(EXPECTED_OUTREACH_INDEXES);
  }

  it('rejects, keeps the old version and every record when the next migration throws after creating a store', async () => {
    const name = uniqueName();
    const before = await seededCurrent(name);
    const next: Migration = quietly((db, tx) => {
      (db as unknown as IDBPDatabase).createObjectStore('extra', { keyPath: 'id' });
      // Also change existing data before failing: it must be rolled back too.
      tx.objectStore('contacts')
        .delete('c1')
        .catch(() => undefined);
      throw new Error(`boom in v${NEXT}`);
    });
    await expect(openDatabase({ name, version: NEXT, migrations: [...MIGRATIONS, next] })).rejects.toThrow(
      `Database upgrade failed, nothing was changed: boom in v${NEXT}`,
    );
    await expectIntact(name, before);
  });

  it('rolls back when an async migration fails after awaiting its own transaction', async () => {
    const name = uniqueName();
    const before = await seededCurrent(name);
    const next: Migration = quietly(async (db, tx) => {
      (db as unknown as IDBPDatabase).createObjectStore('extra');
      const outreach = tx.objectStore('outreach');
      await outreach.put({ ...v1Outreach('o9', 9_000), idempotencyKey: 'o9' });
      await outreach.delete('o1');
      expect(await outreach.count()).toBe(V1_OUTREACH.length);
      throw new Error('late failure');
    });
    const failure = await openDatabase({ name, version: NEXT, migrations: [...MIGRATIONS, next] }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('nothing was changed');
    expect((failure as Error).message).toContain('late failure');
    expect((failure as Error).cause).toBeInstanceOf(Error);
    expect(((failure as Error).cause as Error).message).toBe('late failure');
    await expectIntact(name, before);
  });

  it('rejects an upgrade to a version it has no migration for, undoing the migrations before it', async () => {
    const name = uniqueName();
    await seedV1(name);
    // v1 → v3 runs the real v2 migration (which rewrites every outreach record), then finds no v3.
    await expect(openDatabase({ name, version: 3, migrations: [migration(1), quietly(migration(2))] })).rejects.toThrow(
      'Database upgrade failed, nothing was changed: No migration to schema version 3',
    );
    expect(await rawInfo(name)).toEqual({ version: 1, stores: ['contacts', 'outreach', 'settings', 'templates'] });
    const db = await track(openDatabase({ name, version: 1 }));
    expect(await db.getAll('contacts')).toEqual(V1_CONTACTS);
    expect(await db.getAll('outreach')).toEqual(V1_OUTREACH);
    expect(Object.keys(indexesOf(db, 'outreach')).sort()).toEqual(['byContact', 'byCreatedAt', 'byStatus']);
  });

  it('fails an upgrade with the real migrations without an unhandled rejection', async () => {
    // Vitest fails the run on an unhandled rejection, so this test also checks that the aborted
    // upgrade transaction's own `done` promise is handled by openDatabase.
    const name = uniqueName();
    const before = await seededCurrent(name);
    await expect(openDatabase({ name, version: NEXT })).rejects.toThrow(
      `Database upgrade failed, nothing was changed: No migration to schema version ${NEXT}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expectIntact(name, before);
  });

  it('creates nothing at all when the first install fails', async () => {
    const name = uniqueName();
    const failing: Migration = quietly(() => {
      throw new Error('v2 broken');
    });
    await expect(openDatabase({ name, migrations: [migration(1), failing] })).rejects.toThrow(
      'nothing was changed: v2 broken',
    );
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(name);
    expect(await rawInfo(name)).toEqual({ version: 1, stores: [] });
  });
});

describe('runMigrations', () => {
  it('aborts the transaction and rethrows the original error', async () => {
    const abort = vi.fn();
    const error = new Error('nope');
    const tx = { abort } as unknown as Parameters<typeof runMigrations>[1];
    const db = {} as Parameters<typeof runMigrations>[0];
    const ran: number[] = [];
    const migrations: Migration[] = [
      () => {
        ran.push(1);
      },
      () => {
        ran.push(2);
        throw error;
      },
      () => {
        ran.push(3);
      },
    ];
    await expect(runMigrations(db, tx, 0, 3, migrations)).rejects.toBe(error);
    expect(ran).toEqual([1, 2]);
    expect(abort).toHaveBeenCalledTimes(1);
  });

  it('still rethrows when aborting itself throws (transaction already finished)', async () => {
    const tx = {
      abort: () => {
        throw new DOMException('finished', 'InvalidStateError');
      },
    } as unknown as Parameters<typeof runMigrations>[1];
    await expect(runMigrations({} as Parameters<typeof runMigrations>[0], tx, 0, 1, [])).rejects.toThrow(
      'No migration to schema version 1',
    );
  });
});

describe('openDatabase: an older connection', () => {
  it('is closed when a newer version opens, so the upgrade is not stuck', async () => {
    const name = uniqueName();
    const old = await openDatabase({ name, version: 1 });
    await old.put('contacts', JORDAN_CONTACT);
    const onBlocked = vi.fn();
    const upgraded = await track(openDatabase({ name, onBlocked }));
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await upgraded.get('contacts', 'c1')).toEqual(V1_CONTACTS[0]);
    expect(onBlocked).not.toHaveBeenCalled();
    // The old connection stepped aside: it can no longer start transactions.
    expect(() => old.transaction('contacts')).toThrow();
  });

  it('tells the caller when a connection that does not step aside blocks the upgrade', async () => {
    const name = uniqueName();
    // A raw connection (not opened through openDatabase) ignores versionchange.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('contacts', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const onBlocked = vi.fn();
    const upgrading = openDatabase({ name, version: 2, migrations: [() => undefined, () => undefined], onBlocked });
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledTimes(1));
    raw.close();
    const db = await track(upgrading);
    expect(db.version).toBe(2);
  });
});

describe('getDb', () => {
  afterEach(async () => {
    await resetDbForTests();
  });

  it('shares one connection per context and opens the real database', async () => {
    const first = getDb();
    expect(getDb()).toBe(first);
    const db = await first;
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
  });

  it('opens a new connection after a reset, closing the old one', async () => {
    const before = await getDb();
    await resetDbForTests();
    expect(() => before.transaction('settings')).toThrow();
    const after = await getDb();
    expect(after).not.toBe(before);
    expect(after.version).toBe(DB_VERSION);
  });

  it('forgets its connection when a newer version takes over', async () => {
    const firstPromise = getDb();
    const before = await firstPromise;
    const newer = await openDatabase({ version: DB_VERSION + 1, migrations: [...MIGRATIONS, () => undefined] });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(() => before.transaction('settings')).toThrow();
    const second = getDb();
    expect(second).not.toBe(firstPromise);
    // This code is older than the database now: opening fails, and the failure is not cached.
    await expect(second).rejects.toMatchObject({ name: 'VersionError' });
    expect(getDb()).not.toBe(second);
    newer.close();
  });
});
