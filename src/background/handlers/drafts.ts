import { firstNameOf } from '../../shared/names.ts';
import { draftOf, type PlaceholderValues } from '../../shared/template.ts';
import { getSettings } from '../../storage/settings.ts';
import { allTemplates, pickTemplate } from '../../storage/templates.ts';
import type { HandlerMap } from './context.ts';

export const DRAFT_HANDLERS: HandlerMap<'draft.compose' | 'templates.list'> = {
  async 'draft.compose'({ kind, channel, templateId, person, group }, ctx) {
    const db = await ctx.db();
    const [settings, templates] = await Promise.all([getSettings(db), allTemplates(db, ctx.locale?.() ?? 'en')]);
    const template = pickTemplate(templates, kind, channel, templateId);
    if (!template) throw new Error(`There is no template for ${kind} on ${channel} yet.`);
    const values: PlaceholderValues = {
      myName: settings.me.name,
      myCompany: settings.me.company,
      product: settings.me.product,
      signature: settings.me.signature,
      ...(person && {
        firstName: person.firstName || firstNameOf(person.fullName),
        fullName: person.fullName,
        company: person.company,
        headline: person.headline,
      }),
      ...(group && { groupName: group.name }),
    };
    return draftOf(template, values);
  },

  async 'templates.list'({ channel }, ctx) {
    const templates = await allTemplates(await ctx.db(), ctx.locale?.() ?? 'en');
    return {
      templates: templates
        .filter((template) => channel === undefined || template.channel === channel)
        .map(({ id, name, kind, channel: templateChannel }) => ({ id, name, kind, channel: templateChannel })),
    };
  },
};
