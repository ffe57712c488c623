import type { Group, Person } from '../messaging/contract.ts';
import { request } from '../messaging/client.ts';
import type { Channel, OutreachKind } from '../shared/model.ts';

/**
 * Copies text on the user's click. The async Clipboard API first; where the page's permission
 * policy blocks it, the selection of the draft box and the copy command; false if both fail.
 */
export async function copyText(text: string, fallbackField?: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackField) return false;
    fallbackField.focus();
    fallbackField.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** Who a copied draft is logged against: a person (a message) or a LinkedIn group (a post). */
export type LogTarget = { person: Person; kind: OutreachKind; channel: Channel } | { group: Group };

/**
 * The draft → copy → keep step of the LinkedIn dialogs and the popup's "On this page": copies the
 * final text first, so a failed write never loses it, then keeps it as a draft under its key
 * (copying it again is the same draft; a failed write throws, for the caller to say). It counts
 * once the user says it was sent (`markSent`). Resolves to whether the copy worked.
 */
export async function copyAndLog(
  draft: { text: string; idempotencyKey: string },
  target: LogTarget,
  fallbackField?: HTMLTextAreaElement,
): Promise<boolean> {
  const copied = await copyText(draft.text, fallbackField);
  const { text, idempotencyKey } = draft;
  if ('group' in target)
    await request('outreach.logGroupPost', { idempotencyKey, text, group: target.group, draft: true });
  else await request('outreach.log', { idempotencyKey, text, ...target, draft: true });
  return copied;
}

/** The user sent the draft kept under `idempotencyKey`: it is logged and counted from now. */
export async function markSent(idempotencyKey: string): Promise<void> {
  await request('outreach.markSent', { idempotencyKey });
}

/** The user will not send it: the draft goes, nothing is counted. */
export async function discardDraft(idempotencyKey: string): Promise<void> {
  await request('outreach.discardDraft', { idempotencyKey });
}
