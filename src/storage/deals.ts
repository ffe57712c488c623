import { isStalled, type Deal, type DealState, type Impediment } from '../shared/deals.ts';
import type { LocalDate } from '../shared/model.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';

/**
 * The pipeline's store (schema v5): deals imported from a CRM export or entered by hand. Reads
 * use the indexes the queue and the options page need — by state, by contact — so neither loads
 * the whole store to find the open deals or one person's deals.
 */

/** Stores every deal as given (new or replacing the one with its id), all in one transaction or none. */
export async function putDeals(db: Db, deals: readonly Deal[]): Promise<void> {
  if (deals.length === 0) return;
  const tx = db.transaction('deals', 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    // A record without a key throws at once, not through its promise: the abort below undoes the rest.
    for (const deal of deals) writes.push(tx.store.put(deal));
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    for (const write of writes) write.catch(() => undefined);
    abortQuietly(tx);
    throw error;
  }
}

export function getDeal(db: Db, id: string): Promise<Deal | undefined> {
  return db.get('deals', id);
}

export interface DealQuery {
  state?: DealState;
}

/** Every deal, or those in one state; most recently updated first. */
export async function listDeals(db: Db, query: DealQuery = {}): Promise<Deal[]> {
  const deals = query.state ? await db.getAllFromIndex('deals', 'byState', query.state) : await db.getAll('deals');
  return deals.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The deals that involve one contact (the multi-entry `byContact` index). */
export function dealsOfContact(db: Db, contactId: string): Promise<Deal[]> {
  return db.getAllFromIndex('deals', 'byContact', contactId);
}

/** Open deals that are stalled today (open and idle `stalledAfterDays`, or past their close date). */
export async function listStalledDeals(
  db: Db,
  now: number,
  today: LocalDate,
  stalledAfterDays?: number,
): Promise<Deal[]> {
  const open = await db.getAllFromIndex('deals', 'byState', 'open');
  return open.filter((deal) => isStalled(deal, now, today, stalledAfterDays));
}

export function countDeals(db: Db): Promise<number> {
  return db.count('deals');
}

/** Changes one deal inside one transaction; refuses when it no longer exists. */
async function updateDeal(db: Db, id: string, change: (deal: Deal) => Deal): Promise<Deal> {
  const tx = db.transaction('deals', 'readwrite');
  try {
    const deal = await tx.store.get(id);
    if (!deal) throw new Error('That deal no longer exists.');
    const next = change(deal);
    await tx.store.put(next);
    await tx.done;
    return next;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * After a stalled-deal revival: what the user learned stands in the way, and the next step.
 * Talking to the customer is activity, so the deal is no longer idle from this moment.
 */
export function recordImpediment(
  db: Db,
  id: string,
  impediment: Impediment,
  nextStep: string | undefined,
  now = Date.now(),
): Promise<Deal> {
  return updateDeal(db, id, (deal) => {
    const { nextStep: _old, ...rest } = deal;
    const step = nextStep?.trim();
    return { ...rest, ...(step ? { nextStep: step } : {}), impediment, lastActivityAt: now, updatedAt: now };
  });
}

/**
 * Open, won or lost. Winning stamps the day of the win (the quota period it counts in) unless
 * the deal already carries one; reopening or losing clears it.
 */
export function setDealState(db: Db, id: string, state: DealState, now = Date.now()): Promise<Deal> {
  return updateDeal(db, id, (deal) => {
    const { wonAt, ...rest } = deal;
    return {
      ...rest,
      state,
      ...(state === 'won' ? { wonAt: wonAt ?? now } : {}),
      updatedAt: now,
    };
  });
}

export async function deleteDeal(db: Db, id: string): Promise<void> {
  await db.delete('deals', id);
}
