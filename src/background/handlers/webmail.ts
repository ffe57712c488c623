import { recipientFirstName } from '../../shared/email-address.ts';
import type { Template } from '../../shared/model.ts';
import { contactByEmail } from '../../storage/contacts.ts';
import { chooseTemplate, draftOf, type PlaceholderValues } from '../../shared/template.ts';
import type { Db } from '../../storage/db.ts';
import { recordOutcome } from '../../storage/outreach.ts';
import { getSettings } from '../../storage/settings.ts';
import { allTemplates } from '../../storage/templates.ts';
import { helpFactsFor } from '../../storage/referrals.ts';
import { nameTheHelp } from '../../shared/thank-you-note.ts';
import type { HandlerMap } from './context.ts';
import { logOrDraft } from './log-or-draft.ts';
import { bookValues, ownValues, typed } from './drafts.ts';

async function emailTemplate(db: Db, templateId: string, locale: string): Promise<Template> {
  const template = (await allTemplates(db, locale)).find(
    (candidate) => candidate.id === templateId && candidate.channel === 'email',
  );
  if (!template) throw new Error('That email template no longer exists; open the menu again.');
  return template;
}

/** Gmail and Outlook compose windows: drafts from templates, logging, outcomes from the inbox. */
export const WEBMAIL_HANDLERS: HandlerMap<'contact.lookup' | 'webmail.draft' | 'webmail.log' | 'outcome.record'> = {
  async 'contact.lookup'({ emails }, ctx) {
    const db = await ctx.db();
    const contacts = [];
    for (const email of new Set(emails)) {
      const contact = await contactByEmail(db, email);
      if (!contact) continue;
      // Asks awaiting an answer are never archived: the indexed store alone has them all.
      const asks = await db.getAllFromIndex('outreach', 'byContact', contact.id);
      contacts.push({
        email,
        ...(contact.company && { company: contact.company }),
        ...(contact.relationship && { relationship: contact.relationship }),
        awaitingAsk: asks.some((ask) => ask.status === 'awaiting'),
      });
    }
    return { contacts };
  },

  async 'webmail.draft'({ templateId, recipient, fill }, ctx) {
    const db = await ctx.db();
    const locale = ctx.locale?.() ?? 'en';
    const [settings, chosen, contact] = await Promise.all([
      getSettings(db),
      emailTemplate(db, templateId, locale),
      recipient ? contactByEmail(db, recipient.email) : undefined,
    ]);
    // The menu names the kind; the text follows who the recipient is (a customer, a former colleague…).
    const template =
      chooseTemplate(await allTemplates(db, locale), chosen.kind, 'email', contact?.relationship, chosen.id) ?? chosen;
    const values: PlaceholderValues = {
      ...ownValues(settings.me),
      ...(await bookValues(db, contact, {}, locale)),
      firstName: recipient && (recipientFirstName(recipient.name, recipient.email) ?? contact?.firstName),
      fullName: recipient?.name ?? contact?.fullName,
      headline: contact?.headline,
      ...typed(fill),
    };
    const draft = draftOf(template, values);
    if (template.kind !== 'thank-you' || !contact) return draft;
    // A thank-you names the help: whom they referred and how it went, the introduction, the advice.
    const helps = await helpFactsFor(db, contact.id, template.locale ?? 'en');
    return { ...draft, text: nameTheHelp(draft.text, helps, template.locale ?? 'en') };
  },

  async 'webmail.log'({ idempotencyKey, templateId, text, recipient, company, draft }, ctx) {
    const db = await ctx.db();
    const now = ctx.now();
    const [template, existing] = await Promise.all([
      emailTemplate(db, templateId, ctx.locale?.() ?? 'en'),
      contactByEmail(db, recipient.email),
    ]);
    // An address alone never replaces a name the log already has.
    const fullName = recipient.name ?? existing?.fullName ?? recipient.email;
    const firstName = recipient.name
      ? recipientFirstName(recipient.name, recipient.email)
      : (existing?.firstName ?? recipientFirstName(undefined, recipient.email));
    const person = {
      fullName,
      email: recipient.email,
      ...(firstName && { firstName }),
      // A company the user typed for this draft, when the log had none.
      ...(company && !existing?.company && { company }),
    };
    const entry = { idempotencyKey, contactName: fullName, kind: template.kind, channel: 'email' as const, text };
    // An inserted draft waits for the compose window's Send (webmail.sent) to be logged.
    return logOrDraft(db, entry, person, draft, now);
  },

  async 'outcome.record'({ email, outcome, wonAmount, referral }, ctx) {
    const db = await ctx.db();
    const contact = await contactByEmail(db, email);
    if (!contact) throw new Error('This address is not in your Gap Closer log.');
    const updated = await recordOutcome(db, contact.id, outcome, wonAmount, ctx.now().getTime(), referral);
    if (!updated) throw new Error(`You have not asked ${contact.fullName} anything yet.`);
    return {
      outreachId: updated.id,
      contactName: contact.fullName,
      outcome,
      ...(updated.wonAmount !== undefined && { wonAmount: updated.wonAmount }),
    };
  },
};
