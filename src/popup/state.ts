import type { Webmail } from '../shared/compose-url.ts';
import type { Queue } from '../shared/queue.ts';
import { loadDay, type DaySnapshot } from '../storage/day.ts';
import type { Db } from '../storage/db.ts';
import { getDraftWebmail, readQueue } from '../storage/queue.ts';

export interface PopupState extends DaySnapshot {
  /** The named queue's top of each step, as the worker stored it (one read by key). */
  queue: Queue | undefined;
  webmail: Webmail;
}

/** Everything the popup shows, through indexes and keys only: today's records, due follow-ups, thank-yous owed, the queue. */
export async function loadPopupState(db: Db, now: Date): Promise<PopupState> {
  const [day, queue, webmail] = await Promise.all([loadDay(db, now), readQueue(db), getDraftWebmail(db)]);
  return { ...day, queue, webmail };
}
