import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/manifest-for.ts';
import { fixture } from '../browser/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_FIREFOX = path.join(ROOT, process.env.GAP_CLOSER_DIST_FIREFOX ?? 'dist-firefox');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// Fixed internal UUID, so the test knows the moz-extension:// origin of the installed build.
const UUID = '6a1c5f2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const PROFILE_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';

let browser: Browser;

/** The frame whose document is our private frame page, once it has loaded (15 s at most). */
async function privateFrameOf(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`moz-extension://${UUID}/src/frame/index.html`)) return frame;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the private frame did not load');
}

function withoutFakeClock(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'LD_PRELOAD' && !entry[0].startsWith('FAKETIME'),
    ),
  );
}

beforeAll(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // Firefox 153+ only lets WebDriver open moz-extension:// pages with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
    // Firefox hangs at start under libfaketime (no endpoint in 30 s, measured), so it keeps the
    // real clock; nothing this smoke test checks depends on the date.
    env: withoutFakeClock(process.env),
  });
  await expect(browser.installExtension(DIST_FIREFOX)).resolves.toBe(GECKO_ID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function servedPage(url: string, html: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(url)) void request.respond({ status: 200, contentType: 'text/html', body: html });
    else void request.abort();
  });
  await page.goto(url);
  return page;
}

async function extensionPage(pagePath: string): Promise<Page> {
  const page = await browser.newPage();
  // BiDi reports no load event for extension pages: wait for content instead.
  await page
    .goto(`moz-extension://${UUID}/${pagePath}`, { waitUntil: 'domcontentloaded', timeout: 5000 })
    .catch(() => undefined);
  return page;
}

describe('the Firefox build in Firefox ESR', () => {
  it('is the Firefox manifest: background scripts, gecko id, no data collection', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as {
      background: { scripts?: string[]; service_worker?: string };
      browser_specific_settings: { gecko: { id: string; data_collection_permissions: { required: string[] } } };
    };
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: GECKO_ID,
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('shows the popup and saves the first-run quota', async () => {
    const popup = await extensionPage('src/popup/index.html');
    await popup.locator('::-p-aria([name="Quota target"][role="textbox"])').fill('100000');
    await popup.locator('::-p-aria([name="Closed so far"][role="textbox"])').fill('40000');
    await popup.locator('::-p-aria([name="Average deal size"][role="textbox"])').fill('10000');
    await popup.locator('::-p-aria([name="Your name"][role="textbox"])').fill('Sam Seller');
    await popup.locator('::-p-aria([name="Start closing the gap"][role="button"])').click();
    await popup.waitForFunction(() => document.body.innerText.includes('$60,000'), { timeout: 15_000 });
    await popup.close();
  });

  it('puts one "Ask for referral" button on the saved LinkedIn profile and drafts for Jordan', async () => {
    const page = await servedPage(PROFILE_URL, fixture('linkedin/profile-2024-07-full.html'));
    // Puppeteer's ARIA locator does not enter shadow roots over BiDi: find the button by its
    // role and accessible text inside our host instead.
    await page.waitForSelector('gap-closer', { timeout: 15_000 });
    const names = await page.evaluate(() =>
      [...(document.querySelector('gap-closer')?.shadowRoot?.querySelectorAll('button') ?? [])].map(
        (b) => b.textContent,
      ),
    );
    expect(names.slice(0, 2)).toEqual(['Ask for referral', 'Ask for help']);
    await page.locator('gap-closer >>> ::-p-text(Ask for referral)').click();
    // The draft lives in the private frame: an extension page of the installed build's own
    // moz-extension:// origin (random per installation; fixed here by the test's UUID pref).
    // Puppeteer's BiDi frame list keeps such a frame's first URL (about:blank): ask each frame.
    const frame = await privateFrameOf(page);
    await frame.waitForFunction(() => document.querySelector('textarea')?.value.startsWith('Hi Jordan,'), {
      timeout: 15_000,
    });
    const draft = await frame.evaluate(() => document.querySelector('textarea')?.value ?? '');
    const state = await page.evaluate(() => ({
      hosts: document.querySelectorAll('gap-closer').length,
      // What the page can read of our host: no draft, no textarea.
      pageTextareas: document.querySelector('gap-closer')?.shadowRoot?.querySelectorAll('textarea').length ?? 0,
      // The dialog opened in the frame loaded ahead of the click, its session posted to it.
      openedAhead: document
        .querySelector('gap-closer-frame')
        ?.shadowRoot?.querySelector('iframe.private-frame')
        ?.getAttribute('src'),
    }));
    expect(state).toEqual({
      hosts: 1,
      pageTextareas: 0,
      openedAhead: expect.stringMatching(/^moz-extension:\/\/[0-9a-f-]+\/src\/frame\/index\.html#$/),
    });
    expect(draft).toContain('Sam Seller');
    await page.close();
  });
});
