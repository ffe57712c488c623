import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { pressAcknowledged, slowKeyupsIn } from './key-steps.ts';
import { privateFrame, privateFrameHandle } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';

const JORDAN_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${JORDAN_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics' });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('LinkedIn panel accessibility', () => {
  it('has no axe violations in our buttons and open dialog (the page itself is not ours)', async () => {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    await expect
      .poll(() => privateFrame(page).getByRole('dialog').getByRole('textbox', { name: 'Draft message' }).inputValue())
      .toMatch(/^Hi Jordan/);
    const results = await new AxeBuilder({ page }).include('gap-closer').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(5);
    await page.close();
  });

  it('walks the whole flow with the keyboard only', async () => {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
    // Tab from the page into our row, as a keyboard user would.
    await page.getByRole('button', { name: 'More actions' }).first().focus();
    let guard = 0;
    while (guard++ < 30) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(
        () => document.activeElement?.shadowRoot?.activeElement?.textContent ?? document.activeElement?.textContent,
      );
      if (focused === 'Ask for referral') break;
    }
    expect(guard).toBeLessThan(30);
    await page.keyboard.press('Enter');
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for a referral' });
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Jordan/);
    // Focus starts in the draft (the caret is there before the user types): type at its start,
    // then Tab to the main action.
    const frame = await privateFrameHandle(page);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName ?? ''))
      .toBe('IFRAME');
    await expect.poll(() => frame.evaluate(() => document.activeElement?.tagName ?? '')).toBe('TEXTAREA');
    await page.keyboard.type('Quick note. ');
    const focusOrder: string[] = [];
    for (let step = 0; step < 2; step++) {
      await page.keyboard.press('Tab');
      focusOrder.push(
        await frame.evaluate(() => {
          const active = document.activeElement;
          return `${active?.tagName.toLowerCase()}:${active?.textContent ?? ''}`;
        }),
      );
    }
    expect(focusOrder).toEqual(['button:Close', 'button:Copy and log']);
    await page.keyboard.press('Enter');
    await dialog.getByText(/^Copied\. Paste it/).waitFor();
    // "Sent" is reached by keyboard, after the main action (a blocked clipboard's fallback may
    // have put focus back in the draft to select it: then it is three steps on).
    for (let step = 0; step < 4; step++) {
      if ((await frame.evaluate(() => document.activeElement?.textContent ?? '')) === 'Sent') break;
      await page.keyboard.press('Tab');
    }
    await expect(frame.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toBe('Sent');
    await page.keyboard.press('Enter');
    await dialog.getByText('Counted as sent.').waitFor();
    const logged = await readStore<{ text: string }>(browser, 'outreach');
    expect(logged.some((record) => record.text.startsWith('Quick note. Hi Jordan,'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.close();
  });
  it('closes on Escape while the extension is slow to handle the keyup: the key is acknowledged', async () => {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for a referral' });
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Jordan/);
    await slowKeyupsIn(await privateFrameHandle(page));
    await draft.focus();
    // Closed on the keydown, the frame left the page while its keyup was handled: this hung.
    await pressAcknowledged(page, 'Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? ''))
      .toBe('Ask for referral');
    await page.close();
  });
});
