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
      'Ihre Daten',
      'Einstellungen',
    ])
      await expect(nav.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Fällige Nachfassaktionen' }).count()).resolves.toBe(1);
    // One brief: the nav's "Bericht für die Führungskraft" leads to it.
    await page
      .locator('#manager-brief')
      .getByRole('heading', { name: 'Rückblick und Bericht für die Führungskraft', level: 2 })
      .waitFor();

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

  it('words the retrospective and manager brief in German, with German numbers, dates and money', async () => {
    const page = await openGermanOptions();
    const brief = page.locator('#manager-brief');
    await brief.getByRole('heading', { name: 'Rückblick und Bericht für die Führungskraft', level: 2 }).waitFor();
    for (const title of [
      'Aktivität',
      'Umwandlungsrate',
      'Woher der abgeschlossene Umsatz kam',
      'Wochen ohne Akquise',
      'Nötiges und durchhaltbares Tempo',
    ])
      await expect(brief.getByRole('heading', { name: title, level: 3 }).count()).resolves.toBe(1);
    await expect(brief.getByRole('button', { name: 'Drucken oder als PDF speichern' }).count()).resolves.toBe(1);
    await expect(brief.getByRole('table', { name: 'Kennzahlen' }).count()).resolves.toBe(1);

    // The quota period's first day as German writes it in full, e.g. "1. Oktober 2026".
    const [y, m, d] = data.quota.periodStart.split('-').map(Number) as [number, number, number];
    const start = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long' }).format(new Date(y, m - 1, d));
    await expect(brief.getByText(`Der Zeitraum vom ${start} bis `).count()).resolves.toBe(1);
    await expect(
      brief
        .getByText(new RegExp(`^Vom ${start} bis .* habe ich an \\d+ Arbeitstagen [\\d.]+ Anfragen gestellt`))
        .count(),
    ).resolves.toBe(1);
    // German money: 95.000 $ (a no-break space before the sign).
    const money = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    await expect(
      brief
        .getByText(
          `Schon abgeschlossen, bevor ich mit dem Erfassen in diesem Werkzeug begann: ${money.format(95_000)}.`,
        )
        .count(),
    ).resolves.toBe(1);

    // Nothing English is left, and nothing is marked as English.
    const text = (await brief.textContent()) ?? '';
    for (const english of ['Activity', 'Conversion', 'Print', 'Key figures', ' asks', 'working day', ' the ', ' of '])
      expect(text, english).not.toContain(english);
    await expect(brief.locator('[lang="en"]').count()).resolves.toBe(0);
    await page.close();
  });

  it('words "Your data" in German: backup, restore errors, CSV import and the delete-all confirmation', async () => {
    const page = await openGermanOptions();
    const section = page.locator('#data');
    await section.getByRole('heading', { name: 'Ihre Daten', level: 2 }).waitFor();
    for (const name of [
      'Vollständige Sicherung herunterladen',
      'Kontaktaufnahmen als CSV herunterladen',
      'Kontakte als CSV herunterladen',
      'Alle meine Daten löschen …',
    ])
      await expect(section.getByRole('button', { name }).count()).resolves.toBe(1);

    await section.getByLabel('Aus einer Sicherungsdatei wiederherstellen').setInputFiles({
      name: 'kaputt.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "gap-closer-backup", '),
    });
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toBe('Diese Datei ist kein gültiges JSON (Zeile 1, Spalte 33). Es wurde nichts geändert.');

    const csv = ['Name,Email,Relationship', 'Ada Lovelace,ada@engines.test,customer', 'Grace Hopper,kein-mail,'].join(
      '\r\n',
    );
    await section
      .getByLabel('Kontakte oder Deals importieren')
      .setInputFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await section.getByRole('group', { name: 'Welche Spalte was enthält' }).waitFor();
    await expect(section.getByLabel('Spalte „Email“').locator('option:checked').textContent()).resolves.toBe('E-Mail');
    await section.getByText('1 Zeile bereit zum Import. 1 Zeile weggelassen').waitFor();
    await expect(section.getByRole('list', { name: 'Weggelassene Zeilen' }).textContent()).resolves.toBe(
      'Zeile 2: E-Mail: keine E-Mail-Adresse',
    );
    const preview = section.getByRole('table', { name: 'Vorschau (erste 5 Zeilen)' });
    await expect(preview.getByRole('row').nth(1).textContent()).resolves.toBe('Ada Lovelaceada@engines.testKunde');
    await expect(section.getByRole('button', { name: '1 Zeile importieren' }).count()).resolves.toBe(1);
    let text = (await section.textContent()) ?? '';
    await section.getByRole('button', { name: 'Import abbrechen' }).click();

    await section.getByRole('button', { name: 'Alle meine Daten löschen …' }).click();
    const confirm = section.getByRole('button', { name: 'Alles löschen' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    // The word to type is German, and the label says which.
    await section.getByLabel('Geben Sie zur Bestätigung LÖSCHEN ein').fill('DELETE');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await section.getByLabel('Geben Sie zur Bestätigung LÖSCHEN ein').fill('LÖSCHEN');
    await expect(confirm.isDisabled()).resolves.toBe(false);
    text += (await section.textContent()) ?? '';
    await section.getByRole('button', { name: 'Meine Daten behalten' }).click();

    // No English is left but the CRM column names the CSV files really use.
    const withoutCrmNames = text.replace(/\(First Name, Last Name, Email Address, Company Name, LinkedIn URL\)/, '');
    for (const english of [
      /Download/,
      /Restore/,
      /Import contacts/,
      /Delete/,
      /backup/,
      /\bcontacts?\b/,
      /\bColumn\b/,
      /\b[Rr]ows?\b/,
      / the /,
    ])
      expect(withoutCrmNames).not.toMatch(english);
    await expect(section.locator('[lang="en"]').count()).resolves.toBe(0);
    await page.close();
  });
});
