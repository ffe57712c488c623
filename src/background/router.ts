import * as v from 'valibot';
import {
  ALLOWED_SENDERS,
  MESSAGE_SCHEMAS,
  isMessageType,
  type ErrorCode,
  type MessageType,
  type Reply,
} from '../messaging/contract.ts';
import { invalidPayloadMessage } from '../messaging/validate.ts';
import { SUBFRAME_SITES, classifySender, type Self, type SenderInfo } from '../messaging/sender.ts';
import { STORAGE_FULL_MESSAGE, isStorageFull } from '../storage/errors.ts';
import { HANDLERS, type HandlerContext } from './handlers/index.ts';

function fail(code: ErrorCode, message: string): Reply<MessageType> {
  return { ok: false, error: { code, message } };
}

/**
 * The single entry for every message: checks the sender, validates the payload, then runs
 * the handler. Anything invalid is answered with an error and nothing is written.
 */
export async function route(
  message: unknown,
  sender: SenderInfo,
  self: Self,
  ctx: HandlerContext,
): Promise<Reply<MessageType>> {
  const type = (message as { type?: unknown } | null)?.type;
  if (!isMessageType(type)) return fail('unknown-type', 'Unknown message type.');

  const from = classifySender(sender, self);
  const allowed = ALLOWED_SENDERS[type];
  if (from.kind === 'rejected') return fail('forbidden', `Refused: ${from.reason}.`);
  const frameAllowed = from.kind === 'content-script' && (from.topFrame || SUBFRAME_SITES.includes(from.site));
  if (from.kind === 'content-script' && (!frameAllowed || !allowed.contentScripts.includes(from.site))) {
    return fail('forbidden', `Refused: ${type} is not allowed from this page.`);
  }
  if (from.kind === 'extension-page' && !allowed.extensionPages) {
    return fail('forbidden', `Refused: ${type} is not allowed from extension pages.`);
  }

  const parsed = v.safeParse(MESSAGE_SCHEMAS[type], (message as { payload?: unknown }).payload);
  if (!parsed.success) return fail('invalid', invalidPayloadMessage(type, parsed.issues));

  try {
    const handler = HANDLERS[type] as (payload: unknown, ctx: HandlerContext) => Promise<unknown>;
    const tabId = (sender.tab as { id?: unknown } | undefined)?.id;
    const withSender: HandlerContext = {
      ...ctx,
      sender: {
        kind: from.kind,
        ...(from.kind === 'content-script' && { site: from.site }),
        ...(typeof tabId === 'number' && { tabId }),
        frameId: sender.frameId ?? 0,
      },
    };
    return { ok: true, data: (await handler(parsed.output, withSender)) as never };
  } catch (error) {
    if (isStorageFull(error)) return fail('failed', STORAGE_FULL_MESSAGE);
    return fail('failed', error instanceof Error ? error.message : 'The request failed.');
  }
}
