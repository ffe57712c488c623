import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { bodyText, seed } from './webmail-steps.ts';

/**
 * Issue 15, "count what was sent, once": text inserted into a Gmail or Outlook compose window is a
 * draft; the user's own Send there (a trusted click, or Ctrl+Enter) makes it one sent ask. A
 * click the page's script dispatches counts nothing.
 */

interface Stored {
  idempotencyKey: string;
  contactName: string;
  kind: string;
  text: string;
  createdAt: number;
}

const GMAIL = 'https://mail.google.com/mail/u/0/sent-watch';
const GMAIL_KEYS = 'https://mail.google.com/mail/u/0/sent-shortcut';
const OUTLOOK = 'https://outlook.office.com/mail/deeplink/compose';
const GMAIL_BODY = 'div[g_editable="true"]';
const ME = { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' };

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${GMAIL}**`, fixture('hand-made/gmail/compose-chips.html'));
  await serve(browser.context, `${GMAIL_KEYS}**`, fixture('hand-made/gmail/compose-chips.html'));
  await serve(browser.context, 'https://outlook.office.com/mail/**', fixture('hand-made/outlook/compose.html'));
  await seed(browser, { me: ME });
});

afterAll(async () => {
  await browser?.close();
});

const drafts = () => readStore<Stored>(browser, 'drafts');
const sent = () => readStore<Stored>(browser, 'outreach');

async function insert(page: Page, template: string): Promise<void> {
  await page.getByRole('button', { name: /^Insert template/ }).click();
  const menu = privateFrame(page).getByRole('menu');
  await menu.getByRole('menuitem', { name: template }).click();
  await fillGaps(page, /^Insert/);
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/counts as sent when you send it/);
}

/**
 * The recipient's company is not in the book the first time: the frame asks for it before
 * inserting (once it is sent, the book knows it). Fills what is asked, as the user would.
 */
async function fillGaps(page: Page, insertName: RegExp): Promise<void> {
  const form = privateFrame(page).getByRole('dialog');
  const insertButton = form.getByRole('button', { name: insertName });
  await expect
    .poll(async () => (await insertButton.count()) > 0 || Boolean(await page.getByRole('status').first().textContent()))
    .toBe(true);
  if ((await insertButton.count()) === 0) return;
  for (const gap of await form.locator('input[type="text"]').all()) await gap.fill('Northwind');
  await insertButton.click();
}

/** What a page's own script can do: a dispatched click and a dispatched Ctrl+Enter (both untrusted). */
async function forgeSend(page: Page, send: string, body: string): Promise<void> {
  await page.evaluate(
    ({ send, body }) => {
      (document.querySelector(send) as HTMLElement).click();
      document
        .querySelector(body)
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    },
    { send, body },
  );
}

/** Lets any message the content script might have sent reach the worker and be written. */
const settle = (page: Page) => page.waitForTimeout(600);

describe('Gmail: the Send click counts, once', () => {
  it('inserting twice is one draft; a script-dispatched Send counts nothing; the user’s Send counts one ask', async () => {
    const page = await browser.context.newPage();
    await page.goto(GMAIL);
    await page.locator(GMAIL_BODY).focus();
    await insert(page, 'Referral ask');
    await expect.poll(() => bodyText(page, GMAIL_BODY)).toMatch(/Hi Jordan,/);
    await insert(page, 'Referral ask');
    expect(await drafts()).toEqual([
      expect.objectContaining({ contactName: 'Jordan Whitfield', kind: 'referral-ask' }),
    ]);
    expect(await sent()).toEqual([]);

    await forgeSend(page, 'td.gU.Up [role="button"].T-I-atl', GMAIL_BODY);
    await settle(page);
    expect(await sent()).toEqual([]);
    expect(await drafts()).toHaveLength(1);

    // The user clicks the page's own Send button (found by its role and name, as a user does).
    const before = Date.now();
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect.poll(async () => (await sent()).length).toBe(1);
    const [ask] = await sent();
    expect(ask).toMatchObject({ contactName: 'Jordan Whitfield', kind: 'referral-ask', channel: 'email' });
    expect(ask?.text).toMatch(/^Hi Jordan,/);
    expect(ask?.createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(await drafts()).toEqual([]);
    // A second Send click (the mail app still showing the window) is the same ask.
    await page.getByRole('button', { name: /^Send/ }).click();
    await settle(page);
    expect(await sent()).toHaveLength(1);
    await page.close();
  });

  it('the send shortcut (Ctrl+Enter) typed by the user in that compose counts it', async () => {
    const page = await browser.context.newPage();
    await page.goto(GMAIL_KEYS);
    await page.locator(GMAIL_BODY).focus();
    await insert(page, 'Upsell');
    await expect(drafts()).resolves.toEqual([expect.objectContaining({ kind: 'upsell' })]);
    await page.locator(GMAIL_BODY).focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await sent()).filter((ask) => ask.kind === 'upsell').length).toBe(1);
    // Typed again (the window not gone yet): still one ask.
    await page.keyboard.press('Control+Enter');
    await settle(page);
    expect((await sent()).filter((ask) => ask.kind === 'upsell')).toHaveLength(1);
    expect(await drafts()).toEqual([]);
    await page.close();
  });
});

describe('Outlook: the Send click counts, once', () => {
  it('counts the user’s Send in that compose, never a script-dispatched one', async () => {
    const page = await browser.context.newPage();
    await page.goto(OUTLOOK);
    const body = '[aria-multiline="true"]';
    await page.locator(body).focus();
    const asksBefore = (await sent()).length;
    await insert(page, 'Favour or introduction ask');
    await insert(page, 'Favour or introduction ask');
    expect(await drafts()).toEqual([expect.objectContaining({ kind: 'favour-ask' })]);

    await forgeSend(page, 'button[aria-label="Send"]', body);
    await settle(page);
    expect(await sent()).toHaveLength(asksBefore);

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(async () => (await sent()).length).toBe(asksBefore + 1);
    expect((await sent()).filter((ask) => ask.kind === 'favour-ask')).toHaveLength(1);
    expect(await drafts()).toEqual([]);
    await page.close();
  });
});

describe('German browser', () => {
  it('the user’s “Senden” in a German Gmail counts the inserted draft', async () => {
    const german = await launchExtension({ locale: 'de-DE' });
    try {
      const url = 'https://mail.google.com/mail/u/0/german-send';
      await serve(german.context, `${url}**`, fixture('hand-made/gmail/compose-german.html'));
      await seed(german, { me: ME });
      const page = await german.context.newPage();
      await page.goto(url);
      await page.locator(GMAIL_BODY).focus();
      await page.getByRole('button', { name: 'Vorlage einfügen', exact: true }).click();
      await privateFrame(page).getByRole('menuitem', { name: 'Bitte um Empfehlung' }).click();
      await fillGaps(page, /^Einfügen/);
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toMatch(/Es zählt als gesendet, sobald Sie es aus diesem Fenster senden\./);
      await expect(readStore(german, 'drafts')).resolves.toHaveLength(1);
      await forgeSend(page, 'td.gU.Up [role="button"].T-I-atl', GMAIL_BODY);
      await page.waitForTimeout(600);
      await expect(readStore(german, 'outreach')).resolves.toEqual([]);
      await page.getByRole('button', { name: /^Senden/ }).click();
      await expect.poll(async () => (await readStore(german, 'outreach')).length).toBe(1);
      await expect(readStore(german, 'drafts')).resolves.toEqual([]);
    } finally {
      await german.close();
    }
  });
});
