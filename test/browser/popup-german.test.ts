import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, extensionPage, launchExtension, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension({ locale: 'de-DE' });
});

afterAll(async () => {
  await browser?.close();
});

async function openGermanPopup(): Promise<Page> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
  };
  const page = await browser.context.newPage();
  await page.goto(extensionPage(browser, manifest.action.default_popup));
  return page;
}

describe('popup in a German browser', () => {
  it('asks for the quota in German and shows the gap with German number formatting', async () => {
    const popup = await openGermanPopup();
    await popup.getByRole('heading', { name: 'Quote festlegen' }).waitFor();
    await expect(popup.evaluate(() => navigator.language)).resolves.toBe('de-DE');
    // Chromium's own UI language (browser.i18n), German from LANGUAGE=de and chromium-l10n.
    await expect(popup.locator('html').getAttribute('lang')).resolves.toBe('de-DE');
    // An empty form is refused in German, field by field.
    await popup.getByRole('button', { name: 'Lücke jetzt schließen' }).click();
    await popup.getByText('Geben Sie Ihr Ziel als positiven Betrag ein, z. B. 120000.').waitFor();
    await expect(popup.getByRole('textbox', { name: 'Quotenziel' }).getAttribute('aria-invalid')).resolves.toBe('true');
    await popup.getByRole('textbox', { name: 'Quotenziel' }).fill('100000');
    await popup.getByRole('textbox', { name: 'Bisher abgeschlossen' }).fill('40000');
    await expect(popup.getByLabel('Zeitraum endet').count()).resolves.toBe(1);
    await popup.getByRole('textbox', { name: 'Durchschnittliche Abschlussgröße' }).fill('10000');
    await expect(popup.getByRole('textbox', { name: 'Währung' }).inputValue()).resolves.toBe('USD');
    await popup.getByRole('textbox', { name: 'Ihr Name' }).fill('Sam');
    await popup.getByRole('textbox', { name: 'Ihr Unternehmen' }).fill('Acme');
    await popup.getByRole('button', { name: 'Lücke jetzt schließen' }).click();

    await popup.getByRole('heading', { name: 'Quotenlücke' }).waitFor();
    const amount = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    expect(amount.format(60_000)).toBe('60.000\u00a0$');
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe(amount.format(60_000));
    await expect(popup.getByRole('progressbar', { name: '40 % des Ziels abgeschlossen' }).count()).resolves.toBe(1);
    await expect(popup.getByRole('heading', { name: 'Heute', exact: true }).count()).resolves.toBe(1);
    await expect(popup.getByRole('button', { name: 'Einstellungen' }).count()).resolves.toBe(1);
    await expect(
      popup.getByText(`${amount.format(40_000)} von ${amount.format(100_000)} abgeschlossen`).count(),
    ).resolves.toBe(1);
    await expect(popup.getByRole('heading', { name: 'Heutige Kontaktaufnahmen' }).count()).resolves.toBe(1);
    await expect(popup.getByRole('heading', { name: 'Ausstehende Dankeschöns' }).count()).resolves.toBe(1);
    // Reopened, the popup still speaks German and shows the same amount.
    await popup.reload();
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe(amount.format(60_000));
    await popup.close();
  });
});
