// Popup budgets (issues 5 and 13): first render, the named queue included, with 50,000 outreach
// records, 10,000 contacts and 2,000 deals in the real IndexedDB ≤ 150 ms, and ≤ 1.5× the same
// popup with an empty database (only today's and due records are read, through indexes, and the
// queue the worker stored, by key); pace computation over a year of history ≤ 5 ms; computing the
// named queue for that book ≤ 200 ms.
import { performance } from 'node:perf_hooks';
import { summariseOutreach } from '../../src/shared/contact-history.ts';
import { localDateOf, localDayBounds } from '../../src/shared/dates.ts';
import type { Deal } from '../../src/shared/deals.ts';
import { DEFAULT_CONVERSION, DEFAULT_PACE_SETTINGS } from '../../src/shared/defaults.ts';
import { computePace, tallyOutcomes } from '../../src/shared/pace.ts';
import { buildQueue, EMPTY_QUEUE_STATE } from '../../src/shared/queue.ts';
import { archiveSeeded, makeDataset, seedDataset, type Dataset } from '../../test/browser/dataset.ts';
import { makeDeals } from '../../test/browser/deals-dataset.ts';
import type { Page } from 'playwright-core';
import { launchExtension, openPopup, type ExtensionBrowser } from '../../test/browser/harness.ts';
import { budgetRow, type BenchRow } from './row.ts';
import { median } from './stats.ts';

const RUNS = 21;
const OUTREACH = 50_000;
const CONTACTS = 10_000;
const DEALS = 2_000;

interface Render {
  /** From the popup module's start (its scripts loaded) to the first data render in the DOM. */
  fromModule: number;
  /** The same, to the end of the frame that painted it. */
  painted: number;
  /** From navigation start to the render: includes the browser creating the page and loading the scripts. */
  fromNavigation: number;
}

/** One popup's first data render (its performance marks). */
export async function firstRender(browser: ExtensionBrowser, queueLines = false): Promise<Render> {
  const popup = await openPopup(browser);
  const marks = await popup.waitForFunction(
    () => {
      // No named inner functions here: tsx would wrap them in a helper the page does not have.
      const [start, rendered, painted] = ['start', 'rendered', 'painted'].map(
        (name) => performance.getEntriesByName(`gap-closer:popup-${name}`)[0] as PerformanceMark | undefined,
      );
      return start !== undefined && rendered !== undefined && painted !== undefined
        ? {
            start: start.startTime,
            rendered: rendered.startTime,
            painted: painted.startTime,
            queueLines: (rendered.detail as { queueLines?: number } | null)?.queueLines ?? 0,
          }
        : undefined;
    },
    undefined,
    { timeout: 20_000 },
  );
  const {
    rendered,
    start,
    painted,
    queueLines: linesRendered,
  } = (await marks.jsonValue()) as {
    rendered: number;
    start: number;
    painted: number;
    queueLines: number;
  };
  // The gap is on screen when the mark is set.
  if ((await popup.getByTestId('gap').count()) !== 1) throw new Error('The popup rendered without the gap');
  // The named queue is part of that first render, not of a later one.
  if (queueLines && linesRendered === 0) throw new Error('The popup rendered without the named queue');
  await popup.close();
  return { fromModule: rendered - start, painted: painted - start, fromNavigation: rendered };
}

/** Writes the deals into the `deals` store (when this build has one). */
async function seedDeals(browser: ExtensionBrowser, deals: readonly Deal[]): Promise<boolean> {
  const page = await openPopup(browser);
  try {
    return await page.evaluate(
      (rows) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('gap-closer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('deals')) {
              db.close();
              resolve(false);
              return;
            }
            const tx = db.transaction('deals', 'readwrite');
            for (const row of rows) tx.objectStore('deals').put(row);
            tx.oncomplete = () => {
              db.close();
              resolve(true);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      deals as Deal[],
    );
  } finally {
    await page.close();
  }
}

/** The settings row `key` as an extension page reads it. */
function settingsRow<T>(page: Page, key: string): Promise<T | undefined> {
  return page.evaluate(
    (rowKey) =>
      new Promise<T | undefined>((resolve) => {
        const open = indexedDB.open('gap-closer');
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get(rowKey);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { value?: T } | undefined)?.value);
          };
        };
      }),
    key,
  );
}

