import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/background/handlers/index.ts';
import { route } from '../../src/background/router.ts';
import type { SenderInfo } from '../../src/messaging/sender.ts';
import { asksPerDay } from '../../src/shared/analytics.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import { DRAFT_PENDING_MS, draftsToFinish, pendingDrafts } from '../../src/shared/drafts.ts';
import type { Outreach, Quota } from '../../src/shared/model.ts';
import { allOutreach } from '../../src/storage/dashboard.ts';
import { loadDay } from '../../src/storage/day.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { discardDraft, listDrafts, saveDraft, sendDraft, type NewDraft } from '../../src/storage/drafts.ts';
import { contactLedger } from '../../src/storage/follow-through.ts';
import { MIGRATIONS } from '../../src/storage/migrations.ts';
import { saveQuota, saveSettings } from '../../src/storage/settings.ts';

const SELF = { id: 'gapcloserextensionidgapcloserext', origin: 'chrome-extension://gapcloserextensionidgapcloserext' };
const POPUP: SenderInfo = { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` };
const content = (origin: string): SenderInfo => ({
  id: SELF.id,
  url: `${origin}/x`,
  origin,
  frameId: 0,
  tab: { id: 4 },
});
const GMAIL = content('https://mail.google.com');
const OUTLOOK = content('https://outlook.live.com');
const LINKEDIN = content('https://www.linkedin.com');

const NOW = new Date('2026-12-02T14:30:00'); // a Wednesday, local time
const TOKEN = '0123456789abcdef0123456789abcdef';
const QUOTA: Quota = {
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  target: 240_000,
  currency: 'USD',
  closedBaseline: 130_000,
  averageDealSize: 12_000,
};

let db: Db;
let ctx: HandlerContext;
let clock = NOW.getTime();

beforeEach(async () => {
  db = await openDatabase({ name: `drafts-test-${Math.random().toString(36).slice(2)}` });
  clock = NOW.getTime();
  ctx = { db: async () => db, now: () => new Date(clock) };
  await saveSettings(db, DEFAULT_SETTINGS);
  await saveQuota(db, QUOTA);
});

afterEach(() => db.close());

function draft(overrides: Partial<NewDraft> = {}): NewDraft {
  return {
    idempotencyKey: TOKEN,
    contactName: 'Jordan Whitfield',
    kind: 'referral-ask',
    channel: 'email',
    text: 'Hi Jordan, who do you know…',
    person: { fullName: 'Jordan Whitfield', firstName: 'Jordan', email: 'jordan@morgan.example' },
    ...overrides,
  };
}

async function asksToday(): Promise<number> {
  const day = await loadDay(db, new Date(clock));
  return day.todaysOutreach.length;
}

describe('pending drafts and drafts to finish', () => {
  const at = NOW.getTime();
  const fresh = { createdAt: at - 60_000 };
  const almost = { createdAt: at - DRAFT_PENDING_MS + 1 };
  const dayOld = { createdAt: at - DRAFT_PENDING_MS };
  const older = { createdAt: at - 3 * DRAFT_PENDING_MS };

  it('a draft under a day old is still on its way; at a day it drops out and is listed to finish', () => {
    expect(pendingDrafts([older, fresh, dayOld, almost], at)).toEqual([fresh, almost]);
    expect(draftsToFinish([fresh, dayOld, almost, older], at)).toEqual([older, dayOld]);
  });
});

describe('drafts in storage', () => {
  it('copying or inserting one draft twice keeps one draft (the latest text) and logs nothing', async () => {
    const first = await saveDraft(db, draft(), 1_000);
    const again = await saveDraft(db, draft({ text: 'Hi Jordan, edited' }), 2_000);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(await listDrafts(db)).toEqual([
      expect.objectContaining({ idempotencyKey: TOKEN, text: 'Hi Jordan, edited', createdAt: 1_000, updatedAt: 2_000 }),
    ]);
    expect(await db.count('outreach')).toBe(0);
    expect(await db.count('contacts')).toBe(0);
  });

  it('drafted → sent: logged once at the moment of sending with its contact, and the draft goes', async () => {
    await saveDraft(db, draft(), clock - 3_600_000);
    const sent = await sendDraft(db, TOKEN, '2026-12-07', clock);
    expect(sent?.created).toBe(true);
    expect(sent?.record).toMatchObject({
      idempotencyKey: TOKEN,
      kind: 'referral-ask',
      channel: 'email',
      text: 'Hi Jordan, who do you know…',
      createdAt: clock,
      followUpOn: '2026-12-07',
      status: 'awaiting',
      contactName: 'Jordan Whitfield',
    });
    expect((await db.getAll('contacts')).map((c) => c.email)).toEqual(['jordan@morgan.example']);
    expect(await listDrafts(db)).toEqual([]);
    // Sent twice (two Send clicks, a retried message, "Mark sent" after Send): still one ask.
    const twice = await sendDraft(db, TOKEN, '2026-12-07', clock + 1);
    expect(twice).toMatchObject({ created: false, record: { id: sent?.record.id } });
    // Inserting into the same compose again after it was sent keeps it sent, adds no draft.
    const after = await saveDraft(db, draft({ text: 'again' }), clock + 2);
    expect(after).toMatchObject({ created: false, sent: { id: sent?.record.id } });
    expect(await db.count('outreach')).toBe(1);
    expect(await listDrafts(db)).toEqual([]);
  });

  it('an unknown key sends nothing; a discarded draft is gone and never counted', async () => {
    expect(await sendDraft(db, 'no-such-key-00', '2026-12-07', clock)).toBeUndefined();
    await saveDraft(db, draft());
    expect(await discardDraft(db, TOKEN)).toBe(true);
    expect(await discardDraft(db, TOKEN)).toBe(false);
    expect(await sendDraft(db, TOKEN, '2026-12-07', clock)).toBeUndefined();
    expect(await db.count('outreach')).toBe(0);
  });
});

describe('counting reads sent asks only', () => {
  it('the pace and the badge (loadDay), the ledger and analytics ignore drafts until they are sent', async () => {
    await saveDraft(db, draft(), clock - 1000);
    await saveDraft(db, draft({ idempotencyKey: 'other-draft-01', contactName: 'Priya' }), clock - 500);
    const before = await loadDay(db, new Date(clock));
    expect(before.todaysOutreach).toEqual([]);
    expect(before.pace?.asksMadeToday).toBe(0);
    const leftBefore = before.pace?.asksLeftToday;
    expect(asksPerDay(await allOutreach(db), { from: '2026-12-02', to: '2026-12-02' })).toEqual([
      { date: '2026-12-02', asks: 0 },
    ]);

    const sent = await sendDraft(db, TOKEN, '2026-12-07', clock);
    const after = await loadDay(db, new Date(clock));
    expect(after.pace?.asksMadeToday).toBe(1);
    expect(after.pace?.asksLeftToday).toBe((leftBefore ?? 0) - 1);
    expect(await asksToday()).toBe(1);
    expect(asksPerDay(await allOutreach(db), { from: '2026-12-02', to: '2026-12-02' })).toEqual([
      { date: '2026-12-02', asks: 1 },
    ]);
    const { ledger } = await contactLedger(db, sent?.record.contactId ?? '', 'Jordan', clock);
    expect(ledger.asksInLast30Days).toBe(1);
  });

  it('a draft written yesterday and sent today counts today, not yesterday', async () => {
    await saveDraft(db, draft(), clock - DRAFT_PENDING_MS);
    await sendDraft(db, TOKEN, '2026-12-07', clock);
    expect(await asksToday()).toBe(1);
  });
});

describe('messages: drafts from the frame, sends from the compose window', () => {
  const webmailLog = {
    idempotencyKey: TOKEN,
    templateId: 'builtin:referral-ask:email',
    text: 'Hi Jordan',
    recipient: { email: 'jordan@morgan.example', name: 'Jordan Whitfield' },
    draft: true,
  };

  it('inserting twice into one compose is one draft; its Send makes it one sent ask', async () => {
    const first = await route({ type: 'webmail.log', payload: webmailLog }, POPUP, SELF, ctx);
    const second = await route({ type: 'webmail.log', payload: webmailLog }, POPUP, SELF, ctx);
    expect(first).toMatchObject({ ok: true, data: { drafted: true, duplicate: false } });
    expect(second).toMatchObject({ ok: true, data: { drafted: true, duplicate: true } });
    expect(await db.count('drafts')).toBe(1);
    expect(await db.count('outreach')).toBe(0);

    expect(await route({ type: 'webmail.sent', payload: { composeToken: TOKEN } }, GMAIL, SELF, ctx)).toEqual({
      ok: true,
      data: { sent: true },
    });
    expect(await route({ type: 'webmail.sent', payload: { composeToken: TOKEN } }, OUTLOOK, SELF, ctx)).toEqual({
      ok: true,
      data: { sent: true },
    });
    expect(await db.count('outreach')).toBe(1);
    expect(await db.count('drafts')).toBe(0);
  });

  it('a LinkedIn copy is a draft until "Sent" (outreach.markSent); "Sent" twice is one ask', async () => {
    const payload = {
      idempotencyKey: 'dialog-key-0001',
      kind: 'referral-ask',
      channel: 'linkedin-message',
      text: 'Hi Jordan',
      person: { fullName: 'Jordan Whitfield', linkedinUrl: 'https://www.linkedin.com/in/jordan-whitfield/' },
      draft: true,
    };
    await route({ type: 'outreach.log', payload }, POPUP, SELF, ctx);
    await route({ type: 'outreach.log', payload }, POPUP, SELF, ctx);
    expect(await asksToday()).toBe(0);
    const sent = await route(
      { type: 'outreach.markSent', payload: { idempotencyKey: 'dialog-key-0001' } },
      POPUP,
      SELF,
      ctx,
    );
    const again = await route(
      { type: 'outreach.markSent', payload: { idempotencyKey: 'dialog-key-0001' } },
      POPUP,
      SELF,
      ctx,
    );
    expect(sent).toMatchObject({ ok: true, data: { sent: true, duplicate: false } });
    expect(again).toMatchObject({ ok: true, data: { sent: true, duplicate: true } });
    expect(await asksToday()).toBe(1);
  });

  it('only content scripts may report a send, with a well-formed token only', async () => {
    const sent = (payload: unknown, sender: SenderInfo) => route({ type: 'webmail.sent', payload }, sender, SELF, ctx);
    // LinkedIn reports a message box whose text appeared in the conversation (nothing stored here).
    expect(await sent({ composeToken: TOKEN }, LINKEDIN)).toEqual({ ok: true, data: { sent: false } });
    expect(await sent({ composeToken: TOKEN }, POPUP)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [
      {},
      { composeToken: 'ABC' },
      { composeToken: `${TOKEN}0` },
      { composeToken: TOKEN, text: 'x' },
    ]) {
      expect(await sent(bad, GMAIL)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    // A token the worker never saw changes nothing.
    expect(await sent({ composeToken: 'f'.repeat(32) }, GMAIL)).toEqual({ ok: true, data: { sent: false } });
    // Content scripts still may not keep drafts or mark them sent themselves.
    expect(
      await route({ type: 'outreach.markSent', payload: { idempotencyKey: TOKEN } }, GMAIL, SELF, ctx),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('v6 migration: history logged before drafts existed stays sent', () => {
  it('keeps every v5 outreach as it was (sent, counted) and adds an empty drafts store', async () => {
    const name = `drafts-migration-${Math.random().toString(36).slice(2)}`;
    const v5 = await openDatabase({ name, version: 5, migrations: MIGRATIONS.slice(0, 5) });
    const old: Outreach = {
      id: 'o-before',
      idempotencyKey: 'o-before',
      contactName: 'Jordan Whitfield',
      kind: 'referral-ask',
      channel: 'email',
      text: 'logged on insert, before drafts existed',
      createdAt: clock - 60_000,
      followUpOn: '2026-12-07',
      status: 'awaiting',
    };
    await v5.put('outreach', old);
    await saveSettings(v5, DEFAULT_SETTINGS);
    await saveQuota(v5, QUOTA);
    v5.close();
    const upgraded = await openDatabase({ name });
    try {
      expect(await upgraded.getAll('outreach')).toEqual([old]);
      expect(await upgraded.count('drafts')).toBe(0);
      const day = await loadDay(upgraded, new Date(clock));
      expect(day.pace?.asksMadeToday).toBe(1);
    } finally {
      upgraded.close();
    }
  });
});
