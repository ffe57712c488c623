import { followUpDateFor } from '../../storage/day.ts';
import { discardDraft, saveDraft, sendDraft } from '../../storage/drafts.ts';
import { logOutreach } from '../../storage/outreach.ts';
import type { HandlerMap } from './context.ts';

export const OUTREACH_HANDLERS: HandlerMap<
  'outreach.log' | 'outreach.logGroupPost' | 'outreach.markSent' | 'outreach.discardDraft' | 'webmail.sent'
> = {
  async 'outreach.log'({ idempotencyKey, kind, channel, text, person, dealId, draft }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    const entry = { idempotencyKey, contactName: person.fullName, kind, channel, text, ...(dealId ? { dealId } : {}) };
    if (draft) {
      // Copied, not sent: counted only when the user says it went ("Sent").
      const saved = await saveDraft(db, { ...entry, person }, now.getTime());
      return {
        outreachId: saved.sent?.id ?? '',
        contactId: saved.sent?.contactId ?? '',
        duplicate: !saved.created,
        drafted: !saved.sent,
      };
    }
    const followUpOn = await followUpDateFor(db, now);
    // Contact and outreach in one transaction: all or nothing (a full disk leaves no contact).
    const { record, created } = await logOutreach(db, { ...entry, followUpOn }, now.getTime(), person);
    return { outreachId: record.id, contactId: record.contactId ?? '', duplicate: !created, drafted: false };
  },

  async 'outreach.logGroupPost'({ idempotencyKey, text, group, draft }, ctx) {
    const now = ctx.now();
    const db = await ctx.db();
    const entry = {
      idempotencyKey,
      contactName: group.name,
      targetUrl: group.url,
      kind: 'group-post' as const,
      channel: 'linkedin-group' as const,
      text,
    };
    if (draft) {
      const saved = await saveDraft(db, entry, now.getTime());
      return { outreachId: saved.sent?.id ?? '', duplicate: !saved.created, drafted: !saved.sent };
    }
    const { record, created } = await logOutreach(
      db,
      { ...entry, followUpOn: await followUpDateFor(db, now) },
      now.getTime(),
    );
    return { outreachId: record.id, duplicate: !created, drafted: false };
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
