import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, type ExtensionBrowser } from './harness.ts';
import { completeFirstRun } from './popup-steps.ts';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('popup', () => {
  it('asks for the quota on first run and explains what is wrong with bad input', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('heading', { name: 'Set your quota' }).waitFor();
    await popup.getByLabel('Quota target').fill('lots');
    await popup.getByRole('button', { name: 'Start closing the gap' }).click();
    await popup.getByText('Enter your target as a positive amount, e.g. 120,000.').waitFor();
    await expect(popup.getByLabel('Quota target').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(popup.getByText('Enter your average deal size as a positive amount.').isVisible()).resolves.toBe(true);
    // Nothing was saved: a reload shows the form again.
    await popup.reload();
    await popup.getByRole('heading', { name: 'Set your quota' }).waitFor();
    await popup.close();
  });

  it('shows the gap, the working days left and the pace once the quota is set', async () => {
    const popup = await openPopup(browser);
    await completeFirstRun(popup, { target: '100,000', closed: '40000', averageDealSize: '10000', name: 'Sam' });
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$60,000');
    const daysLeft = Number(await popup.getByTestId('days-left').textContent());
    expect(daysLeft).toBeGreaterThanOrEqual(0);
    // 60,000 over the working days left, in playbook order: 5 customer asks (10% of 10,000 =
    // 1,000 each), 5 stalled-deal revivals (1,200 each), then network asks (500 each).
    const perDay = daysLeft > 0 ? 60_000 / daysLeft : 0;
    const customers = Math.min(5, Math.ceil(perDay / 1_000 - 1e-9));
    const stalled = Math.min(5, Math.max(0, Math.ceil((perDay - 5_000) / 1_200 - 1e-9)));
    const networks = Math.max(0, Math.ceil((perDay - 5_000 - 6_000) / 500 - 1e-9));
    const pace = await popup.getByTestId('asks-today').textContent();
    expect(pace).toBe(daysLeft > 0 ? `0 of ${customers + stalled + networks} asks` : '0 of — asks');
    await expect(popup.getByRole('progressbar', { name: '40% of target closed' }).count()).resolves.toBe(1);
    await popup.reload();
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$60,000');
    await popup.close();
  });
});
