import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, type GapCloserSchema } from './schema.ts';
import { DB_VERSION, MIGRATIONS, runMigrations, type Migration } from './migrations.ts';

export type Db = IDBPDatabase<GapCloserSchema>;

export interface OpenOptions {
  name?: string;
  version?: number;
  migrations?: readonly Migration[];
  /** Told when an older connection elsewhere (another popup or tab) delays an upgrade. */
  onBlocked?: () => void;
}

export function openDatabase(options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const version = options.version ?? DB_VERSION;
  let upgradeFailure: unknown;
  const opening = openDB<GapCloserSchema>(options.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // An aborted upgrade is reported through `opening` below; without this its `done` promise
      // would also surface as an unhandled rejection in the worker.
      tx.done.catch(() => undefined);
      runMigrations(db, tx, oldVersion, newVersion ?? version, migrations).catch((error: unknown) => {
        upgradeFailure = error;
      });
    },
    blocked() {
      options.onBlocked?.();
    },
    blocking(_current, _next, event) {
      // A newer version wants to open (the extension was updated): step aside so it can.
      (event.target as IDBDatabase).close();
      forget();
    },
    terminated() {
      forget();
    },
  });
  return opening.catch((error: unknown) => {
    throw upgradeFailure instanceof Error
      ? new Error(`Database upgrade failed, nothing was changed: ${upgradeFailure.message}`, { cause: upgradeFailure })
      : error;
  });
}

let shared: Promise<Db> | undefined;

function forget(): void {
  shared = undefined;
}

/** The one connection of this context (service worker, popup or options page). */
export function getDb(): Promise<Db> {
  shared ??= openDatabase().catch((error: unknown) => {
    forget();
    throw error;
  });
  return shared;
}

/** For tests: close and drop the shared connection. */
export async function resetDbForTests(): Promise<void> {
  const current = shared;
  forget();
  if (current) (await current.catch(() => undefined))?.close();
}
