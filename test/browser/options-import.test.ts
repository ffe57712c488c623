import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpAll, openOptions } from './dashboard-steps.ts';
import { DIST, extensionPage, launchExtension, type ExtensionBrowser } from './harness.ts';

/**
 * Issue 13's import through the options page, in the real browser: every kind of file people
 * have (hand-made fixtures from the format facts), through the one "Import contacts or deals"
 * input; preview, import, the same file again changes nothing; deals listed and worked on.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hand-made/imports');

function fixture(name: string) {
  return { name, mimeType: 'text/csv', buffer: readFileSync(path.join(FIXTURES, name)) };
}

interface Stored {
  contacts: { fullName: string; relationship?: string; connectedOn?: string }[];
  deals: { id: string; name: string; state: string; amount?: number; impediment?: { kind: string; note?: string } }[];
}

async function stored(page: Page): Promise<Stored> {
  return JSON.parse(await dumpAll(page)) as Stored;
}

/** Chooses the file, checks the recognised format and the row count on the button, imports. */
async function importFile(page: Page, name: string, format: string, rows: number, summary: string) {
  await page.getByLabel('Import contacts or deals').setInputFiles(fixture(name));
  await page.getByText(`Recognised: ${format}.`).waitFor();
  const button = page.getByRole('button', { name: new RegExp(`^Import ${rows} rows?$`) });
  await button.waitFor();
  await button.click();
  const done = page.getByText(new RegExp(`^Imported ${name.replaceAll('.', '\\.')}: `));
  await done.waitFor();
  expect(await done.textContent()).toBe(`Imported ${name}: ${summary}.`);
}

describe('options page: importing the files people have (English)', () => {
  let browser: ExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchExtension();
    page = await openOptions(browser);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('LinkedIn Connections.csv: the preamble is skipped, the row with only a date left out with its reason', async () => {
    await page.getByLabel('Import contacts or deals').setInputFiles(fixture('linkedin-connections-2024.csv'));
    await page.getByText('Recognised: LinkedIn connections (Connections.csv).').waitFor();
    await page.getByText('3 lines before the header are not data and were skipped.', { exact: false }).waitFor();
    await page.getByText('4 rows ready to import. 1 row left out').waitFor();
    expect(await page.getByRole('list', { name: 'Rows left out' }).textContent()).toBe('Row 4: no name');
    const preview = page.getByRole('table', { name: 'Preview (first 5 rows)' });
    expect(await preview.getByRole('row').nth(2).textContent()).toBe(
      'Priya Ramanpriya.raman@example.comHarbor & Vine, Inc.https://www.linkedin.com/in/priya-raman-mba/',
    );
    // The column mapping is recognised, and the user can still correct it.
    expect(await page.getByLabel('Column “Position”').inputValue()).toBe('headline');
    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    await page.getByText('Imported linkedin-connections-2024.csv: 4 added, 0 changed.').waitFor();
    expect((await stored(page)).contacts.map((c) => [c.fullName, c.connectedOn])).toContainEqual([
      'Jordan Whitfield',
      '2023-03-14',
    ]);
  });

  it('the same file again changes nothing', async () => {
    const before = await dumpAll(page);
    await page.getByLabel('Import contacts or deals').setInputFiles(fixture('linkedin-connections-2024.csv'));
    const changes = page.getByRole('table', { name: 'What the import changes' });
    await expect.poll(() => changes.getByRole('row').nth(1).textContent()).toBe('Contacts004');
    await page.getByRole('button', { name: 'Import 4 rows' }).click();
    await page.getByText('Imported linkedin-connections-2024.csv: 0 added, 0 changed.').waitFor();
    expect(await dumpAll(page)).toBe(before);
  });

  it('Google (UTF-16LE), Outlook desktop (Windows-1252), Excel re-save (";") and HubSpot contacts', async () => {
    await importFile(
      page,
      'google-contacts-legacy-utf16.csv',
      'Google Contacts (older format)',
      2,
      '2 added, 0 changed',
    );
    await importFile(page, 'outlook-desktop.csv', 'Outlook contacts (desktop)', 2, '2 added, 0 changed');
    // Jürgen Müller and Renée Böhm are already in the book: matched by profile URL and email.
    await importFile(
      page,
      'linkedin-connections-excel-de.csv',
      'LinkedIn connections (Connections.csv)',
      2,
      '0 added, 2 changed',
    );
    // Jordan Whitfield at Northwind Logistics is the LinkedIn connection (name at company): changed, not added.
    await importFile(page, 'hubspot-contacts.csv', 'HubSpot contacts', 3, '2 added, 1 changed');
    const contacts = (await stored(page)).contacts;
    expect(contacts.find((c) => c.fullName === 'Renée Böhm')).toBeTruthy();
    expect(contacts.find((c) => c.fullName === 'Maya Ortiz')?.relationship).toBe('customer');
  });

  it('deals from HubSpot, Salesforce (footer and Grand Totals left out) and Pipedrive', async () => {
    await page.getByLabel('Import contacts or deals').setInputFiles(fixture('salesforce-opportunities.csv'));
    await page.getByText('Recognised: Salesforce opportunities report.').waitFor();
    await page.getByText('The report’s footer (5 lines) is not data and was skipped.', { exact: false }).waitFor();
    expect(await page.getByRole('list', { name: 'Rows left out' }).textContent()).toBe(
      'Row 4: the report’s total, not a deal',
    );
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported salesforce-opportunities.csv: 3 added, 0 changed.').waitFor();
    // Every person these deals name is in the book already: three deals, no new contact.
    await importFile(page, 'hubspot-deals-all-properties.csv', 'HubSpot deals', 3, '3 added, 0 changed');
    // Tomás Ferreira is in the book (Outlook, same email); Chris Abbott and Mei Tanaka are added.
    await importFile(page, 'pipedrive-deals.csv', 'Pipedrive deals', 3, '5 added, 0 changed');
    const deals = (await stored(page)).deals;
    expect(deals).toHaveLength(9);
    expect(deals.find((d) => d.id === 'hubspot:9004')?.amount).toBe(375000);
  });

  it('the Deals section lists them with filters; a stalled deal takes what was learned', async () => {
    await page.reload();
    const section = page.locator('#deals');
    await section.getByRole('heading', { name: 'Deals' }).waitFor();
    await expect.poll(() => section.getByRole('table').getByRole('row').count()).toBe(10);
    await section.getByLabel('Show').selectOption('won');
    await expect.poll(() => section.getByRole('table').getByRole('row').count()).toBe(4);
    await section.getByLabel('Show').selectOption('stalled');
    const row = section.getByRole('row', { name: /Ferreira Freight telematics/ });
    await row.getByRole('button', { name: 'Record what you learned' }).click();
    await row.getByLabel('What stands in the way').selectOption('decision-maker');
    await row.getByLabel('Note').fill('The owner’s son signs now');
    await row.getByLabel('Next step').fill('Meet Rui Ferreira');
    await row.getByRole('button', { name: 'Save what I learned' }).click();
    await expect
      .poll(async () => (await stored(page)).deals.find((d) => d.id === 'pipedrive:31')?.impediment)
      .toMatchObject({ kind: 'decision-maker', note: 'The owner’s son signs now' });
    await section.getByLabel('Search deals').fill('kestrel');
    await section.getByLabel('Show').selectOption('all');
    await expect.poll(() => section.getByRole('table').getByRole('row').count()).toBe(2);
  });
});

