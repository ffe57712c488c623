import type { Draft } from '../shared/drafts.ts';
import type { Outreach } from '../shared/model.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';
import { LOG_STORES, logOutreachIn } from './outreach.ts';

export type NewDraft = Omit<Draft, 'createdAt' | 'updatedAt'>;

/**
 * Keeps a copied or inserted draft, once per key: copying the same draft again or inserting
 * into the same compose window again updates its text, never adds a second draft. A key already
 * sent (in the log) stays sent: `sent` is that outreach and no draft is kept.
 */
export async function saveDraft(
  db: Db,
  input: NewDraft,
  now = Date.now(),
): Promise<{ draft?: Draft; sent?: Outreach; created: boolean }> {
  const tx = db.transaction(['drafts', 'outreach'], 'readwrite');
  try {
    const sent = await tx.objectStore('outreach').index('byIdempotencyKey').get(input.idempotencyKey);
    if (sent) {
      await tx.done;
      return { sent, created: false };
    }
    const drafts = tx.objectStore('drafts');
    const existing = await drafts.get(input.idempotencyKey);
    const draft: Draft = existing
      ? { ...existing, text: input.text, kind: input.kind, updatedAt: now }
      : { ...input, createdAt: now, updatedAt: now };
    await drafts.put(draft);
    await tx.done;
    return { draft, created: !existing };
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * The user sent the draft: it moves into the log as an outreach (with the same key, at the
 * moment of sending, which is when pace and follow-ups count from) and leaves the drafts, in
 * one transaction. Sending again returns the outreach already logged; an unknown key, undefined.
 */
export async function sendDraft(
  db: Db,
  idempotencyKey: string,
  followUpOn: string,
  now = Date.now(),
): Promise<{ record: Outreach; created: boolean } | undefined> {
  const tx = db.transaction([...LOG_STORES, 'drafts'], 'readwrite');
  try {
    const drafts = tx.objectStore('drafts');
    const draft = await drafts.get(idempotencyKey);
    if (!draft) {
      const logged = await tx.objectStore('outreach').index('byIdempotencyKey').get(idempotencyKey);
      await tx.done;
      return logged ? { record: logged, created: false } : undefined;
    }
    const { person, createdAt: _drafted, updatedAt: _updated, ...entry } = draft;
    const result = await logOutreachIn(tx, { ...entry, followUpOn }, now, person);
    await drafts.delete(idempotencyKey);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** The user will not send it: the draft goes, nothing is logged. False when there was none. */
export async function discardDraft(db: Db, idempotencyKey: string): Promise<boolean> {
  const tx = db.transaction('drafts', 'readwrite');
  try {
    const existed = (await tx.store.getKey(idempotencyKey)) !== undefined;
    if (existed) await tx.store.delete(idempotencyKey);
    await tx.done;
    return existed;
  } catch (error) {
    // A failed request aborts the transaction: its `done` rejects too, and nobody else awaits it.
    abortQuietly(tx);
    throw error;
  }
}

/** Every draft not sent yet, oldest first. */
export async function listDrafts(db: Db): Promise<Draft[]> {
  return db.getAllFromIndex('drafts', 'byCreatedAt');
}
