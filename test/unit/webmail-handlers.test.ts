import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/background/handlers/index.ts';
import { route } from '../../src/background/router.ts';
import type { SenderInfo } from '../../src/messaging/sender.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import type { Contact, Outreach } from '../../src/shared/model.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { wonInPeriod } from '../../src/storage/day.ts';
import { getSettings, saveSettings } from '../../src/storage/settings.ts';

const SELF = { id: 'gapcloserextensionidgapcloserext', origin: 'chrome-extension://gapcloserextensionidgapcloserext' };
const GMAIL: SenderInfo = {
  id: SELF.id,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  origin: 'https://mail.google.com',
  frameId: 0,
  tab: { id: 4 },
};
const outlook = (origin: string, frameId: number): SenderInfo => ({
  id: SELF.id,
  url: `${origin}/mail/`,
  origin,
  frameId,
  tab: { id: 5 },
});
const LINKEDIN: SenderInfo = {
  id: SELF.id,
  url: 'https://www.linkedin.com/in/x/',
  origin: 'https://www.linkedin.com',
  frameId: 0,
  tab: { id: 6 },
};

const NOW = new Date('2026-11-27T10:00:00');
let counter = 0;
let db: Db;
let ctx: HandlerContext;

beforeEach(async () => {
  counter += 1;
  db = await openDatabase({ name: `webmail-test-${counter}-${Math.random().toString(36).slice(2)}` });
  ctx = { db: async () => db, now: () => NOW };
  await saveSettings(db, {
    ...DEFAULT_SETTINGS,
    me: { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' },
  });
});

afterEach(() => {
  db.close();
});

const JORDAN: Contact = {
  id: 'c-jordan',
  fullName: 'Jordan Whitfield',
  firstName: 'Jordan',
  email: 'jordan@morgan.example',
  company: 'Morgan Mbeki',
  relationship: 'customer',
  notes: 'private: renewal 90k',
  createdAt: 1,
  updatedAt: 1,
};

/** The private frame Gmail's buttons open: an extension page in Gmail's tab (content scripts only open it). */
const FRAME: SenderInfo = {
  id: SELF.id,
  url: `${SELF.origin}/src/frame/index.html#session`,
  origin: SELF.origin,
  frameId: 7,
  tab: { id: 4 },
};

function send(type: string, payload: unknown, sender: SenderInfo = FRAME) {
  return route({ type, payload }, sender, SELF, ctx);
}

function ask(overrides: Partial<Outreach>): Outreach {
  return {
    id: 'o-1',
    idempotencyKey: 'key-o-1',
    contactId: 'c-jordan',
    contactName: 'Jordan Whitfield',
    kind: 'referral-ask',
    channel: 'email',
    text: 'Hi',
    createdAt: NOW.getTime() - 86_400_000,
    status: 'awaiting',
    ...overrides,
  };
}

describe('webmail messages', () => {
  it('contact.lookup answers company, relationship and whether an ask is open — never notes', async () => {
    await db.put('contacts', JORDAN);
    await db.put('outreach', ask({}));
    const reply = await send('contact.lookup', { emails: ['Jordan@Morgan.example', 'nobody@x.example'] });
    expect(reply).toEqual({
      ok: true,
      data: {
        contacts: [
          { email: 'jordan@morgan.example', company: 'Morgan Mbeki', relationship: 'customer', awaitingAsk: true },
        ],
      },
    });
    expect(JSON.stringify(reply)).not.toContain('private');
  });

  it('webmail.draft fills first name from the chip, company from the log, me from settings', async () => {
    await db.put('contacts', JORDAN);
    const reply = await send('webmail.draft', {
      templateId: 'builtin:referral-ask:email',
      recipient: { email: 'jordan@morgan.example', name: 'Jordan W.' },
    });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as { text: string; subject: string; kind: string; missing: string[] };
    expect(data.subject).toBe('A small favour, Jordan');
    expect(data.kind).toBe('referral-ask');
    // A customer: the customer's referral ask (the menu's "Referral ask" follows the relationship).
    expect(data.text).toMatch(/^Hi Jordan,\n\nYou know first-hand what Acme Insights does at Morgan Mbeki/);
    expect((reply.data as { templateId: string }).templateId).toBe('builtin:referral-ask:email:customer');
    expect(data.text).toMatch(/Sam Seller\nAcme Analytics$/);
    expect(data.missing).toEqual([]);
    expect(data.text).not.toContain('private');
  });

  it('webmail.draft for an unknown address guesses the first name from it and leaves gaps visible', async () => {
    const reply = await send('webmail.draft', {
      templateId: 'builtin:referral-ask:email',
      recipient: { email: 'priya.natarajan@novare.example' },
    });
    expect(reply.ok && (reply.data as { text: string }).text).toMatch(
      /^Hi Priya,\n\nI hope all is well at \{\{company\}\}/,
    );
    expect(reply.ok && (reply.data as { missing: string[] }).missing).toEqual(['company']);
  });

  it('webmail.draft refuses a template that is not an email one', async () => {
    const reply = await send('webmail.draft', { templateId: 'builtin:referral-ask:linkedin' });
    expect(reply).toEqual({ ok: false, error: { code: 'failed', message: expect.stringMatching(/no longer exists/) } });
  });

  it('webmail.log upserts by address, keeps a known name when the page shows only the address, and is idempotent', async () => {
    await db.put('contacts', JORDAN);
    const payload = {
      idempotencyKey: 'abcdefgh1234',
      templateId: 'builtin:upsell:email',
      text: 'Hi Jordan',
      recipient: { email: 'JORDAN@morgan.example' },
    };
    const first = await send('webmail.log', payload);
    const again = await send('webmail.log', payload);
    expect(first).toMatchObject({ ok: true, data: { contactId: 'c-jordan', duplicate: false } });
    expect(again).toMatchObject({ ok: true, data: { contactId: 'c-jordan', duplicate: true } });
    const stored = await db.getAll('outreach');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: 'upsell',
      channel: 'email',
      contactName: 'Jordan Whitfield',
      status: 'awaiting',
    });
    expect(await db.get('contacts', 'c-jordan')).toMatchObject({
      fullName: 'Jordan Whitfield',
      notes: 'private: renewal 90k',
    });

    const newcomer = await send('webmail.log', {
      ...payload,
      idempotencyKey: 'ijklmnop5678',
      recipient: { email: 'avery.lindqvist@x.example' },
    });
    expect(newcomer.ok).toBe(true);
    const contacts = await db.getAll('contacts');
    expect(contacts.find((contact) => contact.email === 'avery.lindqvist@x.example')).toMatchObject({
      fullName: 'avery.lindqvist@x.example',
      firstName: 'Avery',
    });
  });

  it('me.remember keeps the user’s own typed values, leaves the rest of the settings, and only from extension pages', async () => {
    await expect(send('me.remember', { product: 'Acme Forecast', myCompany: '  ' })).resolves.toEqual({
      ok: true,
      data: { kept: ['product'] },
    });
    const settings = await getSettings(db);
    // A blank value never replaces a kept one; everything else in the row stays as it was.
    expect(settings.me).toEqual({
      name: 'Sam Seller',
      company: 'Acme Analytics',
      product: 'Acme Forecast',
      signature: 'Sam',
    });
    // A page cannot choose what the user's drafts say.
    await expect(send('me.remember', { product: 'Evil Corp' }, GMAIL)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(send('me.remember', { signature: 'x' })).resolves.toMatchObject({ ok: false });
    expect((await getSettings(db)).me.product).toBe('Acme Forecast');
  });

  it('outcome.record resolves the latest open ask; a win counts as closed in the period', async () => {
    await db.put('contacts', JORDAN);
    await db.put('outreach', ask({ id: 'old', idempotencyKey: 'key-old', createdAt: NOW.getTime() - 5 * 86_400_000 }));
    await db.put('outreach', ask({ id: 'new', idempotencyKey: 'key-new' }));
    await db.put(
      'outreach',
      ask({ id: 'done', idempotencyKey: 'key-done', createdAt: NOW.getTime(), status: 'resolved', outcome: 'replied' }),
    );
    const reply = await send('outcome.record', { email: 'jordan@morgan.example', outcome: 'won', wonAmount: 12_500 });
    expect(reply).toEqual({
      ok: true,
      data: { outreachId: 'new', contactName: 'Jordan Whitfield', outcome: 'won', wonAmount: 12_500 },
    });
    expect(await db.get('outreach', 'new')).toMatchObject({
      status: 'resolved',
      outcome: 'won',
      wonAmount: 12_500,
      outcomeAt: NOW.getTime(),
    });
    expect(await db.get('outreach', 'old')).toMatchObject({ status: 'awaiting' });
    const periodStart = new Date('2026-11-01T00:00:00').getTime();
    const periodEnd = new Date('2026-12-01T00:00:00').getTime();
    expect((await wonInPeriod(db, periodStart, periodEnd)).amount).toBe(12_500);

    // Changing one's mind: the next outcome goes to the remaining open ask, then to the latest.
    await send('outcome.record', { email: 'jordan@morgan.example', outcome: 'meeting' });
    expect(await db.get('outreach', 'old')).toMatchObject({ status: 'resolved', outcome: 'meeting' });
  });

  it('outcome.record: help owes a thank-you (the thank-you loop), and a thank-you is never the ask resolved', async () => {
    await db.put('contacts', JORDAN);
    await db.put('outreach', ask({ id: 'ask', idempotencyKey: 'key-ask' }));
    await db.put(
      'outreach',
      ask({
        id: 'thanks',
        idempotencyKey: 'key-thanks',
        kind: 'thank-you',
        createdAt: NOW.getTime(),
        status: 'resolved',
      }),
    );
    const reply = await send('outcome.record', { email: 'jordan@morgan.example', outcome: 'helped-referral' });
    expect(reply).toMatchObject({ ok: true, data: { outreachId: 'ask', outcome: 'helped-referral' } });
    expect(await db.get('outreach', 'thanks')).not.toHaveProperty('outcome');
    const owed = await db.getAll('thanks');
    expect(owed).toEqual([expect.objectContaining({ contactId: 'c-jordan', outreachId: 'ask', status: 'owed' })]);
  });

  it('outcome.record validates: amount only with won, positive; unknown people get a clear error', async () => {
    const invalid = await Promise.all([
      send('outcome.record', { email: 'jordan@morgan.example', outcome: 'won' }),
      send('outcome.record', { email: 'jordan@morgan.example', outcome: 'replied', wonAmount: 10 }),
      send('outcome.record', { email: 'jordan@morgan.example', outcome: 'won', wonAmount: -5 }),
      send('outcome.record', { email: 'jordan@morgan.example', outcome: 'lost' }),
      send('outcome.record', { email: 'not an address', outcome: 'replied' }),
    ]);
    for (const reply of invalid) expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await expect(send('outcome.record', { email: 'jordan@morgan.example', outcome: 'replied' })).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'This address is not in your Gap Closer log.' },
    });
    await db.put('contacts', JORDAN);
    await expect(send('outcome.record', { email: 'jordan@morgan.example', outcome: 'replied' })).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: 'You have not asked Jordan Whitfield anything yet.' },
    });
  });
});

