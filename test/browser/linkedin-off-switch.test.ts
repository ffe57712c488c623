import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { hostCount, siteClicks, watchSiteClicks, privateFrame } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';

const JORDAN_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await watchSiteClicks(browser.context);
  await serve(browser.context, `${JORDAN_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics' });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
});

describe('relationship and playbook actions', () => {
  it('remembers the relationship chosen in the panel and offers the matching action inside it', async () => {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: 'Ask for help' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for help' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Jordan,/);
    const ask = dialog.getByRole('combobox', { name: 'What to ask' });
    await expect(ask.locator('option').allTextContents()).resolves.toEqual(['Ask for referral', 'Ask for help']);
    await dialog.getByRole('combobox', { name: 'Relationship' }).selectOption('customer');
    await dialog.getByText('Saved: Customer.').waitFor();
    await expect.poll(() => ask.locator('option').allTextContents()).toContain('Upsell');
    // The page's own buttons never change with the relationship.
    await expect(page.getByRole('button', { name: 'Upsell' }).count()).resolves.toBe(0);

    await page.reload();
    await page.getByRole('button', { name: 'Ask for help' }).click();
    const again = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for help' });
    // Read once the frame has looked the person up, as a user sees it.
    await expect.poll(() => again.getByRole('combobox', { name: 'Relationship' }).inputValue()).toBe('customer');
    await again.getByRole('combobox', { name: 'What to ask' }).selectOption({ label: 'Upsell' });
    const upsell = privateFrame(page).getByRole('dialog', { name: 'Check in with Jordan' });
    await expect.poll(() => upsell.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Jordan,/);
    await expect(
      upsell.getByRole('combobox', { name: 'What to ask' }).locator('option').allTextContents(),
    ).resolves.not.toContain('Revive deal');
    await expect(page.getByRole('button', { name: 'Upsell' }).count()).resolves.toBe(0);
    await page.close();
  });
});

describe('in-page buttons off', () => {
  it('removes the buttons from open tabs without a reload; the popup offers the same actions', async () => {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();

    const popup = await openPopup(browser);
    const toggle = popup.getByRole('checkbox', { name: 'Show Gap Closer buttons on LinkedIn pages' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.uncheck();
    await expect.poll(() => hostCount(page)).toBe(0);

    // The popup acts on the profile in the tab the user came from, read on demand.
    await page.bringToFront();
    await popup.reload();
    const onPage = popup.getByRole('region', { name: 'On this page' });
    await onPage.getByText('Jordan Whitfield').waitFor();
    await onPage.getByRole('button', { name: 'Ask for referral' }).click();
    const draft = onPage.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Jordan,/);
    await onPage.getByRole('button', { name: 'Copy and log' }).click();
    await onPage.getByText(/^Copied\. Paste it on LinkedIn/).waitFor();
    await expect(readStore(browser, 'drafts')).resolves.toHaveLength(1);
    await onPage.getByRole('button', { name: 'Sent', exact: true }).click();
    await onPage.getByText('Counted as sent.').waitFor();
    const logged = await readStore<{ contactName: string; kind: string }>(browser, 'outreach');
    expect(
      logged.filter((record) => record.contactName === 'Jordan Whitfield' && record.kind === 'referral-ask'),
    ).toHaveLength(1);

    // Still off after a reload of the LinkedIn tab.
    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(300); // the content script has had its chance to (wrongly) mount
    await expect(hostCount(page)).resolves.toBe(0);

    await popup.getByRole('checkbox', { name: 'Show Gap Closer buttons on LinkedIn pages' }).check();
    await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
    await expect(hostCount(page)).resolves.toBe(1);
    await expect(siteClicks(page)).resolves.toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('respect for LinkedIn', () => {
  it('makes no request to LinkedIn and clicks none of its controls while drafting and logging', async () => {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.waitForLoadState('load');
    const before = browser.requests.length;
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    const dialog = privateFrame(page).getByRole('dialog');
    await expect.poll(() => dialog.getByRole('textbox').inputValue()).toMatch(/^Hi Jordan/);
    await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await dialog.getByText(/^Copied\. Paste it/).waitFor();
    const after = browser.requests.slice(before);
    expect(after.filter((url) => /linkedin\.com|licdn\.com/.test(url))).toEqual([]);
    await expect(siteClicks(page)).resolves.toEqual([]);
    await page.close();
  });
});
