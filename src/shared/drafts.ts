import type { Channel, OutreachKind } from './model.ts';

/**
 * A draft the user copied or inserted but has not sent yet (issue 15). It lives apart from the
 * outreach log (its own store), so every count — the pace, the badge, the ledger, analytics,
 * follow-ups — reads sent asks only. Sending moves it into the log as an outreach with the same
 * idempotency key, so a draft is counted once however often it was copied, inserted or sent.
 */
export interface Draft {
  /** The compose window's token (webmail) or the dialog's key (LinkedIn): one draft per compose. */
  idempotencyKey: string;
  contactName: string;
  targetUrl?: string;
  kind: OutreachKind;
  channel: Channel;
  text: string;
  dealId?: string;
  /** The person it is for, upserted into contacts only when it is sent. */
  person?: DraftPerson;
  /** When it was first copied or inserted. */
  createdAt: number;
  /** When it was last copied or inserted again (the text of the latest copy is kept). */
  updatedAt: number;
}

export interface DraftPerson {
  fullName: string;
  firstName?: string;
  headline?: string;
  company?: string;
  email?: string;
  linkedinUrl?: string;
}

/**
 * How long a draft may still be on its way (the compose window open, the message box being
 * edited). After this it is no longer "about to be sent": it is listed for the user to finish.
 */
export const DRAFT_PENDING_MS = 24 * 60 * 60 * 1000;

/** Drafts younger than a day, newest first: the ones the popup mentions as "not sent yet". */
export function pendingDrafts<D extends Pick<Draft, 'createdAt'>>(drafts: readonly D[], now: number): D[] {
  return drafts.filter((draft) => now - draft.createdAt < DRAFT_PENDING_MS).sort((a, b) => b.createdAt - a.createdAt);
}

/** Drafts a day old or older, oldest first: never sent, listed to finish ("Mark sent") or discard. */
export function draftsToFinish<D extends Pick<Draft, 'createdAt'>>(drafts: readonly D[], now: number): D[] {
  return drafts.filter((draft) => now - draft.createdAt >= DRAFT_PENDING_MS).sort((a, b) => a.createdAt - b.createdAt);
}