describe('options page: importing in German', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchExtension({ locale: 'de-DE' });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('Pipedrive deals with German headers, through the German labels', async () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
      options_ui: { page: string };
    };
    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, manifest.options_ui.page));
    await page.getByRole('heading', { name: 'Kontaktprotokoll' }).waitFor();
    await page.getByLabel('Kontakte oder Deals importieren').setInputFiles(fixture('pipedrive-deals-de.csv'));
    await page.getByText('Erkannt: Pipedrive-Deals.').waitFor();
    expect(await page.getByLabel('Spalte „Deal - Wert“').inputValue()).toBe('amount');
    await page.getByText('2 Zeilen bereit zum Import.').waitFor();
    const preview = page.getByRole('table', { name: 'Vorschau (erste 5 Zeilen)' });
    expect(await preview.getByRole('row').nth(2).textContent()).toBe(
      'Böhm & Söhne KassensystemBöhm & Söhne KG9.500\u00a0€Gewonnen20. Nov.Renée Böhm',
    );
    await page.getByRole('button', { name: '2 Zeilen importieren' }).click();
    // Two deals and their two contact persons.
    await page.getByText('pipedrive-deals-de.csv importiert: 4 hinzugefügt, 0 geändert.').waitFor();
    await page.reload();
    const section = page.locator('#deals');
    await section.getByRole('heading', { name: 'Deals' }).waitFor();
    await section.getByLabel('Anzeigen').selectOption('won');
    await expect
      .poll(() => section.getByRole('row', { name: /Böhm & Söhne Kassensystem/ }).textContent())
      .toContain('Gewonnen');
  });
});
