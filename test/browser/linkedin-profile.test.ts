import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';

interface StoredOutreach {
  contactName: string;
  contactId: string;
  kind: string;
  channel: string;
  text: string;
  status: string;
}
interface StoredContact {
  id: string;
  fullName: string;
  firstName: string;
  headline?: string;
  company?: string;
  linkedinUrl?: string;
}

// The saved pages' own profile slugs, so the page is served at its real URL.
const JORDAN_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';
const AVERY_URL = 'https://www.linkedin.com/in/member-782b21f222/';
const UNKNOWN_URL = 'https://www.linkedin.com/in/priya-natarajan/';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${JORDAN_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
  await serve(browser.context, `${AVERY_URL}**`, fixture('linkedin/profile-2024-08-minimal.html'));
  await serve(browser.context, `${UNKNOWN_URL}**`, fixture('hand-made/linkedin/profile-unknown-layout.html'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics' });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openProfile(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
  return page;
}

describe('LinkedIn profile, 2024 layout (saved page)', () => {
  it('shows one "Ask for referral" button, inside the profile action row', async () => {
    const page = await openProfile(JORDAN_URL);
    await expect(page.getByRole('button', { name: /^Ask for referral/ }).count()).resolves.toBe(1);
    const placement = await page.evaluate(() => {
      const hosts = document.querySelectorAll('gap-closer');
      const host = hosts[0];
      const row = host?.parentElement;
      return {
        hosts: hosts.length,
        mode: host?.getAttribute('data-gap-closer'),
        rowHasMore: Boolean(row?.querySelector('button[aria-label="More actions"]')),
        rowHasMessage: Boolean(row?.querySelector('button[aria-label^="Message "]')),
        inMain: Boolean(host?.closest('main')),
      };
    });
    expect(placement).toEqual({ hosts: 1, mode: 'inline', rowHasMore: true, rowHasMessage: true, inMain: true });
    await page.close();
  });

  it('drafts with the first name and my settings, copies, logs, and the popup lists it', async () => {
    const page = await openProfile(JORDAN_URL);
    const trigger = page.getByRole('button', { name: /^Ask for referral/ });
    await trigger.click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for a referral' });
    await dialog.waitFor();
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toContain('Hi Jordan,');
    const text = await draft.inputValue();
    expect(text).toContain('Acme Analytics');
    expect(text).toContain('Sam Seller');
    expect(text).not.toMatch(/\{\{/);

    await draft.fill(`${text}\nP.S. edited by me`);
    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/^Copied\. Paste it into your message to Jordan and send it, then press “Sent”/);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toBe(`${text}\nP.S. edited by me`);
    // Copied is drafted: nothing counts until the user says it was sent.
    await expect(readStore(browser, 'outreach')).resolves.toEqual([]);
    await expect(readStore(browser, 'drafts')).resolves.toHaveLength(1);
    await dialog.getByRole('button', { name: 'Sent', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Counted as sent.');
    await expect(dialog.getByRole('button', { name: 'Sent', exact: true }).count()).resolves.toBe(0);
    await expect(readStore(browser, 'drafts')).resolves.toEqual([]);

    const outreach = await readStore<StoredOutreach>(browser, 'outreach');
    expect(outreach).toHaveLength(1);
    expect(outreach[0]).toMatchObject({
      contactName: 'Jordan Whitfield',
      kind: 'referral-ask',
      channel: 'linkedin-message',
      text: `${text}\nP.S. edited by me`,
      status: 'awaiting',
    });
    const contacts = await readStore<StoredContact>(browser, 'contacts');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      id: outreach[0]?.contactId,
      fullName: 'Jordan Whitfield',
      firstName: 'Jordan',
      headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Morgan Mbeki',
      company: 'Morgan Mbeki',
      linkedinUrl: JORDAN_URL,
    });

    // Copying the same draft again and saying "Sent" again is the same outreach: stored once.
    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Copied\./);
    await dialog.getByRole('button', { name: 'Sent', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Counted as sent.');
    await expect(readStore<StoredOutreach>(browser, 'outreach')).resolves.toHaveLength(1);
    await expect(readStore(browser, 'drafts')).resolves.toEqual([]);

    const popup = await openPopup(browser);
    const list = popup.getByRole('list', { name: "Today's outreach" });
    await list.waitFor();
    await expect(list.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Jordan WhitfieldReferral ask\d{2}:\d{2}/),
    ]);
    await expect(popup.getByTestId('asks-today').textContent()).resolves.toMatch(/^1 ask sent — the plan was \d+$/);
    await popup.close();
    await page.close();
  });

  it('closes on Escape and gives focus back to the button', async () => {
    const page = await openProfile(JORDAN_URL);
    const trigger = page.getByRole('button', { name: /^Ask for referral/ });
    await trigger.click();
    const dialog = privateFrame(page).getByRole('dialog');
    await expect.poll(() => dialog.getByRole('textbox').inputValue()).toContain('Hi Jordan');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const focused = await page.evaluate(
      () => document.querySelector('gap-closer')?.shadowRoot?.activeElement?.textContent,
    );
    expect(focused).toBe('Ask for referral');
    await expect(trigger.getAttribute('aria-expanded')).resolves.toBe('false');
    // Keyboard alone opens it again.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.close();
  });
});

describe('LinkedIn profile, minimal 2024 page (saved page)', () => {
  it('shows one button and drafts for Avery', async () => {
    const page = await openProfile(AVERY_URL);
    await expect(page.locator('gap-closer').count()).resolves.toBe(1);
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    const draft = privateFrame(page).getByRole('dialog').getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Avery,/);
    await page.close();
  });
});

describe('LinkedIn profile, unknown layout (hand-made page)', () => {
  it('floats the button and takes the name from the title', async () => {
    const page = await openProfile(UNKNOWN_URL);
    await expect(page.locator('gap-closer').getAttribute('data-gap-closer')).resolves.toBe('floating');
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Priya for a referral' });
    await expect.poll(() => dialog.getByRole('textbox').inputValue()).toMatch(/^Hi Priya,/);
    await page.close();
  });
});
