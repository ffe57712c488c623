import { askWarnings, isHelp, ledgerOf, type Ledger, type LedgerWarning } from '../shared/ledger.ts';
import type { Favour, Outcome, Outreach, ThankYou } from '../shared/model.ts';
import type { Tally } from '../shared/pace.ts';
import { ASK_KINDS, decidesConversion, isAsk, UNDECIDED_OUTCOMES } from '../shared/asks.ts';
import { upsertContactIn, type ContactInput } from './contacts.ts';
import { referralCreditOf } from './referrals.ts';
import { combinedTally } from './archive-layout.ts';
import { archivedOfContact, outreachForUpdate, readSummary } from './archive.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';

/**
 * Outcomes, thank-yous owed and the goodwill ledger. Each write that touches two stores does
 * it in one transaction, so an outcome and the thank-you it creates are stored together.
 */

export interface OutcomeInput {
  outcome: Outcome;
  /** For "won": the amount, which raises "closed" in the period of the outcome. */
  wonAmount?: number | undefined;
  /**
   * For "helped-referral": whom they referred. That person becomes a contact (or the existing one
   * with that LinkedIn URL or email) referred by the asked contact, a lead with a next step.
   */
  referral?: ContactInput | undefined;
}

const OWED = (since = -Infinity, until = Infinity) => IDBKeyRange.bound(['owed', since], ['owed', until]);

/**
 * Records the outcome of one outreach. Help (referral, intro, advice, a meeting, a purchase)
 * creates a thank-you owed to that person; changing the outcome to something else withdraws
 * a thank-you not yet given. Undefined when there is no such outreach.
 */
