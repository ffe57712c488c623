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
    // The popup's "today" is the browser's local date; everything below is derived from it.
    const [year, month, day] = await popup.evaluate(() => {
      const now = new Date();
      return [now.getFullYear(), now.getMonth() + 1, now.getDate()] as const;
    });
    const iso = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    // The form offers the last day of this month (day 0 of the next month).
    await expect(popup.getByLabel('Period ends').inputValue()).resolves.toBe(iso(new Date(year, month, 0)));

    // A period that leaves exactly four working days (Monday to Friday, today included if it is one).
    const end = new Date(year, month - 1, day);
    for (let weekdays = 0; ; end.setDate(end.getDate() + 1)) {
      if (end.getDay() !== 0 && end.getDay() !== 6) weekdays++;
      if (weekdays === 4) break;
    }
    await completeFirstRun(popup, {
      target: '100,000',
      closed: '40000',
      averageDealSize: '10000',
      periodEnd: iso(end),
      name: 'Sam',
      // Weekdays only: no public holiday may take one of the four (1 January at quarter-end).
      country: '',
    });
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$60,000');
    await expect(popup.getByTestId('days-left').textContent()).resolves.toBe('4');
    // $60,000 over 4 days is $15,000 a day. With the 60-day sales cycle first run offers, nothing
    // asked today closes within a week: a referral or network ask takes ~60 days, an upsell ~20, a
    // stalled deal ~30. Asks are sized at their whole value, all of it seeding the next period: 5
    // stalled revivals and 5 upsells (each step's cap), then networks at $500 an ask (5% of
    // $10,000) for the $15,000 not closed in time: 30; and the popup says they cannot close it.
    await expect(popup.getByTestId('asks-today').textContent()).resolves.toBe('0 asks sent — the plan was 40');
    await expect(popup.getByTestId('short-today').textContent()).resolves.toMatch(
      /^New asks cannot close about \$15,000 a day before the deadline/,
    );
    await expect(popup.getByRole('progressbar', { name: '40% of target closed' }).count()).resolves.toBe(1);
    await popup.reload();
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$60,000');
    await expect(popup.getByTestId('days-left').textContent()).resolves.toBe('4');
    await popup.close();
  });
});
