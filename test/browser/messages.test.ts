import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, readStore, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('the background message boundary (real service worker)', () => {
  it('answers invalid requests with a clear error and writes nothing', async () => {
    const page = await openPopup(browser);
    const replies = await page.evaluate(async () => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime;
      const send = (message: unknown) => runtime.sendMessage(message);
      return [
        await send({ type: 'outreach.delete-all', payload: {} }),
        await send({ type: 'outreach.log', payload: { kind: 'referral-ask' } }),
        await send({
          type: 'outreach.log',
          payload: {
            idempotencyKey: 'abcdefgh12',
            kind: 'referral-ask',
            channel: 'linkedin-message',
            text: 'Hi',
            person: { fullName: 'Eve', linkedinUrl: 'javascript:alert(1)' },
          },
        }),
        await send('not even an object'),
      ];
    });
    expect(replies).toEqual([
      { ok: false, error: { code: 'unknown-type', message: 'Unknown message type.' } },
      { ok: false, error: { code: 'invalid', message: expect.stringMatching(/^Invalid outreach\.log: /) } },
      {
        ok: false,
        error: { code: 'invalid', message: 'Invalid outreach.log: person.linkedinUrl: not a LinkedIn profile URL.' },
      },
      { ok: false, error: { code: 'unknown-type', message: 'Unknown message type.' } },
    ]);
    await page.close();
    await expect(readStore(browser, 'outreach')).resolves.toEqual([]);
    await expect(readStore(browser, 'contacts')).resolves.toEqual([]);
  });

  it('refuses messages from web pages (no externally_connectable)', async () => {
    const page = await browser.context.newPage();
    await page.route('https://example.com/', (route) => route.fulfill({ contentType: 'text/html', body: '<p>hi</p>' }));
    await page.goto('https://example.com/');
    const reachable = await page.evaluate(
      (id) =>
        typeof (window as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage ===
          'function' && id.length > 0,
      browser.extensionId,
    );
    expect(reachable).toBe(false);
    await page.close();
  });
});
