import { builtinTemplateFor } from '../../shared/builtin-templates.ts';
import { firstNameOf } from '../../shared/names.ts';
import { renderTemplate } from '../../shared/template.ts';
import { getSettings } from '../../storage/settings.ts';
import type { HandlerMap } from './context.ts';

export const DRAFT_HANDLERS: HandlerMap<'draft.compose'> = {
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
};
