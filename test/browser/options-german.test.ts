import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDataset, seedDataset, type Dataset } from './dataset.ts';
import { DIST, extensionPage, launchExtension, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;
let data: Dataset;

beforeAll(async () => {
  browser = await launchExtension({ locale: 'de-DE' });
  // Over a thousand records, so that the count shows German digit grouping (1.234).
  data = makeDataset({ now: new Date(), contacts: 40, history: 1200, today: 2, due: 2, thanksOwed: 1 });
  await seedDataset(browser, data);
});
afterAll(async () => {
  await browser.close();
});

async function openGermanOptions(): Promise<Page> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    options_ui: { page: string };
  };
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(extensionPage(browser, manifest.options_ui.page));
  await page.getByRole('heading', { name: 'Kontaktprotokoll' }).waitFor();
  return page;
}

describe('options page in German', () => {
  it('shows German navigation, headings, filters and a German-formatted record count', async () => {
    const page = await openGermanOptions();
    // Chromium's own UI language (browser.i18n), German from LANGUAGE=de and chromium-l10n.
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de-DE');
    await expect(page.title()).resolves.toBe('Gap Closer – Einstellungen und Nachverfolgung');
    const nav = page.getByRole('navigation', { name: 'Abschnitte' });
    for (const name of [
      'Dankesnachrichten und Nachfassen',
      'Bericht für die Führungskraft',
      'Kontaktprotokoll',
      'Kontakte',
      'Vorlagen',
      'Auswertung',
      'Rückblick',
      'Ihre Daten',
      'Einstellungen',
    ])
      await expect(nav.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Fällige Nachfassaktionen' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Bericht für die Führungskraft' }).count()).resolves.toBe(1);

    const total = data.outreach.length;
    expect(total).toBeGreaterThan(1000);
    const german = new Intl.NumberFormat('de-DE').format(total);
    expect(german).toContain('.');
    const count = page.getByTestId('log-count');
    await expect.poll(() => count.textContent()).toBe(`${german} von ${german} Einträgen`);

    const filters = page.getByRole('search', { name: 'Kontaktprotokoll filtern' });
    await expect(filters.getByRole('button', { name: 'Filter zurücksetzen' }).count()).resolves.toBe(1);
    await expect(filters.getByLabel('Sortierung').locator('option:checked').textContent()).resolves.toBe(
      'Neueste zuerst',
    );

    const contacts = page.locator('#contacts');
    await expect(contacts.getByRole('heading', { name: 'Kontakte', level: 2 }).count()).resolves.toBe(1);
    const people = new Intl.NumberFormat('de-DE').format(data.contacts.length);
    await expect
      .poll(() => contacts.getByRole('status').first().textContent())
      .toBe(`${people} von ${people} Kontakten`);
    const contact = data.contacts[3];
    await contacts.getByLabel('Kontakte durchsuchen').fill(contact?.fullName ?? '');
    await contacts.getByRole('button', { name: `${contact?.fullName ?? ''} öffnen` }).click();
    await contacts.getByRole('table', { name: /^Goodwill-Bilanz mit / }).waitFor();
    await contacts.getByRole('heading', { name: 'Verlauf' }).waitFor();

    const analytics = page.locator('#analytics');
    await analytics.getByRole('heading', { name: 'Auswertung', level: 2 }).waitFor();
    await analytics.getByLabel('Zeitraum').selectOption('365');
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    from.setDate(from.getDate() - 364);
    const yearAsks = data.outreach.filter(
      (r) => r.kind !== 'follow-up' && r.kind !== 'thank-you' && r.createdAt >= from.getTime(),
    ).length;
    await expect
      .poll(() => analytics.getByText(/^Alle Anfragen: /).textContent())
      .toMatch(
        new RegExp(`^Alle Anfragen: ${new Intl.NumberFormat('de-DE').format(yearAsks).replace('.', '\\.')} angefragt`),
      );
    await expect(analytics.getByRole('table', { name: 'Trichter nach Art' }).count()).resolves.toBe(1);
    await expect(analytics.getByRole('img', { name: /^Anfragen pro Tag vom / }).count()).resolves.toBe(1);

    const templates = page.locator('#templates');
    await templates.getByRole('heading', { name: 'Vorlagen', level: 2 }).waitFor();
    await templates.getByRole('button', { name: 'Neue Vorlage' }).click();
    await templates.getByRole('heading', { name: 'Neue Vorlage', level: 3 }).waitFor();
    await expect(templates.getByRole('group', { name: 'Platzhalter einfügen' }).count()).resolves.toBe(1);
    await templates.getByRole('button', { name: 'Schließen' }).click();

    const you = page.locator('#you');
    await you.getByRole('heading', { name: 'Ihr Profil und die Schaltflächen auf Webseiten' }).waitFor();
    await expect(you.getByRole('button', { name: 'Angaben speichern' }).count()).resolves.toBe(1);
    await page.close();
  });
});
