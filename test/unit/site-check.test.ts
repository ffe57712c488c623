import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { route } from '../../src/background/router.ts';
import { needsAttention, reportKey } from '../../src/shared/site-check.ts';
import { exportAll } from '../../src/storage/backup.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { readSiteChecks } from '../../src/storage/site-check.ts';

const SELF = { id: 'gapcloserextensionidgapcloserext', origin: 'chrome-extension://gapcloserextensionidgapcloserext' };
const from = (url: string) => ({ id: SELF.id, url, origin: new URL(url).origin, frameId: 0, tab: { id: 3 } });
const LINKEDIN = from('https://www.linkedin.com/in/jordan-whitfield/');
const GMAIL = from('https://mail.google.com/mail/u/0/#inbox');
const OPTIONS = { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/options/index.html` };
const NOW = new Date('2026-12-03T09:00:00Z');
let db: Db;
let ctx: { db: () => Promise<Db>; now: () => Date };
beforeEach(async () => {
  db = await openDatabase({ name: `site-check-${Math.random().toString(36).slice(2)}` });
  ctx = { db: () => Promise.resolve(db), now: () => NOW };
});
afterEach(() => db.close());

const report = { layout: 'profile-2026', missing: ['action row'], fallbacks: ['floating'] };

describe('site check: the validated write path', () => {
  it('keeps the last report of the sending site, with the time, codes only', async () => {
    const reply = await route({ type: 'siteCheck.linkedin', payload: report }, LINKEDIN, SELF, ctx);
    expect(reply).toEqual({ ok: true, data: {} });
    expect(await readSiteChecks(db)).toEqual({ linkedin: { ...report, at: NOW.getTime() } });
    await route(
      { type: 'siteCheck.gmail', payload: { layout: 'compose', missing: [], fallbacks: [] } },
      GMAIL,
      SELF,
      ctx,
    );
    expect(Object.keys(await readSiteChecks(db)).sort()).toEqual(['gmail', 'linkedin']);
    // Diagnostics, not the user's data: a backup leaves it out.
    expect((await exportAll(db)).settings.map((row) => row.key)).toEqual([]);
  });

  it('refuses a report about another site, and from extension pages', async () => {
    const crossSite = await route({ type: 'siteCheck.linkedin', payload: report }, GMAIL, SELF, ctx);
    expect(crossSite).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const page = await route({ type: 'siteCheck.linkedin', payload: report }, OPTIONS, SELF, ctx);
    expect(page).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await readSiteChecks(db)).toEqual({});
  });

  it.each([
    ['page text as a layout', { ...report, layout: 'Jordan Whitfield' }],
    ['another site’s layout', { ...report, layout: 'compose' }],
    ['an unknown anchor', { ...report, missing: ['Head of Sales at Beispiel GmbH'] }],
    ['an unknown fallback', { ...report, fallbacks: ['x'] }],
    ['an extra field', { ...report, name: 'Jordan Whitfield' }],
    ['too many anchors', { ...report, missing: Array(9).fill('headline') }],
  ])('refuses %s and keeps nothing', async (_label, payload) => {
    const reply = await route({ type: 'siteCheck.linkedin', payload }, LINKEDIN, SELF, ctx);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await readSiteChecks(db)).toEqual({});
  });
});

describe('site check: pure helpers', () => {
  it('flags a report with a missing anchor, a fallback or an unknown layout', () => {
    expect(needsAttention({ layout: 'profile-2025', missing: [], fallbacks: [] })).toBe(false);
    expect(needsAttention({ layout: 'profile-2025', missing: ['headline'], fallbacks: [] })).toBe(true);
    expect(needsAttention({ layout: 'profile-2026', missing: [], fallbacks: ['floating'] })).toBe(true);
    expect(needsAttention({ layout: 'profile-unknown', missing: [], fallbacks: [] })).toBe(true);
  });

  it('gives the same key to the same finding in any order', () => {
    expect(reportKey({ layout: 'profile-2024', missing: ['a', 'b'], fallbacks: [] } as never)).toBe(
      reportKey({ layout: 'profile-2024', missing: ['b', 'a'], fallbacks: [] } as never),
    );
  });
});
