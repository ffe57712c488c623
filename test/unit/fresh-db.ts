import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { MIGRATIONS } from '../../src/storage/migrations.ts';

export interface FreshDatabases {
  /** A new database at the current schema. */
  fresh(): Promise<Db>;
  /**
   * A new database at an older schema (its first `version` migrations) to seed, and the upgrade
   * that closes it and reopens it at the current schema (or at `to`), as a browser update would.
   */
  atVersion(version: number): Promise<{ db: Db; upgrade(to?: number): Promise<Db> }>;
}

/**
 * Storage tests start from an empty fake IndexedDB each time and close what they opened (an open
 * connection would block the next test's upgrade). Call once at a test file's top level.
 */
export function useFreshDatabases(prefix: string): FreshDatabases {
  const opened: Db[] = [];
  let counter = 0;
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  const keep = (db: Db): Db => {
    opened.push(db);
    return db;
  };
  return {
    fresh: async () => keep(await openDatabase({ name: `${prefix}-${++counter}` })),
    atVersion: async (version) => {
      const name = `${prefix}-v${version}-${++counter}`;
      const db = await openDatabase({ name, version, migrations: MIGRATIONS.slice(0, version) });
      return {
        db,
        upgrade: async (to) => {
          db.close();
          return keep(
            await openDatabase(
              to === undefined ? { name } : { name, version: to, migrations: MIGRATIONS.slice(0, to) },
            ),
          );
        },
      };
    },
  };
}
