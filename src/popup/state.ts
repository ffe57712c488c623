import { loadDay, type DaySnapshot } from '../storage/day.ts';
import type { Db } from '../storage/db.ts';

export type PopupState = DaySnapshot;

/** Everything the popup shows, through indexes only: today's records, due follow-ups, thank-yous owed. */
export function loadPopupState(db: Db, now: Date): Promise<PopupState> {
  return loadDay(db, now);
}
