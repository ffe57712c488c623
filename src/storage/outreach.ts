import type { Channel, Outcome, Outreach, OutreachKind } from '../shared/model.ts';
import { outreachOfContact } from './archive.ts';
import { upsertContactIn, type ContactInput } from './contacts.ts';
import type { IDBPTransaction } from 'idb';
import type { Db } from './db.ts';
import type { GapCloserSchema, StoreName } from './schema.ts';
import { abortQuietly } from './errors.ts';
import { clearThanksIn, recordOutreachOutcome } from './follow-through.ts';
import { MERGE_STORES, type MergeTx } from './merge-contacts.ts';

export interface NewOutreach {
  idempotencyKey: string;
  contactId?: string;
  contactName: string;
  targetUrl?: string;
  kind: OutreachKind;
  channel: Channel;
  text: string;
  followUpOn?: string;
  /** The deal a stalled-deal revival belongs to. */
  dealId?: string;
}

/**
 * The stores a log write touches: every store a merge writes, since the person may turn out to be
 * a contact known by another identifier (the caller may add its own, e.g. `drafts` when a draft is sent).
 */
export const LOG_STORES = MERGE_STORES;
type LogTx = IDBPTransaction<GapCloserSchema, StoreName[], 'readwrite'>;

/**
 * Stores a sent outreach once: a retry with the same idempotency key (a message resent after
 * the service worker was stopped) returns the record already stored.
 */
export async function logOutreach(
  db: Db,
  input: NewOutreach,
  now = Date.now(),
  /** The person it went to: upserted in the same transaction, so a failure leaves no contact behind. */
  person?: ContactInput,
): Promise<{ record: Outreach; created: boolean }> {
  const tx = db.transaction([...LOG_STORES], 'readwrite');
  try {
    const result = await logOutreachIn(tx, input, now, person);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** `logOutreach` inside the caller's transaction (which holds at least LOG_STORES). */
export async function logOutreachIn(
  tx: LogTx,
  input: NewOutreach,
  now: number,
  person?: ContactInput,
): Promise<{ record: Outreach; created: boolean }> {
  const store = tx.objectStore('outreach');
  const existing = await store.index('byIdempotencyKey').get(input.idempotencyKey);
  if (existing) return { record: existing, created: false };
  const contact = person
    ? await upsertContactIn(tx.objectStore('contacts'), person, now, {}, tx as unknown as MergeTx)
    : undefined;
  const entry = contact ? { ...input, contactId: contact.id, contactName: contact.fullName } : input;
  const thankYou = entry.kind === 'thank-you';
  const record: Outreach = {
    id: crypto.randomUUID(),
    ...entry,
    createdAt: now,
    // A thank-you waits for nothing: it is not a follow-up candidate.
    status: thankYou ? 'resolved' : 'awaiting',
  };
  if (thankYou) delete record.followUpOn;
  await store.add(record);
  // A revival is activity on its deal: it is no longer idle, and now waits for what was learned.
  if (entry.dealId) {
    const deal = await tx.objectStore('deals').get(entry.dealId);
    if (deal) await tx.objectStore('deals').put({ ...deal, lastActivityAt: now, updatedAt: now });
  }
  // A thank-you logged to someone clears every thank-you owed to them.
  if (thankYou && entry.contactId) await clearThanksIn(tx.objectStore('thanks'), entry.contactId, now);
  return { record, created: true };
}

/**
 * Records how an ask ended: the latest ask still awaiting an answer for this contact, else the
 * latest ask at all (thank-yous are not asks). A win keeps its amount, which counts as closed
 * in the period of `now` (day.ts `wonInPeriod`). Undefined when the contact was never asked.
 */
export async function recordOutcome(
  db: Db,
  contactId: string,
  outcome: Outcome,
  wonAmount: number | undefined,
  now = Date.now(),
  /** For "helped-referral": whom they referred (becomes a lead referred by this contact). */
  referral?: ContactInput,
): Promise<Outreach | undefined> {
  const asks = await outreachOfContact(db, contactId);
  const newestFirst = asks.filter((ask) => ask.kind !== 'thank-you').sort((a, b) => b.createdAt - a.createdAt);
  const target = newestFirst.find((ask) => ask.status === 'awaiting') ?? newestFirst[0];
  if (!target) return undefined;
  // One write path for every outcome: it also owes a thank-you when the answer was help.
  return recordOutreachOutcome(db, target.id, { outcome, wonAmount, referral }, now, target);
}
