import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, fixture, launchExtension, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';

/**
 * LinkedIn as it is today (issue 12, hand-made pages): our buttons land in the top card's
 * VISIBLE action row — never the copy hidden by CSS, never the sticky header — in the 2025 and
 * 2026 layouts (and the 2026 A/B variant with an h1), in English and German; the site check on
 * the options page says which layout was recognised.
 */
const PAGES = {
  riley: ['https://www.linkedin.com/in/riley-okafor/', 'hand-made/linkedin/profile-2025-layout.html'],
  morgan: ['https://www.linkedin.com/in/morgan-ellery/', 'hand-made/linkedin/profile-2026-layout.html'],
  lena: ['https://www.linkedin.com/in/lena-bauer/', 'hand-made/linkedin/profile-2025-german.html'],
  jonas: ['https://www.linkedin.com/in/jonas-keller/', 'hand-made/linkedin/profile-2026-german.html'],
} as const;
const MORGAN_H1 = 'https://www.linkedin.com/in/morgan-ellery-h1/';

async function launch(locale?: string): Promise<ExtensionBrowser> {
  const browser = await launchExtension(locale ? { locale } : {});
  for (const [url, file] of Object.values(PAGES)) await serve(browser.context, `${url}**`, fixture(file));
  // The A/B variant of 2026 whose name is an h1 (the same hand-made page, h2 → h1).
  await serve(
    browser.context,
    `${MORGAN_H1}**`,
    fixture(PAGES.morgan[1])
      .replace('<h2 class="a8f2k">Morgan Ellery</h2>', '<h1 class="a8f2k">Morgan Ellery</h1>')
      .replaceAll('/in/morgan-ellery/', '/in/morgan-ellery-h1/'),
  );
  return browser;
}

/**
 * Where the button named `name` sits: the fixture's marker of the page element holding it
 * (climbing out of shadow roots), whether it is rendered, and how many are on the page.
 */
async function placement(page: Page, name: string | RegExp) {
  const button = page.getByRole('button', { name });
  await button.waitFor();
  const where = await button.evaluate((element) => {
    let node: Node = element;
    while (node.getRootNode() instanceof ShadowRoot) node = (node.getRootNode() as ShadowRoot).host;
    const host = node as Element;
    return {
      mark: host.parentElement?.closest('[data-fixture]')?.getAttribute('data-fixture') ?? null,
      inTopCard: Boolean(host.closest('[data-member-id], [id$="Topcard"]')),
      rendered: element.checkVisibility(),
    };
  });
  return { ...where, count: await button.count() };
}

async function siteCheckRow(browser: ExtensionBrowser, site: string): Promise<string> {
  const options = await browser.context.newPage();
  await options.goto(extensionPage(browser, 'src/options/index.html'));
  const row = options.getByRole('row', { name: new RegExp(`^${site}`) });
  await row.waitFor();
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  await options.close();
  return text;
}

describe('in English', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('2025: in the top card’s Follow / Message / More row, not the sticky header', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.riley[0]);
    expect(await placement(page, 'Ask for referral')).toEqual({
      mark: 'action-row',
      inTopCard: true,
      rendered: true,
      count: 1,
    });
    await expect.poll(() => siteCheckRow(browser, 'LinkedIn')).toMatch(/Profile, 2025 layout None: everything found/);
    await page.close();
  });

  it('2026: in the visible copy of the doubled row, at desktop and at narrow widths', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(PAGES.morgan[0]);
    expect(await placement(page, 'Ask for referral')).toEqual({
      mark: 'wide-row',
      inTopCard: true,
      rendered: true,
      count: 1,
    });
    await page.setViewportSize({ width: 600, height: 800 });
    await page.reload();
    expect(await placement(page, 'Ask for referral')).toEqual({
      mark: 'narrow-row',
      inTopCard: true,
      rendered: true,
      count: 1,
    });
    await page.close();
  });

  it('2026 with an h1 (A/B variant): the same row, and the draft is for the name read from it', async () => {
    const page = await browser.context.newPage();
    await page.goto(MORGAN_H1);
    expect(await placement(page, 'Ask for referral')).toMatchObject({ mark: 'wide-row', rendered: true, count: 1 });
    await page.getByRole('button', { name: 'Ask for referral' }).click();
    await privateFrame(page).getByRole('dialog', { name: 'Ask Morgan for a referral' }).waitFor();
    await expect.poll(() => siteCheckRow(browser, 'LinkedIn')).toMatch(/Profile, 2026 layout None: everything found/);
    await page.close();
  });

  it('an unknown layout floats the buttons and the site check says so', async () => {
    await serve(
      browser.context,
      'https://www.linkedin.com/in/priya-natarajan/**',
      fixture('hand-made/linkedin/profile-unknown-layout.html'),
    );
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/in/priya-natarajan/');
    expect(await placement(page, 'Ask for referral')).toMatchObject({ mark: null, inTopCard: false, count: 1 });
    await expect
      .poll(() => siteCheckRow(browser, 'LinkedIn'), { timeout: 10_000 })
      .toMatch(
        /Profile, unknown layout Not found: profile card\. Used instead: the name in the page title, buttons floating at the corner\./,
      );
    await page.close();
  });
});

describe('in German', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch('de-DE');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('2025 and 2026 with LinkedIn’s German labels: in the visible action row', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGES.lena[0]);
    expect(await placement(page, 'Um Empfehlung bitten')).toEqual({
      mark: 'action-row',
      inTopCard: true,
      rendered: true,
      count: 1,
    });
    await page.goto(PAGES.jonas[0]);
    expect(await placement(page, 'Um Empfehlung bitten')).toEqual({
      mark: 'wide-row',
      inTopCard: true,
      rendered: true,
      count: 1,
    });
    await expect.poll(() => siteCheckRow(browser, 'LinkedIn')).toMatch(/Profil, Aufbau 2026 Keine: alles gefunden/);
    await page.close();
  });
});
