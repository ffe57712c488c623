import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openPopup, readStore, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

interface SettingsRowOf<T> {
  key: string;
  value: T;
}

async function stored<T>(key: string): Promise<T> {
  const rows = await readStore<SettingsRowOf<T>>(browser as ExtensionBrowser, 'settings');
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`no ${key} row was stored`);
  return row.value;
}

/** The last day of the calendar quarter containing the page's today, as the date field shows it. */
function quarterEndIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const lastMonth = Math.floor(now.getMonth() / 3) * 3 + 3;
    const end = new Date(now.getFullYear(), lastMonth, 0);
    return `${end.getFullYear()}-${String(end.getMonth() + 1).padStart(2, '0')}-${String(end.getDate()).padStart(2, '0')}`;
  });
}

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('first run, as people write amounts', () => {
  it('English: "$240k" is read, errors clear as soon as a value is right, a quarter and the product are kept', async () => {
    browser = await launchExtension();
    const popup = await openPopup(browser);
    const target = popup.getByRole('textbox', { name: 'Quota target' });
    await target.fill('lots');
    await popup.getByRole('button', { name: 'Start closing the gap' }).click();
    await expect(target.getAttribute('aria-invalid')).resolves.toBe('true');

    // Corrected: the error goes without another submit; the untouched field's error stays.
    await target.fill('$240k');
    await expect.poll(() => target.getAttribute('aria-invalid')).toBeNull();
    await expect(popup.getByText('Enter your target as a positive amount', { exact: false }).count()).resolves.toBe(0);
    await expect(popup.getByRole('textbox', { name: 'Average deal size' }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );

    // A currency the user chose wins over a sign typed later, and the conflict is named.
    await popup.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await popup.getByRole('textbox', { name: 'Closed so far' }).fill('$40k');
    await popup.getByRole('button', { name: 'Start closing the gap' }).click();
    await popup.getByText('This amount is in USD, but the currency is EUR: change one of them.').first().waitFor();
    await popup.getByRole('textbox', { name: 'Currency' }).fill('USD');
    await expect.poll(() => popup.getByText('This amount is in USD', { exact: false }).count()).toBe(0);

    await popup.getByRole('radio', { name: 'This quarter' }).check();
    await expect(popup.getByLabel('Period ends').inputValue()).resolves.toBe(await quarterEndIn(popup));
    await popup.getByRole('textbox', { name: 'Average deal size' }).fill('12k');
    await popup.getByRole('textbox', { name: 'What you sell' }).fill('payroll software');
    await popup.getByRole('button', { name: 'Start closing the gap' }).click();
    await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$200,000');

    const quota = await stored<{ periodKind: string; target: number; averageDealSize: number; periodEnd: string }>(
      'quota',
    );
    expect(quota).toMatchObject({ periodKind: 'quarter', target: 240_000, averageDealSize: 12_000 });
    expect(quota.periodEnd).toBe(await quarterEndIn(popup));
    const settings = await stored<{ me: { product: string } }>('settings');
    expect(settings.me.product).toBe('payroll software');
  });

  it('German: "1,2 Mio. €", "240 T€" and "12 Tsd." are read, and € sets the currency', async () => {
    browser = await launchExtension({ locale: 'de-DE' });
    const popup = await openPopup(browser);
    await popup.getByRole('textbox', { name: 'Quotenziel' }).fill('1,2 Mio. €');
    await expect(popup.getByRole('textbox', { name: 'Währung' }).inputValue()).resolves.toBe('EUR');
    await popup.getByRole('textbox', { name: 'Bisher abgeschlossen' }).fill('240 T€');
    await popup.getByRole('textbox', { name: 'Durchschnittliche Abschlussgröße' }).fill('12 Tsd.');
    await popup.getByRole('textbox', { name: 'Was Sie verkaufen' }).fill('Lohnabrechnung');
    await popup.getByRole('button', { name: 'Lücke jetzt schließen' }).click();
    await popup.getByTestId('gap').waitFor();
    expect(plain(await popup.getByTestId('gap').textContent())).toBe('960.000 €');
    const quota = await stored<{ periodKind: string; target: number; closedBaseline: number; currency: string }>(
      'quota',
    );
    expect(quota).toMatchObject({ periodKind: 'month', target: 1_200_000, closedBaseline: 240_000, currency: 'EUR' });
  });
});
