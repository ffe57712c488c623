import { factsFor } from '../../shared/draft-facts.ts';
import type { Contact, Me } from '../../shared/model.ts';
import { firstNameOf } from '../../shared/names.ts';
import { chooseTemplate, draftOf, type PlaceholderValues } from '../../shared/template.ts';
import type { Db } from '../../storage/db.ts';
import { bookFactsOf } from '../../storage/draft-facts.ts';
import { getSettings, rememberMe } from '../../storage/settings.ts';
import { allTemplates } from '../../storage/templates.ts';
import type { HandlerMap } from './context.ts';

/** The user's own values, as every template may use them. */
export function ownValues(me: Me): PlaceholderValues {
  return {
    myName: me.name,
    myCompany: me.company,
    product: me.product,
    signature: me.signature,
    ...(me.idealReferral && { idealReferral: me.idealReferral }),
  };
}

/** What the book knows about the person, over what the page shows (see shared/draft-facts.ts). */
export async function bookValues(
  db: Db,
  contact: Contact | undefined,
  page: { headline?: string | undefined; company?: string | undefined },
  locale: string,
): Promise<PlaceholderValues> {
  const { deals, favours } = await bookFactsOf(db, contact);
  return factsFor({ headline: page.headline, company: page.company, contact, deals, favours }, locale);
}

/** The values typed into a missing-value form, without the empty ones. */
export function typed(fill: PlaceholderValues | undefined): PlaceholderValues {
  return Object.fromEntries(Object.entries(fill ?? {}).filter(([, value]) => value?.trim())) as PlaceholderValues;
}

async function contactOf(db: Db, person: { linkedinUrl?: string | undefined; email?: string | undefined }) {
  return (
    (person.linkedinUrl ? await db.getFromIndex('contacts', 'byLinkedinUrl', person.linkedinUrl) : undefined) ??
    (person.email ? await db.getFromIndex('contacts', 'byEmail', person.email) : undefined)
  );
}

export const DRAFT_HANDLERS: HandlerMap<'draft.compose' | 'templates.list' | 'me.remember'> = {
  /** The user's own values typed into a missing-value form, kept in settings for next time. */
  async 'me.remember'(values, ctx) {
    const own = typed(values);
    await rememberMe(await ctx.db(), {
      ...(own.myName && { name: own.myName }),
      ...(own.myCompany && { company: own.myCompany }),
      ...(own.product && { product: own.product }),
      ...(own.idealReferral && { idealReferral: own.idealReferral }),
    });
    return { kept: Object.keys(own) };
  },

  async 'draft.compose'({ kind, channel, templateId, person, group, fill }, ctx) {
    const db = await ctx.db();
    const locale = ctx.locale?.() ?? 'en';
    const [settings, templates, contact] = await Promise.all([
      getSettings(db),
      allTemplates(db, locale),
      person ? contactOf(db, person) : undefined,
    ]);
    // The text follows who the person is to the user: a customer's ask is not a stranger's.
    const template = chooseTemplate(templates, kind, channel, contact?.relationship, templateId);
    if (!template) throw new Error(`There is no template for ${kind} on ${channel} yet.`);
    const values: PlaceholderValues = {
      ...ownValues(settings.me),
      ...(person && {
        ...(await bookValues(db, contact, person, locale)),
        firstName: person.firstName || firstNameOf(person.fullName),
        fullName: person.fullName,
        headline: person.headline,
      }),
      ...(group && { groupName: group.name }),
      ...typed(fill),
    };
    return draftOf(template, values);
  },

  async 'templates.list'({ channel }, ctx) {
    const templates = await allTemplates(await ctx.db(), ctx.locale?.() ?? 'en');
    return {
      templates: templates
        .filter((template) => channel === undefined || template.channel === channel)
        .map(({ id, name, kind, channel: templateChannel, relationships }) => ({
          id,
          name,
          kind,
          channel: templateChannel,
          ...(relationships && { relationships }),
        })),
    };
  },
};
