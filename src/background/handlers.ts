import type { MessageType, Payload, Replies } from '../messaging/contract.ts';
import { builtinTemplateFor } from '../shared/builtin-templates.ts';
import { addWorkingDays } from '../shared/follow-up.ts';
import { localDateOf } from '../shared/dates.ts';
import { firstNameOf } from '../shared/names.ts';
import { renderTemplate } from '../shared/template.ts';
import { upsertContact } from '../storage/contacts.ts';
import type { Db } from '../storage/db.ts';
import { logOutreach } from '../storage/outreach.ts';
import { getSettings } from '../storage/settings.ts';

export interface HandlerContext {
  db: () => Promise<Db>;
  now: () => Date;
}

type Handlers = { [T in MessageType]: (payload: Payload<T>, ctx: HandlerContext) => Promise<Replies[T]> };

/** Working days after sending before an unanswered ask shows as a due follow-up. */
export const FOLLOW_UP_WORKING_DAYS = 3;

export const HANDLERS: Handlers = {
  async 'draft.compose'({ kind, channel, person }, ctx) {
    const db = await ctx.db();
    const [settings, stored] = await Promise.all([getSettings(db), db.getAll('templates')]);
    const template =
      stored.find((candidate) => candidate.kind === kind && candidate.channel === channel) ??
      builtinTemplateFor(kind, channel);
    if (!template) throw new Error(`There is no template for ${kind} on ${channel} yet.`);
    const rendered = renderTemplate(template.body, {
      firstName: person.firstName || firstNameOf(person.fullName),
      fullName: person.fullName,
      company: person.company,
      headline: person.headline,
      myName: settings.me.name,
      myCompany: settings.me.company,
      product: settings.me.product,
      signature: settings.me.signature,
    });
    return { ...rendered, templateName: template.name };
  },

  async 'outreach.log'({ idempotencyKey, kind, channel, text, person }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    const contact = await upsertContact(db, person, now.getTime());
    const before = await db.getFromIndex('outreach', 'byIdempotencyKey', idempotencyKey);
    const record = await logOutreach(
      db,
      {
        idempotencyKey,
        contactId: contact.id,
        contactName: contact.fullName,
        kind,
        channel,
        text,
        followUpOn: addWorkingDays(localDateOf(now), FOLLOW_UP_WORKING_DAYS),
      },
      now.getTime(),
    );
    return { outreachId: record.id, contactId: contact.id, duplicate: before !== undefined };
  },
};
