import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { periodContaining } from '../../src/shared/calendar.ts';
import { localDateOf } from '../../src/shared/dates.ts';
import { DEFAULT_CONVERSION } from '../../src/shared/defaults.ts';
import type { Contact, Outreach, ThankYou } from '../../src/shared/model.ts';
import { fixture, launchExtension, openPopup, serve, writeStoresAndRefresh, type ExtensionBrowser } from './harness.ts';

/**
 * The named queue in the popup: people by full name under each playbook step with the reason
 * beside each, the actions opening the right URLs, in English and German. The book is written
 * into the extension's IndexedDB; the worker computes and stores the queue when the popup asks.
 */

const DAY = 86_400_000;
let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

function person(id: string, fullName: string, fields: Partial<Contact> = {}): Contact {
  const now = Date.now();
  return {
    id,
    fullName,
    firstName: fullName.split(' ')[0] ?? '',
    linkedinUrl: `https://www.linkedin.com/in/${id}/`,
    createdAt: now - 300 * DAY,
    updatedAt: now - 300 * DAY,
    ...fields,
  };
}

function outreach(id: string, contact: Contact, at: number, fields: Partial<Outreach>): Outreach {
  return {
    id,
    idempotencyKey: `seed-${id}`,
    contactId: contact.id,
    contactName: contact.fullName,
    kind: 'favour-ask',
    channel: 'email',
    text: 'Hi',
    createdAt: at,
    status: 'resolved',
    ...fields,
  };
}

/** A small book: customers, a stalled prospect, networks, one owed a thank-you, one asked lately. */
function book() {
  const now = Date.now();
  const today = localDateOf(new Date());
  const quarter = periodContaining('quarter', today);
  const carla = person('carla-customer', 'Carla Customer', { relationship: 'customer' });
  const cody = person('cody-customer', 'Cody Customer', { relationship: 'customer' });
  const paul = person('paul-prospect', 'Paul Prospect', { relationship: 'stalled-prospect' });
  const nina = person('nina-network', 'Nina Network', { relationship: 'friend', email: 'nina@example.com' });
  const olaf = person('olaf-owed', 'Olaf Owed', { relationship: 'coworker' });
  const rita = person('rita-recent', 'Rita Recent', { relationship: 'friend' });
  // Carla's deal, revived and won in March: what she brought (she was never asked for a referral).
  const wonAt = new Date(2026, 2, 12).getTime();
  const records: Outreach[] = [
    outreach('o1', carla, wonAt - 5 * DAY, {
      kind: 'stalled-revival',
      outcome: 'won',
      wonAmount: 48_000,
      outcomeAt: wonAt,
    }),
    outreach('o2', paul, now - 60 * DAY, { kind: 'stalled-revival', outcome: 'no-reply', outcomeAt: now - 50 * DAY }),
    outreach('o3', olaf, now - 45 * DAY, { outcome: 'helped-intro', outcomeAt: now - 40 * DAY }),
    outreach('o4', rita, now - 10 * DAY, { outcome: 'no-reply', outcomeAt: now - 8 * DAY }),
  ];
  const thanks: ThankYou[] = [
    {
      id: 'thanks:o3',
      contactId: olaf.id,
      contactName: olaf.fullName,
      outreachId: 'o3',
      outcome: 'helped-intro',
      status: 'owed',
      owedSince: now - 40 * DAY,
    },
  ];
  const settings = [
    {
      key: 'quota',
      value: {
        periodKind: 'quarter',
        periodStart: quarter.start,
        periodEnd: quarter.end,
        target: 240_000,
        currency: 'USD',
        closedBaseline: 95_000,
        averageDealSize: 12_000,
      },
    },
    // Two customer asks and two stalled revivals a day: the networks take the rest of the day's value.
    {
      key: 'pace',
      value: {
        reminderHour: 9,
        realisticAsksPerDay: 25,
        stepCapacity: { customers: 2, stalled: 2 },
        followUpWorkingDays: 3,
      },
    },
    {
      key: 'settings',
      value: {
        me: { name: 'Robin Carter', company: 'Brightpath', product: 'Brightpath Forecasting', signature: '' },
        conversion: DEFAULT_CONVERSION,
      },
    },
  ];
  const stan = person('stan-stalled', 'Stan Stalled');
  // A deal from the CRM: open, no activity for 78 days.
  const deals = [
    {
      id: 'hubspot:501',
      name: 'Brightwater renewal',
      company: 'Brightwater Foods',
      amount: 36_000,
      currency: 'USD',
      state: 'open',
      lastActivityAt: now - 78 * DAY,
      contactIds: [stan.id],
      source: 'hubspot',
      createdAt: now - 200 * DAY,
      updatedAt: now - 78 * DAY,
    },
  ];
  return { contacts: [carla, cody, paul, nina, olaf, rita, stan], outreach: records, thanks, settings, deals };
}

