import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, launchExtension, openPopup, serve, type ExtensionBrowser } from './harness.ts';
import { seedMorningBook } from './morning-book.ts';

/**
 * The popup in the order of the morning (issue 15, item 7): at a 600 px high popup, the named
 * asks, the thank-yous owed and the follow-ups due are on screen before any scrolling, the gap
 * and the plan's numbers below them; counts read as sentences; "On this page" only when the tab
 * the user came from is a LinkedIn profile or group. English and German.
 */

const JORDAN_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** The popup at its real size: 360 px wide (its body), 600 px high. */
async function morningPopup(target: ExtensionBrowser, queueList: string): Promise<Page> {
  const popup = await openPopup(target);
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup
    .getByRole('list', { name: queueList, exact: true })
    .getByRole('listitem')
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      console.log(await popup.locator('body').innerText());
      throw error;
    });
  return popup;
}

/** Top and bottom of an element in the page, before any scrolling. */
async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
  const rect = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
  return rect;
}

interface Names {
  today: string;
  thanks: string;
  followUps: string;
  gap: string;
  plan: string;
  onThisPage: string;
  customers: string;
}

async function expectMorningOrder(popup: Page, names: Names): Promise<void> {
  if (process.env.MORNING_SHOT) await popup.screenshot({ path: process.env.MORNING_SHOT, fullPage: true });
  const heading = (name: string) => popup.getByRole('heading', { name, exact: true });
  const today = await box(heading(names.today));
  const firstAsk = await box(
    popup.getByRole('list', { name: names.customers, exact: true }).getByRole('listitem').first(),
  );
  const thanks = await box(popup.getByRole('region', { name: names.thanks }));
  const followUps = await box(popup.getByRole('region', { name: names.followUps }));
  const gap = await box(heading(names.gap));
  const plan = await box(heading(names.plan));
  // Named asks, then thank-yous, then follow-ups, then the gap and the plan's numbers.
  expect(today.top).toBeLessThan(firstAsk.top);
  expect(firstAsk.bottom).toBeLessThanOrEqual(thanks.top);
  expect(thanks.bottom).toBeLessThanOrEqual(followUps.top);
  expect(followUps.bottom).toBeLessThanOrEqual(gap.top);
  expect(gap.top).toBeLessThan(plan.top);
  // The first three inside the first 600 px: the asks and the thank-yous whole, the follow-ups' heading and first line.
  expect(thanks.bottom, 'thank-yous end within 600 px').toBeLessThanOrEqual(600);
  const firstDue = await box(
    popup.getByRole('list', { name: names.followUps, exact: true }).getByRole('listitem').first(),
  );
  expect(firstDue.bottom, 'the first follow-up ends within 600 px').toBeLessThanOrEqual(600);
  await expect(popup.evaluate(() => window.scrollY)).resolves.toBe(0);
  // Not on LinkedIn: no "On this page" at all.
  await expect(popup.getByRole('region', { name: names.onThisPage }).count()).resolves.toBe(0);
  await expect(popup.getByRole('heading', { name: names.onThisPage }).count()).resolves.toBe(0);
}

describe('the popup in the order of the morning', () => {
  it('in English: asks, thank-yous, follow-ups within 600 px; counts as sentences; no "On this page" off LinkedIn', async () => {
    browser = await launchExtension();
    await seedMorningBook(browser);
    // The tab the user came from: not LinkedIn.
    await serve(browser.context, 'https://example.com/**', '<title>Elsewhere</title><h1>Elsewhere</h1>');
    const other = await browser.context.newPage();
    await other.goto('https://example.com/');
    const popup = await morningPopup(browser, 'People to ask: Customers');
    await expectMorningOrder(popup, {
      today: 'Today',
      thanks: 'Thank-yous owed',
      followUps: 'Follow-ups due',
      gap: 'Quota gap',
      plan: 'The plan in numbers',
      onThisPage: 'On this page',
      customers: 'People to ask: Customers',
    });
    await expect(popup.getByRole('list', { name: 'Thank-yous owed' }).getByRole('listitem').count()).resolves.toBe(2);
    await expect(popup.getByRole('list', { name: 'Follow-ups due' }).getByRole('listitem').count()).resolves.toBe(2);
    // Counts read as sentences, never "2 of 9".
    const asks = (await popup.getByTestId('asks-today').textContent()) ?? '';
    expect(asks).toMatch(/^2 asks sent — the plan was \d+$/);
    const steps = await popup.locator('[data-testid^="step-"] .who').allTextContents();
    expect(steps).toHaveLength(3);
    for (const step of steps)
      expect(step).toMatch(/^(Customers|Stalled deals|Networks): \d+ asks? sent — the plan was \d+$/);
    expect((await popup.locator('main').innerText()).match(/\b\d+ of \d+\b/g)).toBeNull();
    await popup.close();
    await other.close();
  });

  it('in German: the same order within 600 px, counts as German sentences with plural forms', async () => {
    browser = await launchExtension({ locale: 'de-DE' });
    await seedMorningBook(browser);
    const popup = await morningPopup(browser, 'Zu fragen: Kunden');
    await expectMorningOrder(popup, {
      today: 'Heute',
      thanks: 'Ausstehende Dankeschöns',
      followUps: 'Fällige Nachfassaktionen',
      gap: 'Quotenlücke',
      plan: 'Der Plan in Zahlen',
      onThisPage: 'Auf dieser Seite',
      customers: 'Zu fragen: Kunden',
    });
    await expect(popup.getByTestId('asks-today').textContent()).resolves.toMatch(
      /^2 Anfragen gesendet – geplant waren \d+$/,
    );
    const steps = await popup.locator('[data-testid^="step-"] .who').allTextContents();
    for (const step of steps)
      expect(step).toMatch(/^[^:]+: (1 Anfrage|\d+ Anfragen) gesendet – (geplant war 1|geplant waren \d+)$/);
    expect(steps.some((step) => step.includes('0 Anfragen gesendet'))).toBe(true);
    await popup.close();
  });

  it('shows "On this page" when the tab the user came from is a LinkedIn profile', async () => {
    browser = await launchExtension();
    await seedMorningBook(browser);
    await serve(browser.context, `${JORDAN_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).waitFor();
    await page.bringToFront();
    const popup = await morningPopup(browser, 'People to ask: Customers');
    const onPage = popup.getByRole('region', { name: 'On this page' });
    await onPage.getByText('Jordan Whitfield').waitFor();
    await expect(onPage.getByRole('button', { name: 'Ask for referral' }).count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });
});
