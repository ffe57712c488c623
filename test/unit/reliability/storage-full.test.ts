import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../../../src/background/router.ts';
import { MESSAGE_SCHEMAS, type MessageType } from '../../../src/messaging/contract.ts';
import { BUILTIN_TEMPLATES } from '../../../src/shared/builtin-templates.ts';
import { SELF, instrumentedContext, snapshot } from './boundary-fixtures.ts';
import { validPool } from './schema-arbitrary.ts';

/**
 * A full disk, generic over every message type: the Nth write of a request fails with
 * QuotaExceededError (the transaction aborts, as browsers do). The reply must say so in plain
 * words, and the request must leave nothing behind — not its first write, not half a record.
 */

const EXTENSION_PAGE = { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` };
const TYPES = Object.keys(MESSAGE_SCHEMAS) as MessageType[];
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

describe('storage full (QuotaExceededError) on any write of any request', () => {
  let totalInjected = 0;

  for (const type of TYPES) {
    it(`${type}: a clear message, and nothing partial is written`, async () => {
      const env = await instrumentedContext(`quota-${type}`);
      const samples = validPool(MESSAGE_SCHEMAS[type], SAMPLES_PER_TYPE, 3);
      try {
        for (const payload of samples) {
          // How many writes this request makes when the disk is not full (then undone by a
          // fresh database per probe would be slow: count on a throwaway run instead).
          const probe = await instrumentedContext(`quota-probe-${type}`);
          writes = 0;
          await route({ type, payload }, EXTENSION_PAGE, SELF, probe.ctx);
          const writesNeeded = writes;
          probe.db.close();

          for (let failAt = 1; failAt <= writesNeeded; failAt++) {
            const before = await snapshot(env.db);
            writes = 0;
            injected = 0;
            failOnWrite = failAt;
            const reply = await route({ type, payload }, EXTENSION_PAGE, SELF, env.ctx);
            failOnWrite = 0;
            if (injected === 0) continue; // this request took another path on this database
            totalInjected += injected;
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
    });
  }

  // Realistic requests that do write (random ones mostly fail earlier, on a missing template).
  const person = { fullName: 'Jordan Whitfield', linkedinUrl: 'https://www.linkedin.com/in/jordan-whitfield/' };
  const emailTemplate = BUILTIN_TEMPLATES.find((template) => template.channel === 'email');
  const realistic: [string, { type: string; payload: unknown }][] = [
    [
      'outreach.log to a new contact',
      {
        type: 'outreach.log',
        payload: {
          idempotencyKey: 'quota_key_1',
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text: 'Hi',
          person,
        },
      },
    ],
    ['contact.setRelationship', { type: 'contact.setRelationship', payload: { person, relationship: 'customer' } }],
    [
      'webmail.log to a new recipient',
      {
        type: 'webmail.log',
        payload: {
          idempotencyKey: 'quota_key_2',
          templateId: emailTemplate?.id,
          text: 'Hello',
          recipient: { email: 'avery@example.com', name: 'Avery Lindqvist' },
        },
      },
    ],
  ];
  for (const [name, message] of realistic) {
    it(`${name}: every write failing in turn leaves the database as it was`, async () => {
      if (!Object.hasOwn(MESSAGE_SCHEMAS, message.type)) return;
      const env = await instrumentedContext(`quota-real-${message.type}`);
      try {
        let failAt = 1;
        for (; failAt < 20; failAt++) {
          const before = await snapshot(env.db);
          writes = 0;
          injected = 0;
          failOnWrite = failAt;
          const reply = await route(message, EXTENSION_PAGE, SELF, env.ctx);
          failOnWrite = 0;
          if (injected === 0) {
            // Past the last write: the request went through whole.
            expect(reply, name).toMatchObject({ ok: true });
            break;
          }
          totalInjected += injected;
          expect(reply, `${name}, write ${failAt}`).toMatchObject({
            ok: false,
            error: { code: 'failed', message: expect.stringMatching(STORAGE_FULL) },
          });
          expect(await snapshot(env.db), `${name}, write ${failAt}: partial write`).toBe(before);
        }
        expect(failAt, 'the request wrote something').toBeGreaterThan(1);
      } finally {
        env.db.close();
      }
    });
  }

  it('injected quota errors', () => {
    expect(totalInjected).toBeGreaterThan(0);
  });
});
