import type { Db } from '../storage/db.ts';
import { refreshQueue, refreshQueueIfStale } from '../storage/queue.ts';

/**
 * The named queue is computed here, never in the popup: after each change (a logged ask, an
 * outcome, a page's write) and at midnight. Requests that arrive while a computation runs are
 * folded into one more run after it, so a burst of writes costs at most two computations, and
 * every caller's promise settles once a computation that started after its request has stored.
 */
let running: Promise<void> | undefined;
let again: Promise<void> | undefined;

export function recomputeQueue(db: () => Promise<Db>, now: () => Date): Promise<void> {
  if (again) return again;
  const run = async () => {
    await refreshQueue(await db(), now());
  };
  if (!running) {
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  }
  again = running
    .catch(() => undefined)
    .then(() => {
      again = undefined;
      return recomputeQueue(db, now);
    });
  return again;
}

/** At a worker start: only when the stored queue is from another day. */
export function queueAtStart(db: () => Promise<Db>, now: () => Date): Promise<void> {
  return db().then((database) => refreshQueueIfStale(database, now()));
}
