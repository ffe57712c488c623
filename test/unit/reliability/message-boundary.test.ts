import { ALLOWED_SENDERS } from '../../../src/messaging/contract.ts';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS, type HandlerContext } from '../../../src/background/handlers/index.ts';
import { route } from '../../../src/background/router.ts';
import { MESSAGE_SCHEMAS, type MessageType } from '../../../src/messaging/contract.ts';
import { classifySender } from '../../../src/messaging/sender.ts';
import { resetDbForTests } from '../../../src/storage/db.ts';
import {
  SELF,
  contentScriptOrigins,
  instrumentedContext,
  isReply,
  senderCases,
  snapshot,
} from './boundary-fixtures.ts';
import { nearValidArbitrary, validArbitrary, validPool } from './schema-arbitrary.ts';

/**
 * The message boundary, generic over every message type in MESSAGE_SCHEMAS and every site in
 * the manifest: who may send what, and what happens to 10,000 random payloads per type.
 * Figures land in docs/reliability.md. GAP_CLOSER_SOAK=1 (CI) runs 20,000 per type;
 * GAP_CLOSER_FUZZ_RUNS and GAP_CLOSER_FUZZ_SEED override the count and the seed.
 */
const FUZZ_RUNS = Number(process.env.GAP_CLOSER_FUZZ_RUNS ?? (process.env.GAP_CLOSER_SOAK === '1' ? 20_000 : 10_000));
const TYPES = Object.keys(MESSAGE_SCHEMAS) as MessageType[];
const EXTENSION_PAGE = { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` };

/** Who may send `type`: an extension page, or (for frame.open, which only content scripts send) LinkedIn's content script. */
const LINKEDIN_CONTENT = {
  id: SELF.id,
  origin: 'https://www.linkedin.com',
  url: 'https://www.linkedin.com/in/x/',
  frameId: 0,
  tab: { id: 1 },
};
function senderFor(type: string) {
  return ALLOWED_SENDERS[type as keyof typeof ALLOWED_SENDERS]?.extensionPages === false
    ? LINKEDIN_CONTENT
    : EXTENSION_PAGE;
}

let env: Awaited<ReturnType<typeof instrumentedContext>>;

beforeAll(async () => {
  env = await instrumentedContext('boundary');
});

afterAll(async () => {
  env.db.close();
  await resetDbForTests();
});

/** What the handler itself throws for `payload`, run without the router on a fresh database. */
async function handlerFailure(type: MessageType, payload: unknown): Promise<string> {
  const fresh = await instrumentedContext(`direct-${type}`);
  try {
    const handler = HANDLERS[type] as (payload: unknown, ctx: HandlerContext) => Promise<unknown>;
    await handler(v.parse(MESSAGE_SCHEMAS[type], payload), fresh.ctx);
    return '(the handler succeeded when run directly)';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    fresh.db.close();
  }
}

function validSample(type: MessageType, seed = 7): unknown {
  const [sample] = fc.sample(validArbitrary(MESSAGE_SCHEMAS[type]), { numRuns: 1, seed });
  return sample;
}

describe('every message type × every sender kind', () => {
  it('recognises every origin the manifest injects a content script into', () => {
    const origins = contentScriptOrigins();
    expect(origins.length).toBeGreaterThan(0);
    for (const { origin } of origins) {
      const sender = { id: SELF.id, origin, url: `${origin}/`, frameId: 0, tab: { id: 1 } };
      expect(classifySender(sender, SELF).kind, origin).toBe('content-script');
    }
  });

  const cases = senderCases();
  for (const type of TYPES) {
    for (const senderCase of cases) {
      const expected = senderCase.allowed(type) ? 'acts' : 'refused';
      it(`${type} from ${senderCase.name}: ${expected}`, async () => {
        const payload = validSample(type);
        const before = await snapshot(env.db);
        env.reset();
        const reply = await route({ type, payload }, senderCase.sender, SELF, env.ctx);
        expect(isReply(reply), JSON.stringify(reply)).toBe(true);
        if (expected === 'acts') {
          // Reaches the handler: a valid payload is never refused or called invalid, and a
          // failure is the handler's own, word for word (the handler run directly says the same).
          if (!reply.ok) {
            expect(reply.error).toEqual({ code: 'failed', message: await handlerFailure(type, payload) });
          }
          expect(env.touched()).toBe(true);
        } else {
          expect(reply).toMatchObject({
            ok: false,
            error: { code: 'forbidden', message: expect.stringMatching(/^Refused: /) },
          });
          expect(env.touched()).toBe(false);
          expect(await snapshot(env.db)).toBe(before);
        }
      });
    }
  }
});

describe(`fuzzing: ${FUZZ_RUNS} payloads per message type`, () => {
  for (const type of TYPES) {
    it(
      `${type}: random JSON and near-valid mutations never throw, invalid ones never reach storage`,
      { timeout: 120_000 },
      async () => {
        // A database of its own, so the valid payloads' writes stay small and local to this type.
        const local = await instrumentedContext(`fuzz-${type}`);
        const schema = MESSAGE_SCHEMAS[type];
        const pool = validPool(schema);
        let tried = 0;
        let reached = 0;
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.oneof(
                { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true }) },
                { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
                { weight: 13, arbitrary: nearValidArbitrary(schema, pool) },
                { weight: 1, arbitrary: fc.constantFrom(...pool) },
              ),
              async (payload) => {
                tried++;
                const valid = v.is(schema, payload);
                local.reset();
                const reply = await route({ type, payload }, senderFor(type), SELF, local.ctx);
                if (!isReply(reply)) throw new Error(`malformed reply ${JSON.stringify(reply)?.slice(0, 300)}`);
                if (valid) {
                  reached++;
                  if (!reply.ok && reply.error.code !== 'failed') {
                    throw new Error(`valid payload refused: ${reply.error.message}`);
                  }
                  return;
                }
                if (reply.ok || reply.error.code !== 'invalid') {
                  throw new Error(`invalid payload got ${JSON.stringify(reply).slice(0, 300)}`);
                }
                // The handler context is the only way to the database: untouched means unwritten.
                if (local.touched()) throw new Error('an invalid payload reached the database');
              },
            ),
            { numRuns: FUZZ_RUNS, seed: Number(process.env.GAP_CLOSER_FUZZ_SEED ?? 20261127) },
          );
        } finally {
          local.db.close();
        }
        expect(tried).toBe(FUZZ_RUNS);
        // The generator does reach the handlers: some valid payloads are among the runs.
        expect(reached).toBeGreaterThan(0);
      },
    );
  }

  it(`unknown message types (${FUZZ_RUNS} random envelopes) are rejected without touching storage`, async () => {
    const before = await snapshot(env.db);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ maxDepth: 3, withNullPrototype: true }),
          fc.record({
            type: fc.oneof(
              fc.string(),
              fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ...TYPES.map((t) => `${t} `)),
              fc.anything(),
            ),
            payload: fc.anything({ maxDepth: 2 }),
          }),
        ),
        async (message) => {
          const type = (message as { type?: unknown } | null | undefined)?.type;
          if (typeof type === 'string' && Object.hasOwn(MESSAGE_SCHEMAS, type)) return;
          env.reset();
          const reply = await route(message, EXTENSION_PAGE, SELF, env.ctx);
          if (!isReply(reply) || reply.ok || reply.error.code !== 'unknown-type') {
            throw new Error(`unexpected ${JSON.stringify(reply)}`);
          }
          if (env.touched()) throw new Error('an unknown type reached the database');
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    expect(await snapshot(env.db)).toBe(before);
  });
});

describe('oversized payloads', () => {
  const huge = 'x'.repeat(5 * 1024 * 1024);
  const items = Array.from({ length: 10_000 }, (_, index) => ({ index, text: 'item' }));

  function oversizedVariants(type: MessageType): { name: string; payload: unknown }[] {
    const valid = validSample(type) as Record<string, unknown>;
    const keys = Object.keys(valid);
    return [
      { name: 'a 5 MB string as the payload', payload: huge },
      { name: 'a 10,000-item array as the payload', payload: items },
      { name: 'a 5 MB unknown key', payload: { ...valid, [huge]: 1 } },
      { name: '10,000 unknown keys', payload: { ...valid, ...Object.fromEntries(items.map((_, i) => [`k${i}`, i])) } },
      ...keys.flatMap((key) => [
        { name: `a 5 MB string in ${key}`, payload: { ...valid, [key]: huge } },
        { name: `a 10,000-item array in ${key}`, payload: { ...valid, [key]: items } },
      ]),
    ];
  }

  for (const type of TYPES) {
    it(`${type}: every field with a 5 MB string or a 10,000-item array is rejected quickly, with a short reply`, async () => {
      const before = await snapshot(env.db);
      for (const { name, payload } of oversizedVariants(type)) {
        env.reset();
        const started = performance.now();
        const reply = await route({ type, payload }, senderFor(type), SELF, env.ctx);
        expect(isReply(reply), `${name}: ${JSON.stringify(reply).slice(0, 200)}`).toBe(true);
        expect(reply, name).toMatchObject({ ok: false, error: { code: 'invalid' } });
        expect(JSON.stringify(reply).length, name).toBeLessThan(2000);
        expect(performance.now() - started, name).toBeLessThan(1000);
        expect(env.touched(), name).toBe(false);
      }
      expect(await snapshot(env.db)).toBe(before);
    });
  }
});
