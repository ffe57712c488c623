import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router.ts';
import { MESSAGE_SCHEMAS, type MessageType } from '../../../src/messaging/contract.ts';
import { BUILTIN_TEMPLATES } from '../../../src/shared/builtin-templates.ts';
import { SELF, allowedSender, instrumentedContext, snapshot } from './boundary-fixtures.ts';
import { validPool } from './schema-arbitrary.ts';

/**
 * A full disk, generic over every message type: the Nth write of a request fails with
 * QuotaExceededError (the transaction aborts, as browsers do). The reply must say so in plain
 * words, and the request must leave nothing behind — not its first write, not half a record.
 */

const EXTENSION_PAGE = { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` };

// The private frame's messages write no IndexedDB (its sessions live in storage.session).
const TYPES = (Object.keys(MESSAGE_SCHEMAS) as MessageType[]).filter((type) => !type.startsWith('frame.'));
const SAMPLES_PER_TYPE = 12;

type WriteMethod = 'put' | 'add' | 'delete' | 'clear';
const STORE_METHODS: WriteMethod[] = ['put', 'add', 'delete', 'clear'];
const originals = new Map<string, (...args: unknown[]) => unknown>();

let failOnWrite = 0;
let writes = 0;
let injected = 0;

function quotaGuard(original: (...args: unknown[]) => unknown) {
  return function (this: { transaction: IDBTransaction }, ...args: unknown[]) {
    writes++;
    if (failOnWrite > 0 && writes === failOnWrite) {
      injected++;
      this.transaction.abort();
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return original.apply(this, args);
  };
}

beforeAll(() => {
  for (const method of STORE_METHODS) {
    const original = IDBObjectStore.prototype[method] as unknown as (...args: unknown[]) => unknown;
    originals.set(`store.${method}`, original);
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = quotaGuard(original);
  }
  for (const method of ['update', 'delete'] as const) {
    const original = IDBCursor.prototype[method] as unknown as (...args: unknown[]) => unknown;
    originals.set(`cursor.${method}`, original);
    (IDBCursor.prototype as unknown as Record<string, unknown>)[method] = function (
      this: IDBCursor,
      ...args: unknown[]
    ) {
      const source = this.source as IDBObjectStore | IDBIndex;
      const store = 'objectStore' in source ? source.objectStore : source;
      return quotaGuard(original).apply({ transaction: store.transaction }, args);
    };
  }
});

afterAll(() => {
  for (const method of STORE_METHODS) {
    (IDBObjectStore.prototype as unknown as Record<string, unknown>)[method] = originals.get(`store.${method}`);
  }
  for (const method of ['update', 'delete']) {
    (IDBCursor.prototype as unknown as Record<string, unknown>)[method] = originals.get(`cursor.${method}`);
  }
});

afterEach(() => {
  failOnWrite = 0;
});

const STORAGE_FULL = /storage.*full.*nothing was saved/i;

/**
 * Types whose handlers only read. A full disk must change nothing for them: the same reply as
 * with room to spare. Every other type must meet an injected failure, in its random samples or
 * in a realistic request below.
 */
const READ_ONLY: readonly string[] = [
  'contact.context',
  'contact.lookup',
  'draft.compose',
  'reminders.refresh',
  'shortcut.insertTemplate',
  'templates.list',
  'webmail.draft',
];

interface Realistic {
  name: string;
  message: { type: string; payload: unknown };
  /** Sent first with room to spare, e.g. the ask an outcome is recorded for. */
  setup?: { type: string; payload: unknown }[];
}

const person = { fullName: 'Jordan Whitfield', linkedinUrl: 'https://www.linkedin.com/in/jordan-whitfield/' };
const emailTemplate = BUILTIN_TEMPLATES.find((template) => template.channel === 'email');
const webmailLog = {
  type: 'webmail.log',
  payload: {
    idempotencyKey: 'quota_key_2',
    templateId: emailTemplate?.id,
    text: 'Hello',
    recipient: { email: 'avery@example.com', name: 'Avery Lindqvist' },
  },
};
const TOKEN = '0123456789abcdef0123456789abcdef';
/** A copied LinkedIn draft (issue 15): kept in `drafts` until it is marked sent. */
function draftLog(idempotencyKey: string) {
  return {
    type: 'outreach.log',
    payload: { idempotencyKey, kind: 'referral-ask', channel: 'linkedin-message', text: 'Hi', person, draft: true },
  };
}
// Realistic requests that do write (random ones mostly fail earlier, on a missing template).
const REALISTIC: Realistic[] = [
  {
    name: 'outreach.log to a new contact',
    message: {
      type: 'outreach.log',
      payload: { idempotencyKey: 'quota_key_1', kind: 'referral-ask', channel: 'linkedin-message', text: 'Hi', person },
    },
  },
  {
    name: 'contact.setRelationship',
    message: { type: 'contact.setRelationship', payload: { person, relationship: 'customer' } },
  },
  { name: 'webmail.log to a new recipient', message: webmailLog },
  { name: 'me.remember', message: { type: 'me.remember', payload: { product: 'Acme Insights' } } },
  {
    name: 'outcome.record (won) for a logged email',
    setup: [webmailLog],
    message: { type: 'outcome.record', payload: { email: 'avery@example.com', outcome: 'won', wonAmount: 1200 } },
  },
  {
    name: 'outreach.markSent of a copied draft',
    setup: [draftLog('quota_key_3')],
    message: { type: 'outreach.markSent', payload: { idempotencyKey: 'quota_key_3' } },
  },
  {
    name: 'outreach.discardDraft of a copied draft',
    setup: [draftLog('quota_key_4')],
    message: { type: 'outreach.discardDraft', payload: { idempotencyKey: 'quota_key_4' } },
  },
  {
    name: 'webmail.sent of an inserted draft',
    setup: [{ ...webmailLog, payload: { ...webmailLog.payload, idempotencyKey: TOKEN, draft: true } }],
    message: { type: 'webmail.sent', payload: { composeToken: TOKEN } },
  },
];
const REALISTIC_TYPES = new Set(REALISTIC.map(({ message }) => message.type));

describe('storage full (QuotaExceededError) on any write of any request', () => {
  it('the read-only list and the realistic requests name only message types that exist', () => {
    for (const type of [...READ_ONLY, ...REALISTIC_TYPES]) expect(TYPES, type).toContain(type);
  });

  for (const type of TYPES) {
    it(`${type}: a clear message, and nothing partial is written`, async () => {
      const env = await instrumentedContext(`quota-${type}`);
      const samples = validPool(MESSAGE_SCHEMAS[type], SAMPLES_PER_TYPE, 3);
      let injectedHere = 0;
      let writingSamples = 0;
      try {
        for (const payload of samples) {
          // How many writes this request makes when the disk is not full, counted on a
          // throwaway database (undoing each probe on this one would be slow).
          const probe = await instrumentedContext(`quota-probe-${type}`);
          writes = 0;
          const roomy = await route({ type, payload }, allowedSender(type), SELF, probe.ctx);
          const writesNeeded = writes;
          probe.db.close();

          if (writesNeeded === 0) {
            // Nothing to write: a full disk must not change the answer, nor the database.
            const before = await snapshot(env.db);
            writes = 0;
            injected = 0;
            failOnWrite = 1;
            const reply = await route({ type, payload }, allowedSender(type), SELF, env.ctx);
            failOnWrite = 0;
            expect(injected, `${type}: a request that wrote nothing before now writes`).toBe(0);
            expect(reply, `${type}: the same reply on a full disk`).toEqual(roomy);
            expect(await snapshot(env.db)).toBe(before);
            continue;
          }
          writingSamples++;
          for (let failAt = 1; failAt <= writesNeeded; failAt++) {
            const before = await snapshot(env.db);
            writes = 0;
            injected = 0;
            failOnWrite = failAt;
            const reply = await route({ type, payload }, allowedSender(type), SELF, env.ctx);
            failOnWrite = 0;
            if (injected === 0) continue; // this request took another path on this database
            injectedHere += injected;
            expect(reply, `${type}, write ${failAt} of ${writesNeeded}`).toMatchObject({
              ok: false,
              error: { code: 'failed', message: expect.stringMatching(STORAGE_FULL) },
            });
            expect(await snapshot(env.db), `${type}, write ${failAt}: partial write`).toBe(before);
          }
        }
      } finally {
        env.db.close();
      }
      if (READ_ONLY.includes(type)) {
        expect(writingSamples, `${type} is listed as read-only but wrote`).toBe(0);
      } else if (!REALISTIC_TYPES.has(type)) {
        // A writing type without a realistic request: its random samples must meet the full disk.
        expect(injectedHere, `${type}: no quota error was injected into any write`).toBeGreaterThan(0);
      }
    });
  }

  for (const { name, message, setup = [] } of REALISTIC) {
    it(`${name}: every write failing in turn leaves the database as it was`, async () => {
      expect(TYPES, `${name}: no such message type`).toContain(message.type);
      const env = await instrumentedContext(`quota-real-${message.type}`);
      try {
        for (const step of setup) {
          expect(await route(step, EXTENSION_PAGE, SELF, env.ctx), `${name}: setup ${step.type}`).toMatchObject({
            ok: true,
          });
        }
        let failAt = 1;
        for (; failAt < 20; failAt++) {
          const before = await snapshot(env.db);
          writes = 0;
          injected = 0;
          failOnWrite = failAt;
          const reply = await route(message, allowedSender(message.type as MessageType), SELF, env.ctx);
          failOnWrite = 0;
          if (injected === 0) {
            // Past the last write: the request went through whole.
            expect(reply, name).toMatchObject({ ok: true });
            break;
          }
          expect(reply, `${name}, write ${failAt}`).toMatchObject({
            ok: false,
            error: { code: 'failed', message: expect.stringMatching(STORAGE_FULL) },
          });
          expect(await snapshot(env.db), `${name}, write ${failAt}: partial write`).toBe(before);
        }
        expect(failAt, 'the request wrote something').toBeGreaterThan(1);
        expect(failAt, 'the request went through once the disk had room').toBeLessThan(20);
      } finally {
        env.db.close();
      }
    });
  }
});
