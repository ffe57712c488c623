import { FRAME_VIEWS_BY_SITE } from '../../messaging/contract.ts';
import { FRAME_RELAY } from '../../messaging/page-contract.ts';
import type { FrameSession, HandlerContext, HandlerMap, SessionStore } from './context.ts';

/** A session not read within this time is dropped: the frame reads it as soon as it loads. */
const CLAIM_WITHIN_MS = 60_000;

function randomId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

function store(ctx: HandlerContext): SessionStore {
  if (!ctx.sessions) throw new Error('Private frames are not available here.');
  return ctx.sessions;
}

/** The session the sending frame claimed; anything else (another frame, another tab) is refused. */
async function ownSession(id: string, ctx: HandlerContext): Promise<FrameSession> {
  const session = await store(ctx).get(id);
  const from = ctx.sender;
  if (
    !session?.claimedBy ||
    !from ||
    session.claimedBy.tabId !== from.tabId ||
    session.claimedBy.frameId !== from.frameId
  ) {
    throw new Error('This Gap Closer window has expired; close it and click the button again.');
  }
  return session;
}

/**
 * Private frames: a content script, on the user's trusted click, mints a session for what the
 * page shows; the extension frame it inserts reads that session once, does everything private
 * itself, and asks back here for the two things that must happen in the page (insert the text
 * the user chose, close the frame). The page never holds more than an opaque session id.
 */
export const FRAME_HANDLERS: HandlerMap<'frame.open' | 'frame.session' | 'frame.insert' | 'frame.close'> = {
  async 'frame.open'(open, ctx) {
    const from = ctx.sender;
    // One message for every refusal: which check failed tells a page nothing it may use.
    if (
      from?.kind !== 'content-script' ||
      !from.site ||
      from.tabId === undefined ||
      !FRAME_VIEWS_BY_SITE[from.site].includes(open.view)
    ) {
      throw new Error('Only a Gap Closer button on this site opens this window.');
    }
    const id = (ctx.newSessionId ?? randomId)();
    await store(ctx).set(id, {
      tabId: from.tabId,
      frameId: from.frameId,
      site: from.site,
      open,
      createdAt: ctx.now().getTime(),
    });
    return { session: id };
  },

  async 'frame.session'({ session: id }, ctx) {
    const session = await store(ctx).get(id);
    const from = ctx.sender;
    const fresh = session && ctx.now().getTime() - session.createdAt <= CLAIM_WITHIN_MS;
    // Read once, by a frame in the tab that asked for it: a copy of the frame the page made
    // itself (it can read the id in our iframe's address) finds the session spent.
    if (!session || !fresh || session.claimedBy || !from || from.tabId !== session.tabId) {
      throw new Error('This Gap Closer window has expired; close it and click the button again.');
    }
    await store(ctx).set(id, { ...session, claimedBy: { tabId: session.tabId, frameId: from.frameId } });
    return { site: session.site, open: session.open };
  },

  async 'frame.insert'({ session: id, text, subject, signOff }, ctx) {
    const session = await ownSession(id, ctx);
    if (!ctx.toFrame) throw new Error('The page cannot be reached.');
    const reply = await ctx.toFrame(session.tabId, session.frameId, {
      type: FRAME_RELAY,
      session: id,
      action: 'insert',
      text,
      ...(subject && { subject }),
      ...(signOff && { signOff }),
    });
    // Only a well-formed token is passed on: the frame logs the draft under it.
    const token = reply.composeToken;
    return {
      inserted: reply.inserted === true,
      subjectSet: reply.subjectSet === true,
      signedOff: reply.signedOff === true,
      ...(typeof token === 'string' && /^[0-9a-f]{32}$/.test(token) && { composeToken: token }),
    };
  },

  async 'frame.close'({ session: id, message }, ctx) {
    const session = await ownSession(id, ctx);
    await store(ctx).delete(id);
    const reply = await ctx.toFrame?.(session.tabId, session.frameId, {
      type: FRAME_RELAY,
      session: id,
      action: 'close',
      ...(message && { message }),
    });
    return { closed: reply?.closed === true };
  },
};