async function seededBrowser(
  data: Dataset,
  deals: readonly Deal[],
): Promise<{ browser: ExtensionBrowser; dealsSeeded: boolean }> {
  const browser = await launchExtension();
  await seedDataset(browser, data);
  // A build without the deals store is measured without them, and the row says so.
  const dealsSeeded = deals.length > 0 && (await seedDeals(browser, deals));
  const seededAt = Date.now();
  // As on any day after the first: settled records archived by the worker (storage v4).
  await archiveSeeded(browser, data, { recountHistory: true });
  // One visit lets the worker count the conversion history once and compute the named queue for
  // the seeded book, as after any first use (or import).
  const warm = await openPopup(browser);
  await warm.getByRole('heading', { name: 'Quota gap' }).waitFor();
  // As a page does after an import: the worker recomputes the named queue.
  await warm.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'reminders.refresh', payload: {} }),
  );
  for (let waited = 0; ; waited += 250) {
    const [history, queue] = await Promise.all([
      settingsRow(warm, 'history'),
      settingsRow<{ computedAt: number }>(warm, 'queueAll'),
    ]);
    if (history !== undefined && queue !== undefined && queue.computedAt >= seededAt) break;
    if (waited > 60_000) throw new Error('The worker did not count the history and compute the queue');
    await warm.waitForTimeout(250);
  }
  await warm.close();
  await firstRender(browser); // warms the browser's caches
  return { browser, dealsSeeded };
}

/**
 * The worker's whole recomputation after a change, as a page triggers it (`reminders.refresh`:
 * alarms, badge, then the named queue read from every store, computed and stored): reported.
 */
async function workerRecompute(browser: ExtensionBrowser): Promise<number[]> {
  const page = await openPopup(browser);
  const times: number[] = [];
  for (let run = 0; run < 5; run++)
    times.push(
      await page.evaluate(async () => {
        const start = performance.now();
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
        ).chrome.runtime;
        await runtime.sendMessage({ type: 'reminders.refresh', payload: {} });
        return performance.now() - start;
      }),
    );
  await page.close();
  return times;
}

/** The named queue for the book: the log folded per person, then every rule and ranking (in Node). */
function queueForTheBook(data: Dataset, deals: readonly Deal[], now: Date): { ms: number; times: number[] } {
  const today = localDateOf(now);
  const todayStart = localDayBounds(today).start;
  const compute = () =>
    buildQueue({
      now: now.getTime(),
      today,
      contacts: data.contacts,
      history: summariseOutreach(data.outreach, [], todayStart),
      thanksOwed: data.thanks,
      deals,
      state: EMPTY_QUEUE_STATE,
      plan: { planned: { customers: 5, stalled: 5, networks: 10 }, averageDealSize: 12_000, currency: 'USD' },
    });
  for (let i = 0; i < 3; i++) compute();
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    const start = performance.now();
    compute();
    times.push(performance.now() - start);
  }
  return { ms: median(times), times };
}

