import { contactHint } from '../../shared/contact-hint.ts';
import { outreachOfContact } from '../../storage/archive.ts';
import { contactByLinkedin, upsertContact } from '../../storage/contacts.ts';
import type { HandlerMap } from './context.ts';

export const CONTACT_HANDLERS: HandlerMap<'contact.context' | 'contact.setRelationship'> = {
  async 'contact.context'({ linkedinUrl }, ctx) {
    const db = await ctx.db();
    const contact = await contactByLinkedin(db, linkedinUrl);
    if (!contact) return {};
    const history = await outreachOfContact(db, contact.id);
    const hint = contactHint(history, ctx.now().getTime());
    return { ...(contact.relationship && { relationship: contact.relationship }), ...(hint && { hint }) };
  },

  async 'contact.setRelationship'({ person, relationship }, ctx) {
    const db = await ctx.db();
    // One write: a failure (a full disk) leaves neither a new contact nor half an edit.
    const contact = await upsertContact(db, person, ctx.now().getTime(), { relationship });
    return { contactId: contact.id };
  },
};
