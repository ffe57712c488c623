import { localDateOf } from '../../shared/dates.ts';
import { addWorkingDays } from '../../shared/follow-up.ts';
import { logOutreach } from '../../storage/outreach.ts';
import type { HandlerMap } from './context.ts';

/** Working days after sending before an unanswered ask shows as a due follow-up. */
export const FOLLOW_UP_WORKING_DAYS = 3;

export const OUTREACH_HANDLERS: HandlerMap<'outreach.log' | 'outreach.logGroupPost'> = {
  async 'outreach.log'({ idempotencyKey, kind, channel, text, person }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    // Contact and outreach in one transaction: all or nothing (a full disk leaves no contact).
    const { record, created } = await logOutreach(
      db,
      {
        idempotencyKey,
        contactName: person.fullName,
        kind,
        channel,
        text,
        followUpOn: addWorkingDays(localDateOf(now), FOLLOW_UP_WORKING_DAYS),
      },
      now.getTime(),
      person,
    );
    return { outreachId: record.id, contactId: record.contactId ?? '', duplicate: !created };
  },

  async 'outreach.logGroupPost'({ idempotencyKey, text, group }, ctx) {
    const now = ctx.now();
    const { record, created } = await logOutreach(
      await ctx.db(),
      {
        idempotencyKey,
        contactName: group.name,
        targetUrl: group.url,
        kind: 'group-post',
        channel: 'linkedin-group',
        text,
        followUpOn: addWorkingDays(localDateOf(now), FOLLOW_UP_WORKING_DAYS),
      },
      now.getTime(),
    );
    return { outreachId: record.id, duplicate: !created };
  },
};
