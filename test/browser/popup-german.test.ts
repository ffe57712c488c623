import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, extensionPage, launchExtension, readStore, type ExtensionBrowser } from './harness.ts';

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
    await popup.getByText('Geben Sie Ihr Ziel als positiven Betrag ein, z. B. 120.000.').waitFor();
    await expect(popup.getByRole('textbox', { name: 'Quotenziel' }).getAttribute('aria-invalid')).resolves.toBe('true');
    // Amounts as Germans write them: a point groups thousands (plain digits are fine too).
    await popup.getByRole('textbox', { name: 'Quotenziel' }).fill('100.000');
    await popup.getByRole('textbox', { name: 'Bisher abgeschlossen' }).fill('40000');
    await expect(popup.getByLabel('Zeitraum endet').count()).resolves.toBe(1);
    // An English-written amount is refused with how to write it, not read as 10.5 or 105.
    await popup.getByRole('textbox', { name: 'Durchschnittliche Abschlussgröße' }).fill('10,000.5');
    await popup.getByRole('button', { name: 'Lücke jetzt schließen' }).click();
    await popup
      .getByText(
        'Geben Sie Ihre durchschnittliche Abschlussgröße als positiven Betrag ein. Schreiben Sie Zahlen wie 1.234,5 oder 1234,5.',
      )
      .waitFor();
    await popup.getByRole('textbox', { name: 'Durchschnittliche Abschlussgröße' }).fill('10.000,50');
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

  it('saves a German-written target (120.000) and conversion (7,5) and shows them back in German', async () => {
    const popup = await openGermanPopup();
    await popup.getByRole('button', { name: 'Einstellungen' }).click();
    await popup.getByRole('heading', { name: 'Quote und Tempo' }).waitFor();
    const target = popup.getByRole('textbox', { name: 'Quotenziel' });
    const referral = popup
      .getByRole('group', { name: /^Conversion-Annahmen/ })
      // The stalled-deal step always shows its own kind's rate (near a deadline the customer step
      // may show an upsell's instead of the referral's).
      .getByRole('textbox', { name: 'Wiederbelebung eines Deals' });
    // The stored quota comes back as Germans write it, so saving it again changes nothing.
    await expect(target.inputValue()).resolves.toBe('100.000');
    await expect(popup.getByRole('textbox', { name: 'Durchschnittliche Abschlussgröße' }).inputValue()).resolves.toBe(
      '10.000,5',
    );
    await expect(referral.inputValue()).resolves.toBe('12');

    // "7.5" is not a German number: refused, with the German way to write it.
    await target.fill('120.000');
    await referral.fill('7.5');
    await popup.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await popup
      .getByText(
        'Geben Sie einen Prozentwert von 0 bis 100 ein, z. B. 7,5. Schreiben Sie Zahlen wie 1.234,5 oder 1234,5.',
      )
      .waitFor();
    await expect(referral.getAttribute('aria-invalid')).resolves.toBe('true');
    await referral.fill('7,5');
    // No public holidays for this test: on the pinned 31 December a German holiday would leave
    // no working day, and the plan (with its rates) would rightly not be shown.
    await popup.getByRole('combobox', { name: 'Land (für Feiertage)' }).selectOption('');
    await popup.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await popup.getByRole('status').getByText('Gespeichert.').waitFor();

    const stored = await readStore<{ key: string; value: Record<string, unknown> }>(browser, 'settings');
    expect(stored.find((row) => row.key === 'quota')?.value).toMatchObject({
      target: 120_000,
      closedBaseline: 40_000,
      averageDealSize: 10_000.5,
    });
    expect(stored.find((row) => row.key === 'settings')?.value).toMatchObject({
      conversion: expect.objectContaining({ 'stalled-revival': 0.075 }),
    });

    // The popup shows them in German: the gap with German grouping, the conversion as 7,5 %.
    await popup.getByRole('button', { name: 'Zurück' }).click();
    const amount = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
    await expect.poll(() => popup.getByTestId('gap').textContent()).toBe(amount.format(80_000));
    expect(amount.format(80_000)).toBe('80.000\u00a0$');
    const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 }).format(0.075);
    expect(percent).toBe('7,5\u00a0%');
    await expect(popup.locator('body').textContent()).resolves.toContain(percent);

    // Reopened, the form shows what was saved, written the German way.
    await popup.getByRole('button', { name: 'Einstellungen' }).click();
    await expect(target.inputValue()).resolves.toBe('120.000');
    await expect(referral.inputValue()).resolves.toBe('7,5');
    await popup.close();
  });
});
