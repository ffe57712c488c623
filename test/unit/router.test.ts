import { renderTemplate } from '../../src/shared/template.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { route } from '../../src/background/router.ts';
import type { HandlerContext } from '../../src/background/handlers/index.ts';
import type { SenderInfo } from '../../src/messaging/sender.ts';
import { BUILTIN_TEMPLATES } from '../../src/shared/builtin-templates.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { saveSettings } from '../../src/storage/settings.ts';

const SELF = { id: 'gapcloserextensionidgapcloserext', origin: 'chrome-extension://gapcloserextensionidgapcloserext' };
const CONTENT: SenderInfo = {
  id: SELF.id,
  url: 'https://www.linkedin.com/in/jordan-whitfield/',
  origin: 'https://www.linkedin.com',
  frameId: 0,
  tab: { id: 3 },
};
const POPUP: SenderInfo = { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` };

const NOW = new Date('2026-11-27T10:00:00'); // a Friday, local time
const JORDAN_URL = 'https://www.linkedin.com/in/jordan-whitfield/';

let counter = 0;
let db: Promise<Db>;
let ctx: HandlerContext;

beforeEach(() => {
  counter += 1;
  const opened = openDatabase({ name: `router-test-${counter}-${Math.random().toString(36).slice(2)}` });
  db = opened;
  ctx = { db: () => opened, now: () => NOW };
});

afterEach(async () => {
  (await db).close();
});

function person(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Jordan Whitfield',
    headline: 'Tech Lead',
    company: 'Morgan Mbeki',
    linkedinUrl: JORDAN_URL,
    ...overrides,
  };
}

function logPayload(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: 'k_0123456789abcdef',
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: 'Hi Jordan, do you know anyone…',
    person: person(),
    ...overrides,
  };
}

async function counts(): Promise<{ outreach: number; contacts: number }> {
  const opened = await db;
  return { outreach: await opened.count('outreach'), contacts: await opened.count('contacts') };
}

describe('route: envelope and sender checks', () => {
  it.each([
    ['an unknown type', { type: 'outreach.delete', payload: {} }],
    ['an inherited property name', { type: 'toString', payload: {} }],
    ['a non-string type', { type: 42, payload: {} }],
    ['no type', { payload: logPayload() }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'outreach.log'],
    ['a number', 7],
    ['an array', ['outreach.log', logPayload()]],
  ])('answers unknown-type to %s', async (_label, message) => {
    const reply = await route(message, POPUP, SELF, ctx);
    expect(reply).toEqual({ ok: false, error: { code: 'unknown-type', message: 'Unknown message type.' } });
    expect(await counts()).toEqual({ outreach: 0, contacts: 0 });
  });

  it.each([
    [
      'another extension',
      { ...CONTENT, id: 'someotherextensionsomeotherexten' },
      'Refused: message from another extension.',
    ],
    [
      'an unknown web origin',
      { ...CONTENT, origin: 'https://evil.example', url: 'https://evil.example/' },
      'Refused: origin https://evil.example is not served.',
    ],
    [
      'LinkedIn without a tab',
      { id: SELF.id, origin: 'https://www.linkedin.com', url: JORDAN_URL },
      'Refused: origin https://www.linkedin.com is not served.',
    ],
    ['a sender with no origin', { id: SELF.id, tab: { id: 1 } }, 'Refused: sender has no origin.'],
    ['a LinkedIn sub-frame', { ...CONTENT, frameId: 5 }, 'Refused: outreach.log is not allowed from this page.'],
    [
      'a Gmail content script (not a LinkedIn message)',
      { ...CONTENT, origin: 'https://mail.google.com', url: 'https://mail.google.com/mail/u/0/' },
      'Refused: outreach.log is not allowed from this page.',
    ],
  ])('refuses %s and writes nothing', async (_label, sender: SenderInfo, message) => {
    const reply = await route({ type: 'outreach.log', payload: logPayload() }, sender, SELF, ctx);
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message } });
    expect(await counts()).toEqual({ outreach: 0, contacts: 0 });
  });

  it('checks the sender before the payload', async () => {
    const reply = await route(
      { type: 'outreach.log', payload: { nonsense: true } },
      { ...CONTENT, id: 'x' },
      SELF,
      ctx,
    );
    expect(reply.ok === false && reply.error.code).toBe('forbidden');
  });

  it('lets Outlook speak from its own sub-frames, but not Gmail', async () => {
    const list = { type: 'shortcut.insertTemplate', payload: {} };
    const outlookFrame = {
      ...CONTENT,
      origin: 'https://outlook.office.com',
      url: 'https://outlook.office.com/mail/',
      frameId: 4,
    };
    const gmailFrame = {
      ...CONTENT,
      origin: 'https://mail.google.com',
      url: 'https://mail.google.com/mail/',
      frameId: 4,
    };
    expect((await route(list, outlookFrame, SELF, ctx)).ok).toBe(true);
    expect(await route(list, gmailFrame, SELF, ctx)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Refused: shortcut.insertTemplate is not allowed from this page.' },
    });
    expect((await route(list, { ...gmailFrame, frameId: 0 }, SELF, ctx)).ok).toBe(true);
  });

  it('accepts the same message from an extension page', async () => {
    const reply = await route({ type: 'outreach.log', payload: logPayload() }, POPUP, SELF, ctx);
    expect(reply.ok).toBe(true);
  });
});

describe('route: invalid payloads', () => {
  const long = 'x'.repeat(20_001);
  const cases: [string, unknown, string][] = [
    ['no payload', undefined, ''],
    ['a payload that is not an object', 'hello', ''],
    ['missing person.fullName', logPayload({ person: { linkedinUrl: JORDAN_URL } }), 'person.fullName'],
    ['a blank person.fullName', logPayload({ person: person({ fullName: '   ' }) }), 'person.fullName: empty'],
    [
      'a person.fullName over 300 characters',
      logPayload({ person: person({ fullName: 'A'.repeat(301) }) }),
      'person.fullName: longer than 300 characters',
    ],
    ['a wrong kind', logPayload({ kind: 'cold-pitch' }), 'kind: unknown outreach kind'],
    ['a wrong channel', logPayload({ channel: 'fax' }), 'channel: unknown channel'],
    [
      'a feed URL as linkedinUrl',
      logPayload({ person: person({ linkedinUrl: 'https://www.linkedin.com/feed/' }) }),
      'person.linkedinUrl: not a LinkedIn profile URL',
    ],
    [
      'a profile URL with a query',
      logPayload({ person: person({ linkedinUrl: `${JORDAN_URL}?trk=x` }) }),
      'person.linkedinUrl: not a LinkedIn profile URL',
    ],
    [
      'a profile URL on another host',
      logPayload({ person: person({ linkedinUrl: 'https://evil.example/in/jordan/' }) }),
      'person.linkedinUrl: not a LinkedIn profile URL',
    ],
    [
      'a javascript: URL',
      logPayload({ person: person({ linkedinUrl: 'javascript:alert(1)' }) }),
      'person.linkedinUrl: not a LinkedIn profile URL',
    ],
    ['a bad email', logPayload({ person: person({ email: 'not-an-email' }) }), 'person.email: not an email address'],
    ['text over 20,000 characters', logPayload({ text: long }), 'text: longer than 20000 characters'],
    ['empty text', logPayload({ text: '' }), 'text: empty'],
    ['text that is not a string', logPayload({ text: 12 }), 'text'],
    ['an extra top-level property', logPayload({ contactId: 'c1' }), 'contactId'],
    ['an extra person property', logPayload({ person: person({ relationship: 'customer' }) }), 'person.relationship'],
    ['a short idempotency key', logPayload({ idempotencyKey: 'short' }), 'idempotencyKey: malformed idempotency key'],
    [
      'an idempotency key with spaces',
      logPayload({ idempotencyKey: 'has spaces in it' }),
      'idempotencyKey: malformed idempotency key',
    ],
    ['an idempotency key over 100 characters', logPayload({ idempotencyKey: 'k'.repeat(101) }), 'idempotencyKey'],
    ['a missing idempotency key', logPayload({ idempotencyKey: undefined }), 'idempotencyKey'],
  ];

  it.each(cases)('rejects %s as invalid and writes nothing', async (_label, payload, inMessage) => {
    const reply = await route({ type: 'outreach.log', payload }, POPUP, SELF, ctx);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid');
    expect(reply.error.message.startsWith('Invalid outreach.log: ')).toBe(true);
    expect(reply.error.message).toContain(inMessage);
    expect(await counts()).toEqual({ outreach: 0, contacts: 0 });
  });

  it('accepts text of exactly 20,000 characters', async () => {
    const reply = await route(
      { type: 'outreach.log', payload: logPayload({ text: 'y'.repeat(20_000) }) },
      POPUP,
      SELF,
      ctx,
    );
    expect(reply.ok).toBe(true);
  });

  it('rejects an invalid draft.compose payload', async () => {
    const reply = await route(
      { type: 'draft.compose', payload: { kind: 'referral-ask', channel: 'linkedin-message', person: {} } },
      POPUP,
      SELF,
      ctx,
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('person.fullName') },
    });
  });
});

describe('route: draft.compose', () => {
  const referral = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:referral-ask:linkedin') ?? BUILTIN_TEMPLATES[0];
  if (referral?.id !== 'builtin:referral-ask:linkedin') throw new Error('the built-in referral template is gone');

  function compose(payload: Record<string, unknown>, sender: SenderInfo = POPUP) {
    return route({ type: 'draft.compose', payload }, sender, SELF, ctx);
  }

  it("renders the referral template with the person and the user's settings", async () => {
    await saveSettings(await db, {
      ...DEFAULT_SETTINGS,
      me: { name: 'Sam Carter', company: 'Acme Ltd', product: 'Acme', signature: 'Sam' },
    });
    const reply = await compose({
      kind: 'referral-ask',
      channel: 'linkedin-message',
      person: { fullName: '  Dr. Jordan Whitfield ' },
    });
    // The book knows nothing about this person: the [[…]] parts (role, favour, blurb) are left out.
    const expectedText = renderTemplate(referral.body, {
      firstName: 'Jordan',
      myCompany: 'Acme Ltd',
      myName: 'Sam Carter',
      product: 'Acme',
    }).text;
    expect(reply).toEqual({
      ok: true,
      data: {
        text: expectedText,
        templateId: 'builtin:referral-ask:linkedin',
        templateName: 'Referral ask (LinkedIn)',
        kind: 'referral-ask',
        unknown: [],
        missing: [],
        signOff: 'Thanks,\nSam Carter',
        // Not set yet: the dialog says where (options, "You and in-page buttons").
        suggest: ['idealReferral'],
      },
    });
    if (!reply.ok) return;
    const data = reply.data as { text: string };
    expect(data.text.startsWith('Hi Jordan,\n')).toBe(true);
    expect(data.text).toContain('what we do at Acme Ltd?');
    expect(data.text.endsWith('Thanks,\nSam Carter')).toBe(true);
    expect(await counts()).toEqual({ outreach: 0, contacts: 0 });
  });

  it('prefers the first name the page gave', async () => {
    const reply = await compose(
      { kind: 'referral-ask', channel: 'linkedin-message', person: { fullName: 'Jordan Whitfield', firstName: 'Jo' } },
      POPUP,
    );
    expect(reply.ok && (reply.data as { text: string }).text.startsWith('Hi Jo,\n')).toBe(true);
  });

  it('reports missing settings and leaves their placeholders visible', async () => {
    const reply = await compose({
      kind: 'referral-ask',
      channel: 'linkedin-message',
      person: { fullName: 'Jordan Whitfield' },
    });
    expect(reply).toEqual({
      ok: true,
      data: {
        text: renderTemplate(referral.body, { firstName: 'Jordan' }).text,
        templateId: 'builtin:referral-ask:linkedin',
        templateName: 'Referral ask (LinkedIn)',
        kind: 'referral-ask',
        unknown: [],
        missing: ['myCompany', 'myName'],
        signOff: 'Thanks,\n{{myName}}',
        suggest: ['product', 'idealReferral'],
      },
    });
  });

  it('renders the subject of an email template too', async () => {
    const reply = await compose(
      { kind: 'referral-ask', channel: 'email', person: { fullName: 'Jordan Whitfield', company: 'Morgan Mbeki' } },
      POPUP,
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as { subject?: string; text: string; templateId: string; missing: string[] };
    expect(data.templateId).toBe('builtin:referral-ask:email');
    expect(data.subject).toBe('A small favour, Jordan');
    expect(data.text).toContain('I hope all is well at Morgan Mbeki.');
    expect(data.missing).toEqual(['product', 'myName', 'myCompany']);
  });

  it('uses an edited copy saved under a built-in id instead of the built-in', async () => {
    await (
      await db
    ).put('templates', {
      id: 'builtin:referral-ask:linkedin',
      kind: 'referral-ask',
      channel: 'linkedin-message',
      name: 'My referral ask',
      body: 'Hey {{firstName}} at {{company}} {{nickname}}',
      builtIn: false,
    });
    const reply = await compose({ kind: 'referral-ask', channel: 'linkedin-message', person: person() });
    expect(reply).toEqual({
      ok: true,
      data: {
        text: 'Hey Jordan at Morgan Mbeki {{nickname}}',
        templateId: 'builtin:referral-ask:linkedin',
        templateName: 'My referral ask',
        kind: 'referral-ask',
        unknown: ['nickname'],
        missing: [],
      },
    });
  });

  it("uses a template of the user's own when asked for it by id", async () => {
    await (
      await db
    ).put('templates', {
      id: 'mine-1',
      kind: 'referral-ask',
      channel: 'linkedin-message',
      name: 'Short ask',
      body: 'Hey {{firstName}}!',
      builtIn: false,
    });
    const byKind = await compose({ kind: 'referral-ask', channel: 'linkedin-message', person: person() });
    expect(byKind.ok && (byKind.data as { templateId: string }).templateId).toBe('builtin:referral-ask:linkedin');
    const byId = await compose({
      kind: 'referral-ask',
      channel: 'linkedin-message',
      templateId: 'mine-1',
      person: person(),
    });
    expect(byId.ok && byId.data).toMatchObject({
      text: 'Hey Jordan!',
      templateId: 'mine-1',
      templateName: 'Short ask',
    });
  });

  it('drafts a group post with the group name', async () => {
    const reply = await compose({
      kind: 'group-post',
      channel: 'linkedin-group',
      group: { name: 'Frontend Folk', url: 'https://www.linkedin.com/groups/12345/' },
    });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const data = reply.data as { text: string; missing: string[] };
    expect(data.text.startsWith('A question for Frontend Folk, with something to give first.')).toBe(true);
    expect(data.missing).toEqual(['product', 'myCompany', 'myName']);
  });

  it.each([
    ['neither a person nor a group', { kind: 'referral-ask', channel: 'linkedin-message' }],
    [
      'both a person and a group',
      {
        kind: 'referral-ask',
        channel: 'linkedin-message',
        person: { fullName: 'Jordan Whitfield' },
        group: { name: 'G', url: 'https://www.linkedin.com/groups/1/' },
      },
    ],
  ])('rejects a draft for %s', async (_label, payload) => {
    const reply = await compose(payload);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Invalid draft.compose: needs a person or a group.' },
    });
  });

  it('fails cleanly when there is no template for the kind and channel', async () => {
    const reply = await compose({ kind: 'thank-you', channel: 'phone', person: { fullName: 'Jordan Whitfield' } });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'failed', message: 'There is no template for thank-you on phone yet.' },
    });
  });
});

describe('route: outreach.log', () => {
  it('stores one awaiting outreach with a follow-up 3 working days later, and the contact', async () => {
    const reply = await route({ type: 'outreach.log', payload: logPayload() }, POPUP, SELF, ctx);
    expect(reply).toEqual({
      ok: true,
      data: { outreachId: expect.any(String), contactId: expect.any(String), duplicate: false, drafted: false },
    });
    if (!reply.ok) return;
    const data = reply.data as { outreachId: string; contactId: string };

    const opened = await db;
    expect(await opened.getAll('outreach')).toEqual([
      {
        id: data.outreachId,
        idempotencyKey: 'k_0123456789abcdef',
        contactId: data.contactId,
        contactName: 'Jordan Whitfield',
        kind: 'referral-ask',
        channel: 'linkedin-message',
        text: 'Hi Jordan, do you know anyone…',
        followUpOn: '2026-12-02', // Friday 27 Nov + 3 working days = Wednesday 2 Dec
        createdAt: NOW.getTime(),
        status: 'awaiting',
      },
    ]);
    expect(await opened.getAll('contacts')).toEqual([
      {
        id: data.contactId,
        fullName: 'Jordan Whitfield',
        firstName: 'Jordan',
        headline: 'Tech Lead',
        company: 'Morgan Mbeki',
        linkedinUrl: JORDAN_URL,
        createdAt: NOW.getTime(),
        updatedAt: NOW.getTime(),
      },
    ]);
  });

  it('stores a retry with the same idempotency key once and says it was a duplicate', async () => {
    const first = await route({ type: 'outreach.log', payload: logPayload() }, POPUP, SELF, ctx);
    const second = await route(
      { type: 'outreach.log', payload: logPayload({ text: 'retried text' }) },
      POPUP,
      SELF,
      ctx,
    );
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const a = first.data as { outreachId: string; contactId: string; duplicate: boolean };
    const b = second.data as { outreachId: string; contactId: string; duplicate: boolean };
    expect(a.duplicate).toBe(false);
    expect(b).toEqual({ outreachId: a.outreachId, contactId: a.contactId, duplicate: true, drafted: false });
    expect(await counts()).toEqual({ outreach: 1, contacts: 1 });
    expect((await (await db).get('outreach', a.outreachId))?.text).toBe('Hi Jordan, do you know anyone…');
  });

  it('says duplicate for all but one of concurrent retries', async () => {
    const replies = await Promise.all(
      [1, 2, 3].map(() => route({ type: 'outreach.log', payload: logPayload() }, POPUP, SELF, ctx)),
    );
    const data = replies.map((reply) => (reply.ok ? (reply.data as { outreachId: string; duplicate: boolean }) : null));
    expect(data.filter((d) => d?.duplicate === false)).toHaveLength(1);
    expect(new Set(data.map((d) => d?.outreachId)).size).toBe(1);
    expect(await counts()).toEqual({ outreach: 1, contacts: 1 });
  });

  it('stores one contact for a retry about someone with no profile URL or email', async () => {
    const payload = logPayload({ person: { fullName: 'Pat Doe' } });
    const first = await route({ type: 'outreach.log', payload }, POPUP, SELF, ctx);
    const retry = await route({ type: 'outreach.log', payload }, POPUP, SELF, ctx);
    expect(first.ok && retry.ok).toBe(true);
    if (!first.ok || !retry.ok) return;
    const a = first.data as { outreachId: string; contactId: string };
    expect(retry.data).toEqual({ outreachId: a.outreachId, contactId: a.contactId, duplicate: true, drafted: false });
    expect(await counts()).toEqual({ outreach: 1, contacts: 1 });
    expect((await (await db).get('outreach', a.outreachId))?.contactId).toBe(a.contactId);
  });

  it('links two different asks to the same person to one contact', async () => {
    await route({ type: 'outreach.log', payload: logPayload() }, POPUP, SELF, ctx);
    await route(
      {
        type: 'outreach.log',
        payload: logPayload({
          idempotencyKey: 'k_second-ask-0001',
          kind: 'favour-ask',
          person: person({ headline: 'Now CTO' }),
        }),
      },
      POPUP,
      SELF,
      ctx,
    );
    const opened = await db;
    expect(await counts()).toEqual({ outreach: 2, contacts: 1 });
    const [contact] = await opened.getAll('contacts');
    expect(contact?.headline).toBe('Now CTO');
    expect((await opened.getAll('outreach')).map((r) => r.contactId)).toEqual([contact?.id, contact?.id]);
  });

  it('answers failed, not a thrown error, when the database cannot be opened', async () => {
    const broken: HandlerContext = { db: () => Promise.reject(new Error('disk full')), now: () => NOW };
    expect(await route({ type: 'outreach.log', payload: logPayload() }, POPUP, SELF, broken)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk full' },
    });
  });
});
