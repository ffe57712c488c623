import { followUpDateFor } from '../../storage/day.ts';
import { discardDraft, sendDraft } from '../../storage/drafts.ts';
import { logOrDraft } from './log-or-draft.ts';
import type { HandlerMap } from './context.ts';

export const OUTREACH_HANDLERS: HandlerMap<
  'outreach.log' | 'outreach.logGroupPost' | 'outreach.markSent' | 'outreach.discardDraft' | 'webmail.sent'
> = {
  async 'outreach.log'({ idempotencyKey, kind, channel, text, person, dealId, draft }, ctx) {
    const entry = { idempotencyKey, contactName: person.fullName, kind, channel, text, ...(dealId ? { dealId } : {}) };
    // A copy is a draft, counted only when the user says it went ("Sent").
    return logOrDraft(await ctx.db(), entry, person, draft, ctx.now());
  },

  async 'outreach.logGroupPost'({ idempotencyKey, text, group, draft }, ctx) {
    const entry = {
      idempotencyKey,
      contactName: group.name,
      targetUrl: group.url,
      kind: 'group-post' as const,
      channel: 'linkedin-group' as const,
      text,
    };
    const { outreachId, duplicate, drafted } = await logOrDraft(await ctx.db(), entry, undefined, draft, ctx.now());
    return { outreachId, duplicate, drafted };
  },

  async 'outreach.markSent'({ idempotencyKey }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    const result = await sendDraft(db, idempotencyKey, await followUpDateFor(db, now), now.getTime());
    return { sent: Boolean(result), outreachId: result?.record.id ?? '', duplicate: result ? !result.created : false };
  },

  async 'outreach.discardDraft'({ idempotencyKey }, ctx) {
    return { discarded: await discardDraft(await ctx.db(), idempotencyKey) };
  },

  /**
   * The user's own Send in a compose window our text went into. The token is the draft's key;
   * one the worker never saw changes nothing (a page cannot learn a token: the content script
   * keeps it, and the page's own dispatched clicks are not trusted, so never reported).
   */
  async 'webmail.sent'({ composeToken }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    const result = await sendDraft(db, composeToken, await followUpDateFor(db, now), now.getTime());
    return { sent: Boolean(result) };
  },
};
