import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame, privateFrameHandle } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';

let browser: ExtensionBrowser;

const MORGAN_URL = 'https://www.linkedin.com/in/morgan-ellery/';
const JUERGEN_URL = 'https://www.linkedin.com/in/juergen-gross/';
const HOSTILE_URL = 'https://www.linkedin.com/in/eve-hostile/';
const HOSTILE_NAME = '<img src=x onerror="window.__probe=1">Eve <script>window.__probe=2</script>Mallory';

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${MORGAN_URL}**`, fixture('hand-made/linkedin/profile-2026-layout.html'));
  await serve(browser.context, `${JUERGEN_URL}**`, fixture('hand-made/linkedin/profile-2024-german.html'));
  // The German page with a name carrying markup, as text in the page (escaped in the HTML).
  const escaped = HOSTILE_NAME.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  await serve(
    browser.context,
    `${HOSTILE_URL}**`,
    fixture('hand-made/linkedin/profile-2024-german.html')
      .replace('>Jürgen Groß</h1>', `>${escaped}</h1>`)
      .replaceAll('/in/juergen-gross/', '/in/eve-hostile/'),
  );
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics' });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openDraft(url: string, name: RegExp): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: /^Ask for referral/ }).click();
  await privateFrame(page).getByRole('dialog', { name }).waitFor();
  return page;
}

describe('LinkedIn 2026 layout (hand-made page)', () => {
  it('reads the name from the QsTopcard and puts the buttons in its action row', async () => {
    const page = await openDraft(MORGAN_URL, /^Ask Morgan for a referral$/);
    await expect
      .poll(() => privateFrame(page).getByRole('dialog').getByRole('textbox', { name: 'Draft message' }).inputValue())
      .toMatch(/^Hi Morgan,/);
    const placement = await page.evaluate(() => {
      const host = document.querySelector('gap-closer');
      return {
        hosts: document.querySelectorAll('gap-closer').length,
        mode: host?.getAttribute('data-gap-closer'),
        besideMore: Boolean(host?.parentElement?.querySelector('button[aria-label="More actions"]')),
      };
    });
    expect(placement).toEqual({ hosts: 1, mode: 'inline', besideMore: true });
    // The page's CSS (button { background: #ffd }, a serif font) does not reach our buttons.
    await page.mouse.move(0, 0);
    const style = await page.evaluate(() => {
      const button = document.querySelector('gap-closer')?.shadowRoot?.querySelector('button');
      return button ? getComputedStyle(button).backgroundColor : null;
    });
    expect(style).toBe('rgb(255, 255, 255)');
    await page.close();
  });
});

describe('LinkedIn in German (hand-made page)', () => {
  it('finds name, headline, company and action row without English labels', async () => {
    const page = await openDraft(JUERGEN_URL, /^Ask Jürgen for a referral$/);
    await expect
      .poll(() => privateFrame(page).getByRole('dialog').getByRole('textbox').inputValue())
      .toMatch(/^Hi Jürgen,/);
    await expect(page.locator('gap-closer').getAttribute('data-gap-closer')).resolves.toBe('inline');
    await privateFrame(page).getByRole('button', { name: 'Copy and log' }).click();
    await privateFrame(page)
      .getByText(/^Copied\. Paste it/)
      .waitFor();
    // The person is saved with the ask once the user says it was sent.
    await privateFrame(page).getByRole('button', { name: 'Sent', exact: true }).click();
    await privateFrame(page).getByText('Counted as sent.').waitFor();
    const contacts = await readStore<{ fullName: string; headline: string; company: string }>(browser, 'contacts');
    expect(contacts.find((contact) => contact.fullName === 'Jürgen Groß')).toMatchObject({
      headline: 'Leiter Vertrieb DACH bei Beispiel GmbH',
      company: 'Beispiel GmbH',
    });
    await page.close();
  });
});

describe('a name containing markup', () => {
  it('is shown as text and never runs', async () => {
    const page = await openDraft(HOSTILE_URL, /^Ask <img for a referral$/);
    const frame = await privateFrameHandle(page);
    const heading = await frame.evaluate(() => document.querySelector('h2')?.textContent);
    expect(heading).toBe(`Ask ${HOSTILE_NAME.split(' ')[0]} for a referral`);
    const injected = {
      probe: await page.evaluate(() => (window as unknown as { __probe?: number }).__probe ?? null),
      elements: await frame.evaluate(() => document.querySelectorAll('img, script:not([src])').length),
    };
    expect(injected).toEqual({ probe: null, elements: 0 });
    await page.close();
  });
});
