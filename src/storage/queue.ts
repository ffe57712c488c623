import { summariseOutreach } from '../shared/contact-history.ts';
import type { Webmail } from '../shared/compose-url.ts';
import { localDateOf, localDayBounds } from '../shared/dates.ts';
import { PLAYBOOK_STEPS, type PlaybookStep } from '../shared/pace.ts';
import {
  applyQueueAction,
  buildQueue,
  EMPTY_QUEUE_STATE,
  topOfQueue,
  type Queue,
  type QueueAction,
  type QueueState,
} from '../shared/queue.ts';
import { archivedRecords } from './archive.ts';
import { loadDay } from './day.ts';
import { listDeals } from './deals.ts';
import { refreshPlanFacts } from './plan.ts';
import { getPaceSettings, getQuota } from './settings.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';

/**
 * The named queue's storage: the worker computes it from the whole book (buildQueue) after every
 * change and at midnight and stores it in two settings rows — the top of each step, which is all
 * the popup reads (one get by key), and the whole queue for the options page.
 */

export async function getQueueState(db: Db): Promise<QueueState> {
  const row = await db.get('settings', 'queueState');
  return row?.key === 'queueState' ? { ...EMPTY_QUEUE_STATE, ...row.value } : EMPTY_QUEUE_STATE;
}

/** The top of each step, as last stored (undefined before the worker first computed it). */
export async function readQueue(db: Db): Promise<Queue | undefined> {
  const row = await db.get('settings', 'queue');
  return row?.key === 'queue' ? row.value : undefined;
}

export async function readWholeQueue(db: Db): Promise<Queue | undefined> {
  const row = await db.get('settings', 'queueAll');
  return row?.key === 'queueAll' ? row.value : undefined;
}

export async function getDraftWebmail(db: Db): Promise<Webmail> {
  const row = await db.get('settings', 'draftWebmail');
  return row?.key === 'draftWebmail' ? row.value.webmail : 'gmail';
}

/** Computes the queue from the whole book and stores both rows; returns the whole queue. */
export async function refreshQueue(db: Db, nowDate: Date): Promise<Queue> {
  const now = nowDate.getTime();
  const today = localDateOf(nowDate);
  const tx = db.transaction(['contacts', 'outreach', 'archive', 'favours', 'thanks', 'settings']);
  const [contacts, recent, archived, favours, thanks, stateRow] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('outreach').getAll(),
    archivedRecords(tx.objectStore('archive')),
    tx.objectStore('favours').getAll(),
    tx
      .objectStore('thanks')
      .index('byStatusOwedSince')
      .getAll(IDBKeyRange.bound(['owed', -Infinity], ['owed', Infinity])),
    tx.objectStore('settings').get('queueState'),
  ]);
  await tx.done;
  // The pipeline through the deals store's own reads (won deals make customers, stalled ones are asked).
  const [deals, quota, pace] = await Promise.all([listDeals(db), getQuota(db), getPaceSettings(db)]);
  // The plan's pipeline facts first: today's pace (and so the queue's planned counts) reads them.
  if (quota) await refreshPlanFacts(db, deals, quota, pace, nowDate);
  const day = await loadDay(db, nowDate);
  const state = stateRow?.key === 'queueState' ? { ...EMPTY_QUEUE_STATE, ...stateRow.value } : EMPTY_QUEUE_STATE;
  const planned = Object.fromEntries(
    PLAYBOOK_STEPS.map((step) => [step, day.pace?.steps?.find((plan) => plan.step === step)?.planned ?? 0]),
  ) as Record<PlaybookStep, number>;
  const queue = buildQueue({
    now,
    today,
    contacts,
    history: summariseOutreach([...archived, ...recent], favours, localDayBounds(today).start),
    thanksOwed: thanks,
    deals,
    state,
    plan: {
      planned,
      averageDealSize: day.quota?.averageDealSize ?? 0,
      currency: day.quota?.currency ?? 'USD',
      // The user's "stalled after N days" (the Deals section's setting; 21 when unset).
      ...(day.paceSettings.stalledAfterDays !== undefined && { stalledAfterDays: day.paceSettings.stalledAfterDays }),
    },
  });
  const write = db.transaction('settings', 'readwrite');
  await Promise.all([
    write.store.put({ key: 'queue', value: topOfQueue(queue) }),
    write.store.put({ key: 'queueAll', value: queue }),
    write.done,
  ]);
  return queue;
}

/** At a worker start: recomputed only when the stored queue is from another day (a missed midnight). */
export async function refreshQueueIfStale(db: Db, nowDate: Date): Promise<void> {
  const stored = await readQueue(db);
  if (stored?.day !== localDateOf(nowDate)) await refreshQueue(db, nowDate);
}

/**
 * Skip today, snooze or not a fit: the choice is remembered and the line leaves the stored top
 * at once (one transaction), so the popup shows the next person before the worker recomputes.
 */
export async function actOnQueueLine(db: Db, lineId: string, action: QueueAction, nowDate: Date): Promise<void> {
  const today = localDateOf(nowDate);
  const tx = db.transaction('settings', 'readwrite');
  try {
    const [stateRow, queueRow] = await Promise.all([tx.store.get('queueState'), tx.store.get('queue')]);
    const state = stateRow?.key === 'queueState' ? { ...EMPTY_QUEUE_STATE, ...stateRow.value } : EMPTY_QUEUE_STATE;
    await tx.store.put({
      key: 'queueState',
      value: applyQueueAction(state, lineId, action, today, nowDate.getTime()),
    });
    if (queueRow?.key === 'queue') await tx.store.put({ key: 'queue', value: withoutLine(queueRow.value, lineId) });
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

function withoutLine(queue: Queue, lineId: string): Queue {
  const steps = Object.fromEntries(
    PLAYBOOK_STEPS.map((step) => {
      const { lines, ...rest } = queue.steps[step];
      return [step, { ...rest, lines: lines.filter((line) => line.id !== lineId) }];
    }),
  ) as Queue['steps'];
  return { ...queue, steps };
}

export async function saveDraftWebmail(db: Db, webmail: Webmail): Promise<void> {
  await db.put('settings', { key: 'draftWebmail', value: { webmail } });
}