export async function recordOutreachOutcome(
  db: Db,
  outreachId: string,
  { outcome, wonAmount, referral }: OutcomeInput,
  now = Date.now(),
  /** The record's contact or group, when known: names its archive bucket (else all are searched). */
  owner?: Pick<Outreach, 'contactId' | 'targetUrl' | 'contactName'>,
): Promise<Outreach | undefined> {
  const tx = db.transaction(['outreach', 'archive', 'thanks', 'settings', 'contacts'], 'readwrite');
  // A failed write (a full disk) aborts the transaction: nothing half-written, and its `done` must
  // not surface as an unhandled rejection in the worker.
  try {
    const outreach = tx.objectStore('outreach');
    const thanks = tx.objectStore('thanks');
    const settings = tx.objectStore('settings');
    // An archived record answered again becomes recent: back in the indexed store.
    const record = await outreachForUpdate(outreach, tx.objectStore('archive'), outreachId, owner);
    if (!record) {
      await tx.done;
      return undefined;
    }
    const rest: Outreach = { ...record };
    delete rest.wonAmount;
    const updated: Outreach = {
      ...rest,
      status: 'resolved',
      outcome,
      outcomeAt: now,
      ...(outcome === 'won' && wonAmount !== undefined ? { wonAmount } : {}),
    };
    await outreach.put(updated);
    if (outcome === 'helped-referral' && referral)
      await addReferredLead(tx.objectStore('contacts'), record, referral, now);
    const existing = await thanks.index('byOutreach').get(outreachId);
    if (isHelp(outcome) && record.contactId && !existing) {
      const owed: ThankYou = {
        id: `thanks:${record.id}`,
        contactId: record.contactId,
        contactName: record.contactName,
        outreachId: record.id,
        outcome,
        status: 'owed',
        owedSince: now,
      };
      await thanks.put(owed);
    } else if (existing && existing.status === 'owed') {
      if (isHelp(outcome)) await thanks.put({ ...existing, outcome });
      else await thanks.delete(existing.id);
    }
    // Keep the stored conversion history exact, in the same transaction (no recount needed).
    const history = await settings.get('history');
    if (history?.key === 'history' && isAsk(record.kind)) {
      const tally: Tally = { ...history.value.tally };
      const counts = { ...(tally[record.kind] ?? { asks: 0, wins: 0 }) };
      // Only deciding outcomes count (a referral received does not: asks.ts decidesConversion).
      counts.asks += Number(decidesConversion(outcome)) - Number(decidesConversion(record.outcome));
      if (record.outcome === 'won') counts.wins -= 1;
      if (outcome === 'won') counts.wins += 1;
      tally[record.kind] = counts;
      await settings.put({ key: 'history', value: { ...history.value, tally } });
    }
    await tx.done;
    return updated;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

type ContactStore = Parameters<typeof upsertContactIn>[0];

/**
 * The person a referral named, stored as a lead of the asked contact: created, or the existing
 * contact with that LinkedIn URL or email marked as referred (an earlier referrer keeps the credit).
 */
async function addReferredLead(store: ContactStore, ask: Outreach, person: ContactInput, now: number): Promise<void> {
  const lead = await upsertContactIn(store, person, now);
  if (lead.id === ask.contactId || lead.referral) return;
  await store.put({
    ...lead,
    ...(ask.contactId ? { referredBy: ask.contactId } : {}),
    referral: { outreachId: ask.id, at: now },
  });
}

/** Thank-yous still owed, oldest first: one index range. */
export function thanksOwed(db: Db): Promise<ThankYou[]> {
  return db.getAllFromIndex('thanks', 'byStatusOwedSince', OWED());
}

/**
 * Logs a thank-you to a contact (sent by the user, or just marked as given) and clears every
 * thank-you owed to them.
 */
export async function logThankYou(
  db: Db,
  input: { contactId: string; contactName: string; text: string; idempotencyKey?: string },
  now = Date.now(),
): Promise<{ outreach: Outreach; cleared: number }> {
  const tx = db.transaction(['outreach', 'thanks'], 'readwrite');
  const record: Outreach = {
    id: crypto.randomUUID(),
    idempotencyKey: input.idempotencyKey ?? `thanks-${crypto.randomUUID()}`,
    contactId: input.contactId,
    contactName: input.contactName,
    kind: 'thank-you',
    channel: 'other',
    text: input.text,
    createdAt: now,
    status: 'resolved',
  };
  await tx.objectStore('outreach').add(record);
  const cleared = await clearThanksIn(tx.objectStore('thanks'), input.contactId, now);
  await tx.done;
  return { outreach: record, cleared };
}

/**
 * Takes back a thank-you logged by mistake (the undo after "Copy note"): the logged note goes and
 * the thank-yous it cleared are owed again. Only thank-yous cleared at that very moment come
 * back, so an older thank-you stays given. Returns how many are owed again; 0 when the record is
 * gone or is not a thank-you (nothing is changed then).
 */
export async function undoThankYou(db: Db, outreachId: string): Promise<number> {
  const tx = db.transaction(['outreach', 'thanks'], 'readwrite');
  try {
    const record = await tx.objectStore('outreach').get(outreachId);
    if (!record || record.kind !== 'thank-you' || !record.contactId) {
      await tx.done;
      return 0;
    }
    const thanks = tx.objectStore('thanks');
    const cleared = (await thanks.index('byContact').getAll(record.contactId)).filter(
      (thank) => thank.status === 'thanked' && thank.thankedAt === record.createdAt,
    );
    for (const { thankedAt: _given, ...thank } of cleared) await thanks.put({ ...thank, status: 'owed' });
    await tx.objectStore('outreach').delete(outreachId);
    await tx.done;
    return cleared.length;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Marks every thank-you owed to a contact as given, inside the caller's transaction. */
export async function clearThanksIn(
  store: {
    index(name: 'byContact'): { getAll(key: string): Promise<ThankYou[]> };
    put(value: ThankYou): Promise<unknown>;
  },
  contactId: string,
  now: number,
): Promise<number> {
  const owed = (await store.index('byContact').getAll(contactId)).filter((thank) => thank.status === 'owed');
  for (const thank of owed) await store.put({ ...thank, status: 'thanked', thankedAt: now });
  return owed.length;
}

/** "I helped them": a favour given, for the goodwill ledger. */
export async function logFavour(db: Db, contactId: string, note: string, now = Date.now()): Promise<Favour> {
  const favour: Favour = { id: crypto.randomUUID(), contactId, note, at: now };
  await db.add('favours', favour);
  return favour;
}

/** One contact's goodwill ledger and what to say before asking them again. */
export async function contactLedger(
  db: Db,
  contactId: string,
  firstName: string,
  now = Date.now(),
): Promise<{ ledger: Ledger; warnings: LedgerWarning[] }> {
  const tx = db.transaction(['outreach', 'archive', 'favours', 'thanks']);
  const [recent, archived, favours, thanks] = await Promise.all([
    tx.objectStore('outreach').index('byContact').getAll(contactId),
    archivedOfContact(tx.objectStore('archive'), contactId),
    tx.objectStore('favours').index('byContact').getAll(contactId),
    tx.objectStore('thanks').index('byContact').getAll(contactId),
  ]);
  await tx.done;
  // The chain of each person they referred is credited to them (storage/referrals.ts).
  const referrals = await referralCreditOf(db, contactId);
  const ledger = ledgerOf([...archived, ...recent], favours, thanks, now, referrals);
  return { ledger, warnings: askWarnings(ledger, firstName) };
}

/** The history is recounted when older than this (and after every outcome recorded in an extension page). */
export const HISTORY_MAX_AGE_MS = 60 * 60_000;

/**
 * Recounts conversion history per ask kind from the (kind, outcome) index and the archive's
 * summary — counts only, no record is read, in a read-only transaction that never blocks a
 * popup's reads — and keeps it in the settings store for the next first render.
 */
export async function refreshHistory(db: Db, now = Date.now()): Promise<Tally> {
  const tx = db.transaction(['outreach', 'archive']);
  const index = tx.objectStore('outreach').index('byKindOutcome');
  const archived = readSummary(tx.objectStore('archive'));
  const tally: Tally = {};
  await Promise.all(
    [...ASK_KINDS].map(async (kind) => {
      const [resolved, wins, ...undecided] = await Promise.all([
        index.count(IDBKeyRange.bound([kind, ''], [kind, '\uffff'])),
        index.count([kind, 'won']),
        ...UNDECIDED_OUTCOMES.map((outcome) => index.count([kind, outcome])),
      ]);
      const asks = resolved - undecided.reduce((sum, n) => sum + n, 0);
      if (asks > 0) tally[kind] = { asks, wins };
    }),
  );
  const total = combinedTally(tally, (await archived).tally);
  await tx.done;
  await db.put('settings', { key: 'history', value: { tally: total, countedAt: now } });
  return total;
}

/** Recounts only when the stored count is missing or older than `maxAge`; undefined when it was fresh. */
export async function refreshHistoryIfStale(
  db: Db,
  now = Date.now(),
  maxAge = HISTORY_MAX_AGE_MS,
): Promise<Tally | undefined> {
  const row = await db.get('settings', 'history');
  if (row?.key === 'history' && now - row.value.countedAt < maxAge && row.value.countedAt <= now) return undefined;
  return refreshHistory(db, now);
}

/** The stored history (empty before the first count). */
export async function getHistory(db: Db): Promise<Tally> {
  const row = await db.get('settings', 'history');
  return row?.key === 'history' ? row.value.tally : {};
}
