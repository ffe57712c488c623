import type { MessageType } from '../../messaging/contract.ts';
import type { HandlerMap } from './context.ts';
import { COMMAND_HANDLERS } from './commands.ts';
import { CONTACT_HANDLERS } from './contacts.ts';
import { DRAFT_HANDLERS } from './drafts.ts';
import { FRAME_HANDLERS } from './frames.ts';
import { OUTREACH_HANDLERS } from './outreach.ts';
import { REMINDER_HANDLERS } from './reminders.ts';
import { SITE_CHECK_HANDLERS } from './site-check.ts';
import { WEBMAIL_HANDLERS } from './webmail.ts';

export type { FrameSession, HandlerContext, SessionStore } from './context.ts';

/** Every message's handler, one area per file; the type checks that none is missing. */
export const HANDLERS: HandlerMap<MessageType> = {
  ...COMMAND_HANDLERS,
  ...CONTACT_HANDLERS,
  ...DRAFT_HANDLERS,
  ...FRAME_HANDLERS,
  ...OUTREACH_HANDLERS,
  ...REMINDER_HANDLERS,
  ...SITE_CHECK_HANDLERS,
  ...WEBMAIL_HANDLERS,
};