describe('who may send webmail messages', () => {
  it('accepts Outlook content scripts in sub-frames, on all three hosts', async () => {
    for (const origin of ['https://outlook.live.com', 'https://outlook.office.com', 'https://outlook.office365.com']) {
      await expect(send('shortcut.insertTemplate', {}, outlook(origin, 7))).resolves.toEqual({
        ok: true,
        data: { shortcut: '' },
      });
    }
  });

  it('answers no lookup, draft, log or outcome to a content script: only the private frame may ask', async () => {
    for (const sender of [GMAIL, outlook('https://outlook.office.com', 0), LINKEDIN]) {
      for (const [type, payload] of [
        ['contact.lookup', { emails: ['jordan@morgan.example'] }],
        ['webmail.draft', { templateId: 'x' }],
        ['outcome.record', { email: 'jordan@morgan.example', outcome: 'won', wonAmount: 5 }],
        ['contact.context', { linkedinUrl: 'https://www.linkedin.com/in/x/' }],
      ] as const) {
        await expect(send(type, payload, sender)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
  });

  it('refuses Gmail and LinkedIn content scripts in sub-frames', async () => {
    const refused = {
      ok: false,
      error: { code: 'forbidden', message: 'Refused: contact.lookup is not allowed from this page.' },
    };
    await expect(send('contact.lookup', { emails: ['a@b.example'] }, { ...GMAIL, frameId: 2 })).resolves.toEqual(
      refused,
    );
    await expect(send('templates.list', { channel: 'email' }, { ...LINKEDIN, frameId: 2 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses webmail messages from LinkedIn, and LinkedIn-only messages from webmail', async () => {
    await expect(send('outcome.record', { email: 'a@b.example', outcome: 'replied' }, LINKEDIN)).resolves.toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    await expect(
      send('contact.context', { linkedinUrl: 'https://www.linkedin.com/in/x/' }, GMAIL),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('lists email templates of every kind for the compose menu', async () => {
    const reply = await send('templates.list', { channel: 'email' });
    expect(reply.ok).toBe(true);
    const kinds = reply.ok ? (reply.data as { templates: { kind: string }[] }).templates.map((t) => t.kind) : [];
    expect(new Set(kinds)).toEqual(
      new Set(['referral-ask', 'upsell', 'stalled-revival', 'favour-ask', 'follow-up', 'thank-you']),
    );
  });
});
