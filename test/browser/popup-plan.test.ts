import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openPopup, readStore, type ExtensionBrowser } from './harness.ts';

/**
 * First run with the country for public holidays and the sales cycle, and the popup's
 * deadline-aware plan, in English and German. Runs at every pinned clock (scripts/lib/clock.mjs):
 * what depends on the day is computed here from the stored holidays and the page's today.
 */

let browser: ExtensionBrowser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

interface Row<T> {
  key: string;
  value: T;
}

interface StoredQuota {
  country?: string;
  periodStart: string;
  periodEnd: string;
  holidays?: { country: string; from: string; to: string; days: { date: string; name: string }[] };
  workedHolidays?: string[];
}

async function stored<T>(key: string): Promise<T> {
  const rows = await readStore<Row<T>>(browser as ExtensionBrowser, 'settings');
  const row = rows.find((candidate) => candidate.key === key);
  if (!row) throw new Error(`no ${key} row was stored`);
  return row.value;
}

/** The page's local today. */
function todayIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
}

/** Monday–Friday from `from` to `to`, both included, minus `off` (a plain day-by-day count). */
function weekdaysBetween(from: string, to: string, off: ReadonlySet<string>): number {
  let count = 0;
  for (
    let day = new Date(`${from}T12:00:00Z`);
    day <= new Date(`${to}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    const date = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !off.has(date)) count++;
  }
  return count;
}

function offDays(quota: StoredQuota): Set<string> {
  const worked = new Set(quota.workedHolidays ?? []);
  return new Set((quota.holidays?.days ?? []).map((day) => day.date).filter((date) => !worked.has(date)));
}

/** The first 24 December on or after `date`. */
function christmasEveFrom(date: string): string {
  const year = Number(date.slice(0, 4));
  return `${date.slice(5) <= '12-24' ? year : year + 1}-12-24`;
}

async function setUp(popup: Page, words: Record<string, string>, cycle: { value: string; unit: string }) {
  await popup.getByRole('textbox', { name: words.target as string }).fill('240000');
  await popup.getByRole('textbox', { name: words.closed as string }).fill('130000');
  await popup.getByRole('radio', { name: words.quarter as string }).check();
  await popup.getByRole('textbox', { name: words.average as string }).fill('12000');
  await popup.getByRole('textbox', { name: words.cycle as string }).fill(cycle.value);
  await popup.getByRole('combobox', { name: words.cycleUnit as string }).selectOption(cycle.unit);
  await popup.getByRole('button', { name: words.start as string }).click();
  await popup.getByTestId('gap').waitFor();
}

describe('the deadline-aware plan in the popup', () => {
  it('English: the country defaults to the browser region, holidays leave the working days, the plan leads with what can still close', async () => {
    browser = await launchExtension({ locale: 'en-US' });
    const popup = await openPopup(browser);
    const country = popup.getByRole('combobox', { name: 'Country (for public holidays)' });
    await expect(country.inputValue()).resolves.toBe('US');
    // Labels come from Intl.DisplayNames in the UI language.
    await expect(country.locator('option[value="DE"]').textContent()).resolves.toBe('Germany');
    await setUp(
      popup,
      {
        target: 'Quota target',
        closed: 'Closed so far',
        quarter: 'This quarter',
        average: 'Average deal size',
        cycle: 'Sales cycle',
        cycleUnit: 'Sales cycle unit',
        start: 'Start closing the gap',
      },
      { value: '26', unit: 'weeks' },
    );

    const pace = await stored<{ salesCycleDays?: number }>('pace');
    expect(pace.salesCycleDays).toBe(182);
    const quota = await stored<StoredQuota>('quota');
    expect(quota.country).toBe('US');
    const eve = christmasEveFrom(quota.periodStart);
    const dates = (quota.holidays?.days ?? []).map((day) => day.date);
    expect(quota.holidays?.days.find((day) => day.date === `${eve.slice(0, 4)}-12-25`)?.name).toBe('Christmas Day');
    expect(dates).not.toContain('2026-12-24'); // not a holiday in the US (2027's is: 25 December is a Saturday)

    const today = await todayIn(popup);
    const from = today > quota.periodStart ? today : quota.periodStart;
    await expect(popup.getByTestId('days-left').textContent()).resolves.toBe(
      String(weekdaysBetween(from, quota.periodEnd, offDays(quota))),
    );
    await expect(popup.getByTestId('sales-cycle').textContent()).resolves.toBe('Sales cycle 182 days, as you set it.');

    const left = weekdaysBetween(from, quota.periodEnd, offDays(quota));
    if (left > 0) {
      // A quarter is always shorter than a 182-day cycle: stalled deals first, and why.
      await expect(popup.getByTestId('near-deadline').textContent()).resolves.toMatch(
        /^\d+ days to the deadline, less than your 182-day sales cycle: a new lead rarely closes in time, so stalled deals and upsells come first\.$/,
      );
      const steps = await popup
        .locator('[data-testid^="step-"]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
      expect(steps).toEqual(['step-stalled', 'step-customers', 'step-networks']);
      await expect(popup.getByTestId('rate-networks').textContent()).resolves.toContain('closes by the deadline');
    }

    // Open deals are counted by stage, inside the period or as seeds for the next one.
    await popup.evaluate(
      async ({ end }) => {
        const later = new Date(`${end}T12:00:00Z`);
        later.setUTCDate(later.getUTCDate() + 40);
        const now = Date.now();
        const deals = [
          { id: 'manual:a', name: 'Acme renewal', amount: 50_000, stage: 'Negotiation', closeDate: end },
          {
            id: 'manual:b',
            name: 'Globex',
            amount: 40_000,
            stage: 'Proposal',
            closeDate: later.toISOString().slice(0, 10),
          },
        ].map((deal) => ({
          ...deal,
          state: 'open',
          contactIds: [],
          source: 'manual',
          createdAt: now,
          updatedAt: now,
          lastActivityAt: now,
        }));
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gap-closer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('deals', 'readwrite');
            for (const deal of deals) tx.objectStore('deals').put(deal);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        });
      },
      { end: quota.periodEnd },
    );

    // Settings: the period's holidays listed; one still ahead on a weekday is worked; saving recounts the plan.
    const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
    const ahead = (quota.holidays?.days ?? []).find(
      (day) => day.date >= from && day.date <= quota.periodEnd && weekday(day.date),
    );
    await popup.getByRole('button', { name: 'Settings' }).click();
    if (ahead) {
      const box = popup.getByRole('checkbox', { name: `${ahead.name}, `, exact: false });
      await expect(box.isChecked()).resolves.toBe(true);
      await box.uncheck();
    }
    await popup.getByRole('button', { name: 'Save settings' }).click();
    await popup.getByRole('status').waitFor();
    const saved = await stored<StoredQuota>('quota');
    expect(saved.workedHolidays ?? []).toEqual(ahead ? [ahead.date] : []);
    if (ahead) expect(saved.holidays?.days.map((day) => day.date)).toContain(ahead.date);
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect(popup.getByTestId('days-left').textContent()).resolves.toBe(
      String(weekdaysBetween(from, quota.periodEnd, offDays(saved))),
    );
    if (ahead) expect(weekdaysBetween(from, quota.periodEnd, offDays(saved))).toBe(left + 1);
    await expect
      .poll(() => popup.getByTestId('coverage').textContent())
      .toMatch(
        /^Pipeline coverage 36.4%: open deals \$40,000 \(by stage\) and open asks \$0 \(at your conversion\) can close by .+, against a gap of \$110,000\.$/,
      );
    await expect(popup.getByTestId('seeds-next').textContent()).resolves.toMatch(
      /^\$24,000 more is expected to close after .+: it seeds the next period\.$/,
    );
  });

  it('German: Deutschland by default, 24 and 25 December are days off, the plan says why in German', async () => {
    browser = await launchExtension({ locale: 'de-DE' });
    const popup = await openPopup(browser);
    const country = popup.getByRole('combobox', { name: 'Land (für Feiertage)' });
    await expect(country.inputValue()).resolves.toBe('DE');
    await expect(country.locator('option[value="US"]').textContent()).resolves.toBe('Vereinigte Staaten');
    await setUp(
      popup,
      {
        target: 'Quotenziel',
        closed: 'Bisher abgeschlossen',
        quarter: 'Dieses Quartal',
        average: 'Durchschnittliche Abschlussgröße',
        cycle: 'Verkaufszyklus',
        cycleUnit: 'Einheit des Verkaufszyklus',
        start: 'Lücke jetzt schließen',
      },
      { value: '180', unit: 'days' },
    );
    const quota = await stored<StoredQuota>('quota');
    const eve = christmasEveFrom(quota.periodStart);
    const holidays = quota.holidays?.days ?? [];
    expect(holidays.find((day) => day.date === eve)?.name).toBe('Heiliger Abend');
    expect(holidays.map((day) => day.date)).toContain(`${eve.slice(0, 4)}-12-25`);

    const today = await todayIn(popup);
    const from = today > quota.periodStart ? today : quota.periodStart;
    const left = weekdaysBetween(from, quota.periodEnd, offDays(quota));
    await expect(popup.getByTestId('days-left').textContent()).resolves.toBe(String(left));
    await expect(popup.getByTestId('sales-cycle').textContent()).resolves.toBe(
      'Verkaufszyklus 180 Tage, wie von Ihnen angegeben.',
    );
    const ahead = holidays.filter((day) => day.date >= from && day.date <= quota.periodEnd);
    if (ahead.length > 0)
      await expect(popup.getByTestId('holidays').textContent()).resolves.toContain(ahead[0]?.name ?? '');
    if (left > 0) {
      await expect(popup.getByTestId('near-deadline').textContent()).resolves.toMatch(
        /^Noch \d+ Tage bis zur Frist, weniger als Ihr Verkaufszyklus von 180 Tagen: .*festgefahrene Deals und Upsells zuerst\.$/,
      );
      await expect(popup.locator('[data-testid^="step-"]').first().getAttribute('data-testid')).resolves.toBe(
        'step-stalled',
      );
    }
  });
});
