import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { pressAcknowledged, slowKeyupsIn } from './key-steps.ts';
import { privateFrame, privateFrameHandle } from './linkedin-steps.ts';
import { bodyText, runInsertTemplateCommand, seed } from './webmail-steps.ts';

const PAGE = 'https://mail.google.com/mail/u/0/a11y';
const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/a11y-thread';
const OUTLOOK_THREAD = 'https://outlook.office365.com/mail/inbox/id/a11y';
const BODY = 'div[g_editable="true"]';
const PRIYA = 'priya.natarajan@novare.example';
const TRIGGER = 'Record outcome';
const OUTCOMES = [
  'Replied',
  'Helped: referral',
  'Helped: introduction',
  'Helped: advice',
  'Meeting booked',
  'Won… (enter amount)',
  'Declined',
];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${PAGE}**`, fixture('hand-made/gmail/compose-chips.html'));
  await serve(browser.context, `${GMAIL_THREAD}**`, fixture('hand-made/gmail/thread-inline-reply.html'));
  await serve(browser.context, `${OUTLOOK_THREAD}**`, fixture('hand-made/outlook/reading-pane.html'));
  await seed(browser, {
    me: { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' },
    contacts: [
      {
        id: 'contact-jordan',
        fullName: 'Jordan Whitfield',
        firstName: 'Jordan',
        email: 'jordan.whitfield@morgan-mbeki.example',
        company: 'Morgan Mbeki',
        relationship: 'customer',
      },
      { id: 'contact-priya', fullName: 'Priya Natarajan', firstName: 'Priya', email: PRIYA },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(PAGE);
  await page.getByRole('button', { name: 'Insert template' }).waitFor();
  return page;
}

/** The element focused: inside the private frame when it is open and focused, else in our shadow root. */
async function focusedElement(page: Page): Promise<{ text: string | null; id: string }> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/src/frame/index.html'));
  const inFrame =
    frame &&
    (await frame
      .evaluate(() =>
        document.hasFocus()
          ? { text: document.activeElement?.textContent ?? null, id: document.activeElement?.id ?? '' }
          : null,
      )
      .catch(() => null));
  return (
    inFrame ??
    page.evaluate(() => {
      const active = document.activeElement?.shadowRoot?.activeElement;
      return { text: active?.textContent ?? null, id: active?.id ?? '' };
    })
  );
}

async function focused(page: Page): Promise<string | null> {
  return (await focusedElement(page)).text;
}

describe('webmail compose menu accessibility', () => {
  it('has no axe violations in our button and the open menu (the page itself is not ours)', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Insert template' }).click();
    const menu = privateFrame(page).getByRole('menu', { name: 'Templates for Jordan Whitfield' });
    await menu.getByRole('menuitem', { name: 'Referral ask' }).waitFor();
    const results = await new AxeBuilder({ page }).include('gap-closer').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
    await page.close();
  });

  it('walks the menu with the keyboard only: the shortcut, arrows, Enter inserts', async () => {
    const page = await open();
    await page.locator(BODY).click();
    await page.keyboard.press('Control+Home');
    await runInsertTemplateCommand(browser, page);
    const menu = privateFrame(page).getByRole('menu', { name: 'Templates for Jordan Whitfield' });
    await menu.waitFor();
    // A customer: the suggested kinds (referral, upsell) come first; focus is on the first item.
    await expect.poll(() => focused(page)).toBe('Referral ask');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Customer check-in (upsell)');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('Referral ask');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('Referral ask');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe('Insert template');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Referral ask');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,/);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Inserted with subject for Jordan Whitfield. It counts as sent when you send it from this window.');
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe(
      'How is Acme Insights working for you?',
    );
    await page.close();
  });

  it('closes on Escape while the extension is slow to handle the keyup: the key is acknowledged', async () => {
    const page = await open();
    await page.locator(BODY).click();
    await runInsertTemplateCommand(browser, page);
    const menu = privateFrame(page).getByRole('menu', { name: 'Templates for Jordan Whitfield' });
    await expect.poll(() => focused(page)).toBe('Referral ask');
    await slowKeyupsIn(await privateFrameHandle(page));
    // Closed on the keydown, the frame left the page while its keyup was handled: this hung.
    await pressAcknowledged(page, 'Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe('Insert template');
    await page.close();
  });
});

interface StoredOutreach {
  id: string;
  status: string;
  outcome?: string;
  wonAmount?: number;
  outcomeAt?: number;
}

/** One open ask to Priya, written afresh (awaiting) before each recording. */
async function openAskToPriya(id: string): Promise<void> {
  await seed(browser, {
    outreach: [
      {
        id,
        idempotencyKey: `${id}-key`,
        contactId: 'contact-priya',
        contactName: 'Priya Natarajan',
        kind: 'favour-ask',
        channel: 'email',
        text: 'Hi Priya',
        createdAt: Date.now() + 60_000,
        status: 'awaiting',
      },
    ],
  });
}

async function storedAsk(id: string): Promise<StoredOutreach | undefined> {
  return (await readStore<StoredOutreach>(browser, 'outreach')).find((record) => record.id === id);
}

/** The conversation page with our Record outcome button on it. */
async function openThread(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: TRIGGER }).waitFor();
  return page;
}

/** The status line of the private frame, where what was recorded is said (never in the page). */
function threadStatus(page: Page) {
  return privateFrame(page).getByRole('status');
}

const THREADS = [
  // The subject heading our button sits after: Gmail makes it focusable (tabindex=-1), Outlook's is plain text.
  { site: 'Gmail', url: GMAIL_THREAD, subject: 'h2.hP' },
  { site: 'Outlook', url: OUTLOOK_THREAD, subject: '[role="main"] [role="heading"]' },
];

describe.each(THREADS)('Record outcome menu accessibility ($site conversation)', ({ site, url, subject }) => {
  it('has no axe violations in our button and the open menu', async () => {
    const page = await openThread(url);
    const button = page.getByRole('button', { name: TRIGGER });
    const closed = await new AxeBuilder({ page }).include('gap-closer').analyze();
    expect(closed.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await button.click();
    const menu = privateFrame(page).getByRole('menu', { name: 'How did your ask to Priya Natarajan go?' });
    await menu.getByRole('menuitem').first().waitFor();
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual(OUTCOMES);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    const open = await new AxeBuilder({ page }).include('gap-closer').analyze();
    expect(open.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(open.passes.length).toBeGreaterThan(5);
    // The amount form of a win, open under the menu.
    await menu.getByRole('menuitem', { name: 'Won… (enter amount)' }).click();
    await privateFrame(page).getByRole('textbox', { name: 'Amount won' }).waitFor();
    const amount = await new AxeBuilder({ page }).include('gap-closer').analyze();
    expect(amount.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.close();
  });

  it('walks the menu with the keyboard only: Tab, Enter opens, arrows move, Escape returns, Enter records', async () => {
    const id = `ask-priya-keyboard-${site}`;
    await openAskToPriya(id);
    const page = await openThread(url);
    const button = page.getByRole('button', { name: TRIGGER });
    const menu = privateFrame(page).getByRole('menu', { name: 'How did your ask to Priya Natarajan go?' });
    // Reading the conversation: the subject is where the reader is; the next Tab stop is ours.
    await page.locator(subject).click();
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe(TRIGGER);

    // Enter opens the private menu on its first item; arrows wrap, Home/End jump.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Replied');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Helped: referral');
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toBe('Declined');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Replied');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('Declined');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toBe('Replied');

    // Escape closes and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe(TRIGGER);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');

    // Choose "Meeting booked" with Enter: recorded and announced inside the frame.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Replied');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Meeting booked');
    await page.keyboard.press('Enter');
    await expect.poll(() => threadStatus(page).textContent()).toBe('Recorded for Priya Natarajan: a meeting.');
    await expect.poll(() => storedAsk(id)).toMatchObject({ status: 'resolved', outcome: 'meeting' });
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(TRIGGER);
    await page.close();
  });

  it('records a win with the keyboard: Enter on Won… focuses the amount, Escape backs out, Enter saves', async () => {
    const id = `ask-priya-won-${site}`;
    await openAskToPriya(id);
    const page = await openThread(url);
    const menu = privateFrame(page).getByRole('menu', { name: 'How did your ask to Priya Natarajan go?' });
    await page.locator(subject).click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Replied');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page)).toBe('Won… (enter amount)');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusedElement(page)).id).toBe('gc-amount');
    // Tab moves on to Save.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('Save win');
    // Escape closes everything and returns to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(() => focused(page)).toBe(TRIGGER);
    // Again, and this time save 4,200 with Enter.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('Replied');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focusedElement(page)).id).toBe('gc-amount');
    await page.keyboard.type('4200');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => threadStatus(page).textContent())
      .toBe('Recorded for Priya Natarajan: won 4,200 (counted as closed).');
    await expect.poll(() => storedAsk(id)).toMatchObject({ status: 'resolved', outcome: 'won', wonAmount: 4200 });
    await page.close();
  });
});
