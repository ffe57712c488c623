import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, serve, type ExtensionBrowser } from './harness.ts';
import { bodyText, seed } from './webmail-steps.ts';

const PAGE = 'https://mail.google.com/mail/u/0/a11y';
const BODY = 'div[g_editable="true"]';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${PAGE}**`, fixture('hand-made/gmail/compose-chips.html'));
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

/** The text of the element focused inside our shadow root. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? null);
}

describe('webmail compose menu accessibility', () => {
  it('has no axe violations in our button and the open menu (the page itself is not ours)', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Insert template' }).click();
    const menu = page.getByRole('menu', { name: 'Templates for Jordan Whitfield' });
    await menu.getByRole('menuitem', { name: 'Referral ask' }).waitFor();
    const results = await new AxeBuilder({ page }).include('gap-closer').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
    await page.close();
  });

  it('walks the menu with the keyboard only: Alt+Shift+I, arrows, Enter inserts', async () => {
    const page = await open();
    await page.locator(BODY).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+Shift+I');
    const menu = page.getByRole('menu', { name: 'Templates for Jordan Whitfield' });
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
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focused(page)).toBe('Referral ask');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,/);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Inserted with subject and logged for Jordan Whitfield.');
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe(
      'How is Acme Insights working for you?',
    );
    await page.close();
  });
});
