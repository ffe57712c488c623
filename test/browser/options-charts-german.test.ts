import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACE_SETTINGS } from '../../src/shared/defaults.ts';
import { DIST, extensionPage, launchExtension, openPopup, type ExtensionBrowser } from './harness.ts';

/**
 * The analytics chart in a German Chromium: uPlot draws its axes on a canvas, so the test records
 * what the page draws (fillText) and reads the accessible description and table beside it.
 */

let browser: ExtensionBrowser;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  browser = await launchExtension({ locale: 'de-DE' });
  // One ask a day on some of the last 30 days and a realistic pace of 1 a day: the y-axis runs
  // from 0 to 1.1, in fifths, so its labels need a decimal mark.
  const now = Date.now();
  const outreach = [1, 2, 4, 7, 9, 12, 20].map((daysAgo) => ({
    id: `ask-${daysAgo}`,
    idempotencyKey: `ask-${daysAgo}-key`,
    contactId: 'contact-jana',
    contactName: 'Jana Becker',
    kind: 'referral-ask',
    channel: 'linkedin',
    text: 'Hallo Jana',
    createdAt: now - daysAgo * DAY_MS,
    status: 'awaiting',
  }));
  const page = await openPopup(browser);
  await page.waitForFunction(async () =>
    (await indexedDB.databases()).some((db) => db.name === 'gap-closer' && (db.version ?? 0) >= 2),
  );
  await page.evaluate(
    ({ outreach, pace }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['settings', 'contacts', 'outreach'], 'readwrite');
          tx.objectStore('settings').put({ key: 'pace', value: pace });
          tx.objectStore('contacts').put({
            id: 'contact-jana',
            fullName: 'Jana Becker',
            firstName: 'Jana',
            createdAt: Date.now(),
            updatedAt: Date.now(),
          });
          for (const record of outreach) tx.objectStore('outreach').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { outreach, pace: { ...DEFAULT_PACE_SETTINGS, realisticAsksPerDay: 1 } },
  );
  await page.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openOptions(): Promise<Page> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    options_ui: { page: string };
  };
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(extensionPage(browser, manifest.options_ui.page));
  await page.locator('#analytics').getByRole('heading', { name: 'Auswertung', level: 2 }).waitFor();
  return page;
}

/** Every text the page draws on a canvas from now on, in order. */
async function recordCanvasText(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const drawn: string[] = [];
    (window as unknown as { drawnText: string[] }).drawnText = drawn;
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: [number, number, number?]) {
      drawn.push(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
  return () => page.evaluate(() => [...(window as unknown as { drawnText: string[] }).drawnText]);
}

const GERMAN_MONTH = '(Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\\.?';
const ENGLISH_MONTH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;

describe('analytics chart in German', () => {
  it('draws German dates on the x-axis and German decimals on the y-axis', async () => {
    const page = await openOptions();
    const analytics = page.locator('#analytics');
    const drawn = await recordCanvasText(page);
    // Choosing the period draws the chart anew, now with the recorder in place.
    await analytics.getByLabel('Zeitraum').selectOption('30');
    await expect.poll(async () => (await drawn()).length).toBeGreaterThan(5);
    const texts = await drawn();

    const dayMonth = new RegExp(`^\\d{1,2}\\. ${GERMAN_MONTH}$`);
    const xLabels = texts.filter((text) => dayMonth.test(text));
    expect(xLabels.length, `drawn: ${JSON.stringify(texts)}`).toBeGreaterThanOrEqual(3);
    // No English month (German "Apr."/"Aug." only inside a German day label) and no uPlot default.
    expect(texts.some((text) => ENGLISH_MONTH.test(text) && !dayMonth.test(text))).toBe(false);
    expect(texts.filter((text) => /^\d+\/\d+$/.test(text))).toEqual([]); // uPlot's default "5/4"

    const yLabels = texts.filter((text) => /^\d+(,\d+)?$/.test(text));
    expect(yLabels, `drawn: ${JSON.stringify(texts)}`).toEqual(expect.arrayContaining(['0', '0,2', '0,4', '1']));
    expect(texts.filter((text) => /^\d+\.\d+$/.test(text))).toEqual([]); // no English decimal point
    // The axis title is the German one.
    expect(texts).toContain('Anfragen pro Tag');
    await page.close();
  });

  it('writes the chart description and its table with German dates', async () => {
    const page = await openOptions();
    const analytics = page.locator('#analytics');
    await analytics.getByLabel('Zeitraum').selectOption('30');
    const german = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' });
    const today = new Date();
    const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
    const chart = analytics.getByRole('img', {
      name: `Anfragen pro Tag vom ${german.format(from)} bis ${german.format(today)}: bisher 7 Anfragen, höchstens 1 an einem Tag; ein nötiges Tempo lässt sich nicht berechnen, realistisch sind 1 pro Tag.`,
    });
    await expect.poll(() => chart.count()).toBe(1);
    await analytics.getByText('Anfragen pro Tag als Tabelle').click();
    const rows = analytics.getByRole('table', { name: 'Anfragen pro Tag' }).getByRole('row');
    await expect(rows.count()).resolves.toBe(31);
    await expect(rows.nth(1).getByRole('rowheader').textContent()).resolves.toBe(german.format(from));
    await expect(rows.nth(30).getByRole('rowheader').textContent()).resolves.toBe(german.format(today));
    await page.close();
  });
});
