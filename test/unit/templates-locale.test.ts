import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/background/handlers/context.ts';
import { DRAFT_HANDLERS } from '../../src/background/handlers/drafts.ts';
import {
  BUILTIN_TEMPLATES as GENERAL,
  BUILTIN_TEMPLATES_DE as GENERAL_DE,
  builtinTemplatesFor,
} from '../../src/shared/builtin-templates.ts';
import { RELATIONSHIP_TEMPLATES, RELATIONSHIP_TEMPLATES_DE } from '../../src/shared/builtin-templates-relationship.ts';

const BUILTIN_TEMPLATES = [...GENERAL, ...RELATIONSHIP_TEMPLATES];
const BUILTIN_TEMPLATES_DE = [...GENERAL_DE, ...RELATIONSHIP_TEMPLATES_DE];
import type { Template } from '../../src/shared/model.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { allTemplates } from '../../src/storage/templates.ts';

const OWN: Template = { id: 'user:1', kind: 'upsell', channel: 'email', name: 'Mine', body: 'Hi', builtIn: false };

let db: Db;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ name: 'templates-locale' });
  await db.put('templates', OWN);
});
afterEach(() => db.close());

const builtInIds = (templates: readonly Template[]) => templates.filter((t) => t.builtIn).map((t) => t.id);

describe('built-in templates follow the UI language', () => {
  it('German UI languages get the German built-ins, plus the user’s own', async () => {
    for (const locale of ['de', 'de-DE', 'de-AT', 'DE-ch']) {
      const all = await allTemplates(db, locale);
      expect(builtInIds(all)).toEqual(BUILTIN_TEMPLATES_DE.map((t) => t.id));
      expect(all.every((t) => !t.builtIn || t.locale === 'de')).toBe(true);
      expect(all.filter((t) => !t.builtIn)).toEqual([OWN]);
    }
  });

  it('English and every other language (and no language) get the English built-ins, plus the user’s own', async () => {
    for (const locale of ['en', 'en-GB', 'fr', 'pt-BR', '']) {
      const all = await allTemplates(db, locale);
      expect(builtInIds(all)).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
      expect(all.filter((t) => !t.builtIn)).toEqual([OWN]);
    }
    expect(builtInIds(await allTemplates(db))).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
  });

  it('an edited German built-in replaces the German original', async () => {
    const original = BUILTIN_TEMPLATES_DE.find((t) => t.id === 'builtin:referral-ask:email:de');
    if (!original) throw new Error('missing German built-in');
    await db.put('templates', { ...original, body: 'Meine Fassung' });
    const all = await allTemplates(db, 'de');
    expect(all.filter((t) => t.id === original.id).map((t) => t.body)).toEqual(['Meine Fassung']);
  });

  it('the handlers list and render the built-ins of the context’s language (English when it has none)', async () => {
    const german: HandlerContext = { db: async () => db, now: () => new Date(), locale: () => 'de-DE' };
    const english: HandlerContext = { db: async () => db, now: () => new Date() };
    const list = await DRAFT_HANDLERS['templates.list']({ channel: 'email' }, german);
    expect(list.templates.map((t) => t.id)).toContain('builtin:referral-ask:email:de');
    expect(list.templates.map((t) => t.id)).toContain('user:1');
    expect(list.templates.map((t) => t.id)).not.toContain('builtin:referral-ask:email');
    const draft = await DRAFT_HANDLERS['draft.compose']({ kind: 'referral-ask', channel: 'email' }, german);
    expect(draft.templateId).toBe('builtin:referral-ask:email:de');
    expect(draft.text).toMatch(/^Hallo /);
    const englishDraft = await DRAFT_HANDLERS['draft.compose']({ kind: 'referral-ask', channel: 'email' }, english);
    expect(englishDraft.templateId).toBe('builtin:referral-ask:email');
  });

  it('the German set covers every kind and channel of the English set, with the same placeholders', () => {
    const key = (t: Template) => `${t.kind}/${t.channel}`;
    expect(BUILTIN_TEMPLATES_DE.map(key)).toEqual(BUILTIN_TEMPLATES.map(key));
    const placeholders = (t: Template) =>
      [...new Set([...`${t.subject ?? ''} ${t.body}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
    for (const [index, german] of BUILTIN_TEMPLATES_DE.entries()) {
      const english = BUILTIN_TEMPLATES[index];
      if (!english) throw new Error('no English counterpart');
      expect(placeholders(german), german.id).toEqual(placeholders(english));
      expect(german.subject === undefined, german.id).toBe(english.subject === undefined);
      expect(german.id).toBe(`${english.id}:de`);
    }
    expect(builtinTemplatesFor('de')).toEqual(BUILTIN_TEMPLATES_DE);
    expect(BUILTIN_TEMPLATES_DE.map((t) => t.relationships)).toEqual(BUILTIN_TEMPLATES.map((t) => t.relationships));
  });
});
