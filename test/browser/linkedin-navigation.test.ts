import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, serve, type ExtensionBrowser } from './harness.ts';
import { hostCount, privateFrame } from './linkedin-steps.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  // Every URL of the hand-made single-page app serves the same document, as LinkedIn does.
  const spa = fixture('hand-made/linkedin/profile-spa.html');
  for (const path of ['/in/alex-rivera/**', '/in/blair-chen/**', '/feed/**']) {
    await serve(browser.context, `https://www.linkedin.com${path}`, spa);
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('LinkedIn in-page navigation (hand-made single-page app)', () => {
  it('retargets to the new person, never shows two sets of buttons, and leaves with the profile', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/in/alex-rivera/');
    const referral = page.getByRole('button', { name: /^Ask for referral/ });
    await referral.waitFor();
    // Count our hosts at every DOM change from here on.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __hostCounts: number[] }).__hostCounts = seen;
      new MutationObserver(() => seen.push(document.querySelectorAll('gap-closer').length)).observe(document, {
        childList: true,
        subtree: true,
      });
    });

    await page.evaluate(() => (window as unknown as { spaGo: (slug: string) => Promise<void> }).spaGo('blair-chen'));
    await referral.click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Blair for a referral' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Blair,/);
    await expect(hostCount(page)).resolves.toBe(1);

    await page.evaluate(() => (window as unknown as { spaGo: (slug: string) => Promise<void> }).spaGo('feed'));
    await expect.poll(() => hostCount(page)).toBe(0);

    await page.goBack();
    await expect.poll(() => page.url()).toBe('https://www.linkedin.com/in/blair-chen/');
    await page.goBack();
    await expect.poll(() => page.url()).toBe('https://www.linkedin.com/in/alex-rivera/');
    await referral.click();
    await expect
      .poll(() =>
        privateFrame(page)
          .getByRole('dialog', { name: 'Ask Alex for a referral' })
          .getByRole('textbox', { name: 'Draft message' })
          .inputValue(),
      )
      .toMatch(/^Hi Alex,/);
    const counts = await page.evaluate(() => (window as unknown as { __hostCounts: number[] }).__hostCounts);
    expect(Math.max(...counts)).toBe(1);
    await page.close();
  });

  it('puts the buttons back when the site re-renders the card, also after moving it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/in/alex-rivera/');
    const referral = page.getByRole('button', { name: /^Ask for referral/ });
    await referral.waitFor();
    // The site wraps the card in a new element (our element stays in the document)…
    await page.evaluate(() => {
      const card = document.querySelector('gap-closer')?.parentElement?.parentElement;
      const wrapper = document.createElement('div');
      card?.before(wrapper);
      if (card) wrapper.append(card);
    });
    await expect(hostCount(page)).resolves.toBe(1);
    // …then renders the card again from scratch, dropping our element with the old one.
    await page.evaluate(() => {
      const card = document.querySelector('gap-closer')?.parentElement?.parentElement;
      const copy = card?.cloneNode(true) as Element | undefined;
      copy?.querySelectorAll('gap-closer').forEach((element) => element.remove());
      if (card && copy) card.replaceWith(copy);
    });
    await expect.poll(() => hostCount(page)).toBe(1);
    await referral.click();
    await expect
      .poll(() =>
        privateFrame(page)
          .getByRole('dialog', { name: 'Ask Alex for a referral' })
          .getByRole('textbox', { name: 'Draft message' })
          .inputValue(),
      )
      .toMatch(/^Hi Alex,/);
    await page.close();
  });

  it('puts the buttons back when the card is re-rendered while scrolled out of view', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/in/alex-rivera/');
    await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
    // The user scrolled down the profile: our element is off screen (nothing reports it leaving)…
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '5000px';
      document.body.append(spacer);
      scrollTo(0, 4000);
    });
    // …and the site renders the card again: only the re-rendered card's detection animation tells us.
    await page.evaluate(() => {
      const card = document.querySelector('gap-closer')?.closest('section');
      const copy = card?.cloneNode(true) as Element | undefined;
      copy?.querySelectorAll('gap-closer').forEach((element) => element.remove());
      if (card && copy) card.replaceWith(copy);
    });
    await expect.poll(() => hostCount(page)).toBe(1);
    await expect(page.evaluate(() => Boolean(document.querySelector('section gap-closer')))).resolves.toBe(true);
    await page.close();
  });
});
