import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

/** Outreach and contacts as stored: equal before and after means nothing was written. */
async function stored(): Promise<{ outreach: unknown[]; contacts: unknown[] }> {
  return { outreach: await readStore(browser, 'outreach'), contacts: await readStore(browser, 'contacts') };
}

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

  it('refuses messages from web pages: sendMessage to our id, postMessage and DOM events write nothing', async () => {
    const before = await stored();
    const forged = {
      type: 'outreach.log',
      payload: {
        idempotencyKey: 'webpage_forged_1',
        kind: 'referral-ask',
        channel: 'linkedin-message',
        text: 'Forged by a web page',
        person: { fullName: 'Mallory Webpage', linkedinUrl: 'https://www.linkedin.com/in/mallory-webpage/' },
      },
    };
    // A LinkedIn profile (our content script runs there) and a page on a site we do not serve.
    const profileUrl = 'https://www.linkedin.com/in/mallory-webpage/';
    await serve(browser.context, `${profileUrl}**`, fixture('linkedin/profile-2024-08-minimal.html'));
    await serve(browser.context, 'https://example.com/**', '<!doctype html><p>an ordinary page</p>');
    const attempts: Record<string, unknown> = {};
    for (const url of [profileUrl, 'https://example.com/']) {
      const page = await browser.context.newPage();
      await page.goto(url);
      if (url === profileUrl) await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
      attempts[url] = await page.evaluate(
        async ({ id, message }) => {
          const heard: unknown[] = [];
          // Our own posts come back as page messages too; a reply would carry `ok`.
          window.addEventListener('message', (event) => {
            if (typeof event.data === 'object' && event.data !== null && 'ok' in event.data) heard.push(event.data);
          });
          const runtime = (
            globalThis as unknown as {
              chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } };
            }
          ).chrome?.runtime;
          let direct: { sent: false; why: string } | { sent: true; reply: unknown };
          if (typeof runtime?.sendMessage !== 'function')
            direct = { sent: false, why: 'no chrome.runtime.sendMessage' };
          else {
            try {
              direct = { sent: true, reply: await runtime.sendMessage(id, message) };
            } catch (error) {
              direct = { sent: false, why: String(error) };
            }
          }
          // What a page could try if a content script relayed page messages to the worker.
          window.postMessage(message, '*');
          window.postMessage({ source: 'gap-closer', ...message }, '*');
          for (const name of ['gap-closer', 'gap-closer:message', message.type]) {
            document.dispatchEvent(new CustomEvent(name, { detail: message }));
          }
          await new Promise((resolve) => setTimeout(resolve, 1500));
          return { direct, heard };
        },
        { id: browser.extensionId, message: forged },
      );
      await page.close();
    }
    for (const [url, attempt] of Object.entries(attempts)) {
      const { direct, heard } = attempt as { direct: { sent: boolean; reply?: unknown }; heard: unknown[] };
      // Not delivered at all, or delivered and refused: never acted on.
      if (direct.sent) expect(direct.reply, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      else expect(direct, url).toMatchObject({ sent: false });
      expect(heard, `${url}: no reply posted back to the page`).toEqual([]);
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses forged messages sent from the LinkedIn content script's own world", async () => {
    const url = 'https://www.linkedin.com/in/forged-content-script/';
    await serve(browser.context, `${url}**`, fixture('linkedin/profile-2024-08-minimal.html'));
    const before = await stored();
    const page = await browser.context.newPage();
    const session = await browser.context.newCDPSession(page);
    const contexts: { id: number; origin: string }[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await session.send('Runtime.enable');
    await page.goto(url);
    await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
    const isolated = contexts
      .filter((context) => context.origin === `chrome-extension://${browser.extensionId}`)
      .at(-1);
    expect(isolated, "the content script's world").toBeDefined();

    const person = { fullName: 'Forged Person', linkedinUrl: 'https://www.linkedin.com/in/forged-person/' };
    const forgeries = [
      // A type LinkedIn's script may not send.
      {
        type: 'webmail.log',
        payload: {
          idempotencyKey: 'forged_webmail_1',
          templateId: 'x',
          text: 'Hi',
          recipient: { email: 'a@example.com' },
        },
      },
      { type: 'reminders.refresh', payload: {} },
      // An allowed type with a payload outside the contract: a script URL, a forged contact id.
      {
        type: 'outreach.log',
        payload: {
          idempotencyKey: 'forged_outreach_1',
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text: 'Hi',
          person: { ...person, linkedinUrl: 'javascript:alert(1)' },
        },
      },
      {
        type: 'outreach.log',
        payload: {
          idempotencyKey: 'forged_outreach_2',
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text: 'Hi',
          person,
          contactId: 'someone-else',
        },
      },
    ];
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      contextId: isolated?.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `Promise.all(${JSON.stringify(forgeries)}.map((m) => chrome.runtime.sendMessage(m)))`,
    });
    expect(exceptionDetails).toBeUndefined();
    expect(result.value).toEqual([
      { ok: false, error: { code: 'forbidden', message: 'Refused: webmail.log is not allowed from this page.' } },
      { ok: false, error: { code: 'forbidden', message: 'Refused: reminders.refresh is not allowed from this page.' } },
      // Since issue 12 a content script logs nothing itself (only the private frame does): refused
      // before its payload is even read.
      { ok: false, error: { code: 'forbidden', message: 'Refused: outreach.log is not allowed from this page.' } },
      { ok: false, error: { code: 'forbidden', message: 'Refused: outreach.log is not allowed from this page.' } },
    ]);
    await page.close();
    expect(await stored()).toEqual(before);
  });
});
