import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_SENDERS, MESSAGE_SCHEMAS, type MessageType } from '../../src/messaging/contract.ts';
import { validPool } from '../unit/reliability/schema-arbitrary.ts';
import { DIST, launchOptions } from './harness.ts';
import { recordFigure } from './reliability-figures.ts';

/**
 * The message boundary against the real service worker: oversized payloads (a 5 MB string,
 * 10,000-item arrays) for every message type are refused, nothing is written, and the worker
 * still answers; another installed extension cannot reach it at all.
 */

const TYPES = Object.keys(MESSAGE_SCHEMAS) as MessageType[];

let context: BrowserContext;
let profile: string;
let otherDir: string;
let gapId: string;
let otherWorker: Worker;
let page: Page;

interface Runtime {
  chrome: { runtime: { sendMessage: (...args: unknown[]) => Promise<unknown> } };
}

beforeAll(async () => {
  profile = mkdtempSync(path.join(tmpdir(), 'gap-closer-boundary-'));
  otherDir = mkdtempSync(path.join(tmpdir(), 'other-extension-'));
  writeFileSync(
    path.join(otherDir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Other', version: '1.0', background: { service_worker: 'sw.js' } }),
  );
  writeFileSync(path.join(otherDir, 'sw.js'), 'self.addEventListener("install", () => {});\n');
  context = await chromium.launchPersistentContext(profile, launchOptions([DIST, otherDir]));
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const deadline = Date.now() + 15_000;
  while (context.serviceWorkers().length < 2 && Date.now() < deadline) {
    await context.waitForEvent('serviceworker', { timeout: 5000 }).catch(() => undefined);
  }
  const workers = context.serviceWorkers();
  const gap = workers.find((worker) => !worker.url().endsWith('/sw.js'));
  const other = workers.find((worker) => worker.url().endsWith('/sw.js'));
  if (!gap || !other) throw new Error('both extensions should have started');
  gapId = new URL(gap.url()).host;
  otherWorker = other;
  page = await context.newPage();
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
  };
  await page.goto(`chrome-extension://${gapId}/${manifest.action.default_popup}`);
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(otherDir, { recursive: true, force: true });
});

/** Every record of every store of the extension's database, as one string. */
function dumpDatabase(): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) {
            db.close();
            resolve('[]');
            return;
          }
          const tx = db.transaction(names);
          const out: [string, unknown][] = [];
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => out.push([name, request.result]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out.sort()));
          };
        };
      }),
  );
}

function send(message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), message);
}

describe('oversized payloads against the real service worker', () => {
  it(
    `every message type (${TYPES.length}): 5 MB strings and 10,000-item arrays refused, nothing written, worker answers`,
    { timeout: 120_000 },
    async () => {
      // Something stored first, so "nothing written" compares real data.
      const seeded = await send({
        type: 'outreach.log',
        payload: {
          idempotencyKey: 'boundary_seed_1',
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text: 'Seed',
          person: { fullName: 'Seed Person' },
        },
      });
      expect(seeded).toMatchObject({ ok: true });
      // The worker's own follow-up work after a write (badge, tallies) settles first.
      let before = await dumpDatabase();
      for (let settled = false; !settled;) {
        await page.waitForTimeout(400);
        const now = await dumpDatabase();
        settled = now === before;
        before = now;
      }
      let sent = 0;
      let sentBytes = 0;
      for (const type of TYPES) {
        const [valid] = validPool(MESSAGE_SCHEMAS[type], 1, 11) as Record<string, unknown>[];
        // Built inside the page: 5 MB per message through the real runtime, not through CDP.
        const results = await page.evaluate(
          async ({ type, valid }) => {
            const runtime = (globalThis as unknown as Runtime).chrome.runtime;
            const huge = 'x'.repeat(5 * 1024 * 1024);
            const items = Array.from({ length: 10_000 }, (_, index) => ({ index, text: 'item' }));
            const variants: unknown[] = [huge, items, { ...valid, extra: huge }];
            for (const key of Object.keys(valid ?? {}))
              variants.push({ ...valid, [key]: huge }, { ...valid, [key]: items });
            const out: { reply: unknown; bytes: number; answersAfter: unknown }[] = [];
            for (const payload of variants) {
              const reply = await runtime.sendMessage({ type, payload });
              const answersAfter = await runtime.sendMessage({ type: 'no.such.type' });
              out.push({ reply, bytes: JSON.stringify(payload).length, answersAfter });
            }
            return out;
          },
          { type, valid },
        );
        // This sender is an extension page: a type only content scripts may send (frame.open, the
        // site check) is refused for its sender before its payload is read; the unit fuzz sends
        // those from their own site's content script.
        const refusal = ALLOWED_SENDERS[type].extensionPages ? 'invalid' : 'forbidden';
        for (const { reply, bytes, answersAfter } of results) {
          sent++;
          sentBytes += bytes;
          expect(reply, type).toMatchObject({ ok: false, error: { code: refusal } });
          expect(JSON.stringify(reply).length, type).toBeLessThan(2000);
          // Still answering, at once.
          expect(answersAfter, type).toMatchObject({ error: { code: 'unknown-type' } });
        }
      }
      expect(await dumpDatabase()).toBe(before);
      recordFigure('oversized-real-worker', {
        messageTypes: TYPES.length,
        oversizedSent: sent,
        megabytesSent: Math.round(sentBytes / 1e6),
      });
    },
  );
});

describe('another extension', () => {
  it('cannot reach the worker (no onMessageExternal): the message is never delivered', async () => {
    const result = await otherWorker.evaluate(async (id) => {
      try {
        const reply = await (globalThis as unknown as Runtime).chrome.runtime.sendMessage(id, {
          type: 'outreach.log',
          payload: {
            idempotencyKey: 'from_other_ext_1',
            kind: 'referral-ask',
            channel: 'linkedin-message',
            text: 'x',
            person: { fullName: 'Mallory' },
          },
        });
        return `reply: ${JSON.stringify(reply)}`;
      } catch (error) {
        return `error: ${(error as Error).message}`;
      }
    }, gapId);
    expect(result).toMatch(/^error: .*(Receiving end does not exist|Could not establish connection)/);
    expect(await dumpDatabase()).not.toContain('from_other_ext_1');
  });
});