function timesOf(runs: number, work: () => unknown): number[] {
  for (let i = 0; i < 20; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * The pace over a year of history: from the raw records (tally + plan), and from stored counts
 * (plan). Measured before this area's browsers start: with Chromium's processes busy on the same
 * two cores, single runs doubled. The tally's floor is memory, not arithmetic: it reads two fields
 * of 50,000 records that lie between their 350-character texts, one cache miss each (the same
 * records copied side by side tally in about a third of the time; see docs/performance.md).
 */
function paceOverAYear(): { raw: number[]; counted: number; records: number } {
  const now = new Date();
  const data = makeDataset({
    now,
    contacts: CONTACTS,
    history: OUTREACH,
    today: 12,
    due: 8,
    thanksOwed: 5,
    texts: 'templates',
  });
  const open = data.outreach.filter((record) => record.status === 'awaiting');
  const history = tallyOutcomes(data.outreach);
  const pace = (tally: ReturnType<typeof tallyOutcomes>) =>
    computePace({
      quota: data.quota,
      today: localDateOf(now),
      wonInPeriod: { amount: 35_000, deals: 3 },
      asksToday: {},
      assumptions: DEFAULT_CONVERSION,
      history: tally,
      open,
      stepCapacity: DEFAULT_PACE_SETTINGS.stepCapacity,
      realisticAsksPerDay: DEFAULT_PACE_SETTINGS.realisticAsksPerDay,
    });
  return {
    raw: timesOf(51, () => pace(tallyOutcomes(data.outreach))),
    counted: median(timesOf(501, () => pace(history))),
    records: data.outreach.length,
  };
}

export async function measure(): Promise<BenchRow[]> {
  const now = new Date();
  const seeded = makeDataset({
    now,
    contacts: CONTACTS,
    history: OUTREACH - 25,
    today: 12,
    due: 8,
    thanksOwed: 5,
    texts: 'templates',
  });
  const empty: Dataset = { ...seeded, contacts: [], outreach: [], thanks: [] };
  const pace = paceOverAYear();
  const paceMs = median(pace.raw);
  const deals = makeDeals(seeded.contacts, DEALS, now);

  // Both browsers run side by side and take turns, so load on the machine falls on both alike.
  const { browser: seededPopup, dealsSeeded } = await seededBrowser(seeded, deals);
  const { browser: emptyPopup } = await seededBrowser(empty, []);
  const big = { times: [] as Render[] };
  const none = { times: [] as Render[] };
  for (let run = 0; run < RUNS; run++) {
    big.times.push(await firstRender(seededPopup, true));
    none.times.push(await firstRender(emptyPopup));
  }
  const recompute = await workerRecompute(seededPopup);
  await seededPopup.close();
  await emptyPopup.close();
  const queue = queueForTheBook(seeded, deals, now);

  const bigMs = median(big.times.map((time) => time.fromModule));
  const emptyMs = median(none.times.map((time) => time.fromModule));
  const bigPaint = median(big.times.map((time) => time.painted));
  const emptyPaint = median(none.times.map((time) => time.painted));
  const bigNav = median(big.times.map((time) => time.fromNavigation));
  const emptyNav = median(none.times.map((time) => time.fromNavigation));
  const ratio = bigMs / emptyMs;
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  const navRatio = bigNav / emptyNav;
  const spread = (values: number[]) => `min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}`;
  const book = `${seeded.outreach.length.toLocaleString('en')} outreach + ${CONTACTS.toLocaleString('en')} contacts`;
  const records = `${book}${dealsSeeded ? ` + ${DEALS.toLocaleString('en')} deals` : ' (no deals store in this build)'}, named queue included`;
  return [
    budgetRow(
      `Popup first render, ${records} (module start → data render in the DOM, median of ${RUNS})`,
      `${fmt(bigMs)} (${spread(big.times.map((time) => time.fromModule))}; painted ${fmt(bigPaint)})`,
      bigMs,
      { atMost: 150, label: '≤ 150 ms' },
    ),
    // The user waits from the click: the page's creation and its scripts' load count too.
    budgetRow(
      `Popup first render, ${records} (navigation start → data render in the DOM, median of ${RUNS})`,
      `${fmt(bigNav)} (${spread(big.times.map((time) => time.fromNavigation))})`,
      bigNav,
      { atMost: 150, label: '≤ 150 ms' },
    ),
    budgetRow(
      'Popup first render, seeded vs empty database (module start)',
      `${ratio.toFixed(2)}× (${fmt(bigMs)} vs ${fmt(emptyMs)}; painted ${fmt(bigPaint)} vs ${fmt(emptyPaint)})`,
      ratio,
      { atMost: 1.5, label: '≤ 1.5×' },
    ),
    budgetRow(
      'Popup first render, seeded vs empty database (navigation start)',
      `${navRatio.toFixed(2)}× (${fmt(bigNav)} vs ${fmt(emptyNav)})`,
      navRatio,
      { atMost: 1.5, label: '≤ 1.5×' },
    ),
    budgetRow(
      `Pace over a year of history, ${pace.records.toLocaleString('en')} records: tally + plan (median of 51)`,
      `${paceMs.toFixed(2)} ms (min ${Math.min(...pace.raw).toFixed(2)}, max ${Math.max(...pace.raw).toFixed(2)}; from the stored counts the popup uses: ${pace.counted.toFixed(3)} ms)`,
      paceMs,
      { atMost: 5, label: '≤ 5 ms' },
    ),
    budgetRow(
      `Named queue computed for ${book} + ${DEALS.toLocaleString('en')} deals: log folded per person, rules and ranking (median of 11)`,
      `${fmt(queue.ms)} (${spread(queue.times)})`,
      queue.ms,
      { atMost: 200, label: '≤ 200 ms' },
    ),
    budgetRow(
      `Worker recomputation after a change, ${records}: every store read, queue computed and stored (median of 5)`,
      `${fmt(median(recompute))} (${spread(recompute)})`,
      median(recompute),
      { above: 0, label: 'reported' },
    ),
  ];
}
