import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOptions } from './dashboard-steps.ts';
import {
  DIST,
  extensionPage,
  fixture,
  launchExtension,
  openPopup,
  readStore,
  serve,
  type ExtensionBrowser,
} from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';
import { seed, type SeedContact } from './webmail-steps.ts';

/**
 * One person, one contact: Jordan met on LinkedIn and Jordan written to from Gmail are two records
 * until the user confirms the suggestion in options Contacts; then one contact carries both
 * histories, and the over-asking warning on LinkedIn counts the asks made by email too.
 */

interface StoredContact {
  id: string;
  fullName: string;
  email?: string;
  linkedinUrl?: string;
  company?: string;
  relationship?: string;
}
interface StoredOutreach {
  contactId: string;
  channel: string;
}

const JORDAN_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';
const GMAIL = 'https://mail.google.com/mail/u/0/chips';
const JORDAN_EMAIL = 'jordan.whitfield@morgan-mbeki.example';

describe('English: LinkedIn, then Gmail, then one contact', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtension();
    await serve(browser.context, `${JORDAN_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
    await serve(browser.context, `${GMAIL}**`, fixture('hand-made/gmail/compose-chips.html'));
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const popup = await openPopup(browser);
    await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights' });
    await popup.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function askOnLinkedin(): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    return page;
  }

  it('merges the two Jordans on confirmation: both histories, the relationship, and the warning counts both', async () => {
    // On LinkedIn: a customer, asked for a referral.
    const linkedin = await askOnLinkedin();
    const dialog = privateFrame(linkedin).getByRole('dialog', { name: 'Ask Jordan for a referral' });
    await dialog.getByRole('combobox', { name: 'Relationship' }).selectOption('customer');
    await dialog.getByText('Saved: Customer.').waitFor();
    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Copied/);
    // Sent in LinkedIn's message box: the user says so, and the ask counts.
    await dialog.getByRole('button', { name: 'Sent', exact: true }).click();
    await dialog.getByText('Counted as sent.').waitFor();
    await linkedin.close();

    // In Gmail: the same person by address, which the book does not know yet.
    const gmail = await browser.context.newPage();
    await gmail.goto(GMAIL);
    await gmail.locator('div[g_editable="true"]').click();
    await gmail.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(gmail)
      .getByRole('menu', { name: 'Templates for Jordan Whitfield' })
      .getByRole('menuitem', { name: 'Favour or introduction ask' })
      .click();
    await expect
      .poll(() => gmail.getByRole('status').first().textContent())
      .toMatch(/for Jordan Whitfield\. It counts as sent when you send it/);
    // The user's own Send: the email counts, and Jordan from Gmail is in the book.
    await gmail.getByRole('button', { name: /^Send/ }).first().click();
    await expect.poll(async () => (await readStore(browser, 'outreach')).length).toBe(2);
    await gmail.close();
    const before = await readStore<StoredContact>(browser, 'contacts');
    expect(before.map((contact) => contact.fullName)).toEqual(['Jordan Whitfield', 'Jordan Whitfield']);

    // Options, Contacts: the suggestion, confirmed.
    const options = await openOptions(browser);
    const section = options.getByRole('region', { name: 'Same person?' });
    const suggestions = section.getByRole('list', { name: 'Possible duplicates' });
    await expect.poll(() => suggestions.getByRole('listitem').count()).toBe(1);
    await expect(suggestions.getByRole('listitem').textContent()).resolves.toContain(
      'the same name, and the email address is at their company',
    );
    await suggestions
      .getByRole('button', {
        name: /^Merge Jordan Whitfield \((Morgan Mbeki|jordan\.whitfield@morgan-mbeki\.example)\) and Jordan Whitfield/,
      })
      .click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toMatch(
        /^Merged Jordan Whitfield \(jordan\.whitfield@morgan-mbeki\.example\) into Jordan Whitfield: one contact/,
      );
    await section.getByText('No contacts look like the same person.').waitFor();

    const contacts = await readStore<StoredContact>(browser, 'contacts');
    expect(contacts).toHaveLength(1);
    const [jordan] = contacts;
    expect(jordan).toMatchObject({
      fullName: 'Jordan Whitfield',
      company: 'Morgan Mbeki',
      relationship: 'customer',
      email: JORDAN_EMAIL,
      linkedinUrl: JORDAN_URL,
    });
    const outreach = await readStore<StoredOutreach>(browser, 'outreach');
    expect(outreach.map((record) => [record.contactId, record.channel]).sort()).toEqual([
      [jordan?.id, 'email'],
      [jordan?.id, 'linkedin-message'],
    ]);
    // The contact's timeline in options shows both.
    await options.getByRole('button', { name: 'Open Jordan Whitfield' }).click();
    const timeline = options.getByRole('list', { name: 'Timeline with Jordan Whitfield' });
    await expect(timeline.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/Email/),
      expect.stringMatching(/LinkedIn message/),
    ]);

    // Back on LinkedIn: the warning counts the email too (two asks in 30 days).
    const again = await askOnLinkedin();
    await privateFrame(again)
      .getByRole('dialog', { name: 'Ask Jordan for a referral' })
      .getByText('You asked them 2 times in the last 30 days: give them a break.')
      .waitFor();
    await again.close();

    // Undo: two contacts again, each with its own history, and the pair is not suggested again.
    await options.reload();
    await options.getByRole('heading', { name: 'Outreach log' }).waitFor();
    await options.getByText('Merged contacts (1)').click();
    await options
      .getByRole('button', {
        name: 'Undo merge of Jordan Whitfield (jordan.whitfield@morgan-mbeki.example) into Jordan Whitfield',
      })
      .click();
    await expect
      .poll(() => options.getByRole('region', { name: 'Same person?' }).getByRole('status').textContent())
      .toMatch(
        /^Merge undone: Jordan Whitfield \(jordan\.whitfield@morgan-mbeki\.example\) is a contact of their own again\./,
      );
    const split = await readStore<StoredContact>(browser, 'contacts');
    expect(split).toHaveLength(2);
    const emailOnly = split.find((contact) => !contact.linkedinUrl);
    expect(emailOnly).toMatchObject({ email: JORDAN_EMAIL });
    expect((await readStore<StoredOutreach>(browser, 'outreach')).find((r) => r.channel === 'email')?.contactId).toBe(
      emailOnly?.id,
    );
    await options.reload();
    await options
      .getByRole('region', { name: 'Same person?' })
      .getByText('No contacts look like the same person.')
      .waitFor();
    await options.close();
  });
});

describe('German: the suggestion merged or kept apart, remembered', () => {
  let browser: ExtensionBrowser;
  const now = Date.now();
  const person = (id: string, fields: Partial<SeedContact> & { linkedinUrl?: string }): SeedContact =>
    ({ id, firstName: 'Jürgen', fullName: 'Jürgen Müller', ...fields }) as SeedContact;

  beforeAll(async () => {
    browser = await launchExtension({ locale: 'de-DE' });
    await seed(browser, {
      contacts: [
        person('li-juergen', {
          company: 'Müller Maschinenbau GmbH',
          relationship: 'customer',
          linkedinUrl: 'https://www.linkedin.com/in/juergen-mueller/',
        } as Partial<SeedContact>),
        person('gm-juergen', { fullName: 'Juergen Mueller', email: 'j.mueller@mueller-maschinenbau.example' }),
        person('li-anna', {
          fullName: 'Anna Schmidt',
          firstName: 'Anna',
          linkedinUrl: 'https://www.linkedin.com/in/anna-schmidt/',
        } as Partial<SeedContact>),
        person('gm-anna', { fullName: 'Schmidt, Anna', firstName: 'Anna', email: 'anna.schmidt@web.example' }),
      ],
      outreach: [
        ['o-li', 'li-juergen', 'linkedin-message', now - 3 * 86_400_000],
        ['o-gm', 'gm-juergen', 'email', now - 86_400_000],
      ].map(([id, contactId, channel, createdAt]) => ({
        id,
        idempotencyKey: id,
        contactId,
        contactName: 'Jürgen Müller',
        kind: 'referral-ask',
        channel,
        text: 'Hallo',
        createdAt,
        status: 'awaiting',
      })),
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function germanOptions(): Promise<Page> {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
      options_ui: { page: string };
    };
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(extensionPage(browser, manifest.options_ui.page));
    await page.getByRole('heading', { name: 'Kontaktprotokoll' }).waitFor();
    return page;
  }

  it('merges Jürgen Müller and Juergen Mueller; Anna is kept apart and not suggested again', async () => {
    const page = await germanOptions();
    const section = page.getByRole('region', { name: 'Dieselbe Person?' });
    const suggestions = section.getByRole('list', { name: 'Mögliche Dubletten' });
    await expect.poll(() => suggestions.getByRole('listitem').count()).toBe(2);

    await suggestions
      .getByRole('button', { name: /^Anna Schmidt .* und Schmidt, Anna .* sind nicht dieselbe Person$/ })
      .click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toMatch(/^Getrennt gelassen: Anna Schmidt .* und Schmidt, Anna .* werden nicht mehr vorgeschlagen\./);

    await suggestions
      .getByRole('button', {
        name: /^Jürgen Müller \(Müller Maschinenbau GmbH\) und Juergen Mueller .* zusammenführen$/,
      })
      .click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toMatch(/^Juergen Mueller \(j\.mueller@mueller-maschinenbau\.example\) mit Jürgen Müller zusammengeführt/);
    await section.getByText('Keine Kontakte sehen nach derselben Person aus.').waitFor();

    const contacts = await readStore<StoredContact>(browser, 'contacts');
    expect(contacts.map((contact) => contact.id).sort()).toEqual(['gm-anna', 'li-anna', 'li-juergen']);
    expect(contacts.find((contact) => contact.id === 'li-juergen')).toMatchObject({
      fullName: 'Jürgen Müller',
      relationship: 'customer',
      email: 'j.mueller@mueller-maschinenbau.example',
    });
    await page.getByRole('button', { name: 'Jürgen Müller öffnen' }).click();
    await expect(
      page.getByRole('list', { name: 'Verlauf mit Jürgen Müller' }).getByRole('listitem').count(),
    ).resolves.toBe(2);

    // The refusal is remembered across a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Kontaktprotokoll' }).waitFor();
    await page
      .getByRole('region', { name: 'Dieselbe Person?' })
      .getByText('Keine Kontakte sehen nach derselben Person aus.')
      .waitFor();
    await page.getByText('Zusammengeführte Kontakte (1)').waitFor();
    await page.close();
  });
});
