import { followUpDateFor } from '../../storage/day.ts';
import { logOutreach } from '../../storage/outreach.ts';
import type { HandlerMap } from './context.ts';

export const OUTREACH_HANDLERS: HandlerMap<'outreach.log' | 'outreach.logGroupPost'> = {
  async 'outreach.log'({ idempotencyKey, kind, channel, text, person, dealId }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    const followUpOn = await followUpDateFor(db, now);
    // Contact and outreach in one transaction: all or nothing (a full disk leaves no contact).
    const { record, created } = await logOutreach(
      db,
      {
        idempotencyKey,
        contactName: person.fullName,
        kind,
        channel,
        text,
        followUpOn,
        ...(dealId ? { dealId } : {}),
      },
      now.getTime(),
      person,
    );
    return { outreachId: record.id, contactId: record.contactId ?? '', duplicate: !created };
  },

  async 'outreach.logGroupPost'({ idempotencyKey, text, group }, ctx) {
    const now = ctx.now();
    const db = await ctx.db();
    const { record, created } = await logOutreach(
      db,
      {
        idempotencyKey,
        contactName: group.name,
        targetUrl: group.url,
        kind: 'group-post',
        channel: 'linkedin-group',
        text,
        followUpOn: await followUpDateFor(db, now),
      },
      now.getTime(),
    );
    return { outreachId: record.id, duplicate: !created };
  },
};