async function seed(target: ExtensionBrowser): Promise<void> {
  await writeStoresAndRefresh(target, book() as unknown as Record<string, unknown[]>);
}

/** The popup once the worker has stored today's queue (the popup asks it after its first paint). */
async function popupWithQueue(target: ExtensionBrowser, listName: string): Promise<Page> {
  const popup = await openPopup(target);
  await popup
    .getByRole('list', { name: listName, exact: true })
    .getByRole('listitem')
    .first()
    .waitFor({ timeout: 15_000 });
  return popup;
}

function line(popup: Page, list: string, name: string) {
  return popup.getByRole('list', { name: list, exact: true }).getByRole('listitem').filter({ hasText: name });
}

describe('the named queue in the popup', () => {
  it('names the people to ask under each step, the reason beside each name', async () => {
    browser = await launchExtension();
    await seed(browser);
    const popup = await popupWithQueue(browser, 'People to ask: Customers');
    const today = popup.getByRole('region', { name: 'Today' });

    const customers = today.getByRole('list', { name: 'People to ask: Customers', exact: true }).getByRole('listitem');
    await expect(customers.allInnerTexts()).resolves.toHaveLength(2);
    // Ranked by what they brought: Carla first.
    await expect(customers.nth(0).locator('.queue-name').textContent()).resolves.toBe('Carla Customer');
    await expect(customers.nth(0).locator('.queue-reason').textContent()).resolves.toBe(
      'Won $48,000 in March 2026 · never asked for a referral',
    );
    await expect(customers.nth(1).locator('.queue-reason').textContent()).resolves.toBe(
      'Customer · never asked for a referral',
    );
    const stalled = today
      .getByRole('list', { name: 'People to ask: Stalled deals', exact: true })
      .getByRole('listitem');
    // The deal ranks by amount × days idle (36,000 × 78) above the prospect (one average deal × 60).
    await expect(stalled.locator('.queue-name').allTextContents()).resolves.toEqual(['Stan Stalled', 'Paul Prospect']);
    await expect(stalled.locator('.queue-reason').allTextContents()).resolves.toEqual([
      'Brightwater Foods · $36,000 · idle 78 days',
      'Stalled prospect · idle 60 days',
    ]);

    const networks = today.getByRole('list', { name: 'People to ask: Networks', exact: true });
    await expect(networks.locator('.queue-name').allTextContents()).resolves.toEqual(['Nina Network']);
    await expect(networks.locator('.queue-reason').textContent()).resolves.toBe('Friend · never contacted');
    // Owed a thank-you: offered as "thank first"; asked ten days ago: left out.
    await expect(
      today.getByRole('list', { name: 'Thank first: Networks', exact: true }).getByRole('listitem').textContent(),
    ).resolves.toBe('Olaf Owed Thank first · Helped: intro');
    await expect(today.getByText('Rita Recent').count()).resolves.toBe(0);
    // The named lines and their actions pass axe-core like the rest of the popup.
    const results = await new AxeBuilder({ page: popup }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('opens the profile and the webmail compose filled from the template; skip brings the next one', async () => {
    browser = await launchExtension();
    await seed(browser);
    await serve(browser.context, 'https://www.linkedin.com/in/**', fixture('linkedin/profile-2024-07-full.html'));
    await serve(browser.context, /^https:\/\/(mail\.google\.com|outlook\.office\.com)\//, '<title>Webmail</title>');
    const popup = await popupWithQueue(browser, 'People to ask: Customers');

    const opened = browser.context.waitForEvent('page');
    await line(popup, 'People to ask: Customers', 'Carla Customer')
      .getByRole('link', { name: 'Open profile: Carla Customer' })
      .click();
    const profile = await opened;
    await profile.waitForLoadState();
    expect(profile.url()).toBe('https://www.linkedin.com/in/carla-customer/');

    // Gmail (the default): the compose URL with the favour-ask email filled for Nina.
    const gmail = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Draft email: Nina Network' }).click();
    const gmailTab = await gmail;
    await gmailTab.waitForLoadState();
    const gmailUrl = new URL(gmailTab.url());
    expect(`${gmailUrl.origin}${gmailUrl.pathname}`).toBe('https://mail.google.com/mail/');
    expect(gmailUrl.searchParams.get('view')).toBe('cm');
    expect(gmailUrl.searchParams.get('fs')).toBe('1');
    expect(gmailUrl.searchParams.get('to')).toBe('nina@example.com');
    expect(gmailUrl.searchParams.get('su')).toBe('Could I ask your advice?');
    expect(gmailUrl.searchParams.get('body')).toMatch(/^Hi Nina,/);
    expect(gmailUrl.searchParams.get('body')).toContain('Robin Carter');

    // The user's choice of webmail is kept.
    await popup.getByRole('combobox', { name: 'Draft emails in' }).selectOption('outlook');
    await expect(popup.getByRole('combobox', { name: 'Draft emails in' }).inputValue()).resolves.toBe('outlook');
    const outlook = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Draft email: Nina Network' }).click();
    const outlookTab = await outlook;
    await outlookTab.waitForLoadState();
    const outlookUrl = new URL(outlookTab.url());
    expect(`${outlookUrl.origin}${outlookUrl.pathname}`).toBe('https://outlook.office.com/mail/deeplink/compose');
    expect(outlookUrl.searchParams.get('to')).toBe('nina@example.com');
    expect(outlookUrl.searchParams.get('subject')).toBe('Could I ask your advice?');

    // Skip today: Carla leaves the list; Cody moves up and nobody else is left to replace her.
    await popup.getByRole('button', { name: 'Skip today: Carla Customer' }).click();
    await line(popup, 'People to ask: Customers', 'Carla Customer').waitFor({ state: 'detached' });
    const customers = popup.getByRole('list', { name: 'People to ask: Customers', exact: true });
    await expect(customers.locator('.queue-name').allTextContents()).resolves.toEqual(['Cody Customer']);
    // Remembered: a new popup (after the worker recomputed) still leaves her out today.
    const again = await popupWithQueue(browser, 'People to ask: Customers');
    await expect(
      again
        .getByRole('list', { name: 'People to ask: Customers', exact: true })
        .locator('.queue-name')
        .allTextContents(),
    ).resolves.toEqual(['Cody Customer']);
  });

  it('ticks a line off when an ask to that person is logged', async () => {
    browser = await launchExtension();
    await seed(browser);
    const popup = await popupWithQueue(browser, 'People to ask: Customers');
    // The ask is logged as the LinkedIn profile's "Copy and log" logs it: a message to the worker.
    await popup.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        type: 'outreach.log',
        payload: {
          idempotencyKey: 'queue-tick-0001',
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text: 'Hi Cody, would you introduce me?',
          person: { fullName: 'Cody Customer', linkedinUrl: 'https://www.linkedin.com/in/cody-customer/' },
        },
      }),
    );
    const again = await openPopup(browser);
    const cody = line(again, 'People to ask: Customers', 'Cody Customer');
    await cody.getByLabel('Asked today').waitFor();
    await expect(cody.getAttribute('class')).resolves.toContain('done');
    // Ticked off: no actions on it any more; Carla's line still has hers.
    await expect(cody.getByRole('button').count()).resolves.toBe(0);
    await expect(
      line(again, 'People to ask: Customers', 'Carla Customer')
        .getByRole('button', { name: /^Skip today/ })
        .count(),
    ).resolves.toBe(1);
  });

  it('in German: the steps, reasons and actions in German', async () => {
    browser = await launchExtension({ locale: 'de-DE' });
    await seed(browser);
    const popup = await popupWithQueue(browser, 'Zu fragen: Kunden');
    const customers = popup.getByRole('list', { name: 'Zu fragen: Kunden', exact: true }).getByRole('listitem');
    await expect(customers.nth(0).locator('.queue-name').textContent()).resolves.toBe('Carla Customer');
    await expect(customers.nth(0).locator('.queue-reason').textContent()).resolves.toBe(
      '48.000\u00a0$ gewonnen im März 2026 · nie um Empfehlung gebeten',
    );
    const networks = popup.getByRole('list', { name: 'Zu fragen: Netzwerke', exact: true });
    await expect(networks.locator('.queue-reason').textContent()).resolves.toBe(
      'Freund / Freundin · noch nie kontaktiert',
    );
    await expect(popup.getByRole('button', { name: 'Heute überspringen: Nina Network' }).count()).resolves.toBe(1);
    await expect(popup.getByRole('link', { name: 'Profil öffnen: Nina Network' }).getAttribute('href')).resolves.toBe(
      'https://www.linkedin.com/in/nina-network/',
    );
  });
});
