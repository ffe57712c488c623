// Popup budgets (issue 5): first render with 50,000 outreach records and 5,000 contacts in the
// real IndexedDB ≤ 150 ms, and ≤ 1.5× the same popup with an empty database (only today's and
// due records are read, through indexes); pace computation over a year of history ≤ 5 ms.
import { performance } from 'node:perf_hooks';
import { localDateOf } from '../../src/shared/dates.ts';
import { DEFAULT_CONVERSION, DEFAULT_PACE_SETTINGS } from '../../src/shared/defaults.ts';
import { computePace, tallyOutcomes } from '../../src/shared/pace.ts';
import { archiveSeeded, makeDataset, seedDataset, type Dataset } from '../../test/browser/dataset.ts';
import { launchExtension, openPopup, type ExtensionBrowser } from '../../test/browser/harness.ts';
import { budgetRow, type BenchRow } from './row.ts';
import { median } from './stats.ts';

const RUNS = 21;
const OUTREACH = 50_000;
const CONTACTS = 5_000;

interface Render {
  /** From the popup module's start (its scripts loaded) to the first data render in the DOM. */
  fromModule: number;
  /** The same, to the end of the frame that painted it. */
  painted: number;
  /** From navigation start to the render: includes the browser creating the page and loading the scripts. */
  fromNavigation: number;
}

/** One popup's first data render (its performance marks). */
async function firstRender(browser: ExtensionBrowser): Promise<Render> {
  const popup = await openPopup(browser);
  const marks = await popup.waitForFunction(
    () => {
      // No named inner functions here: tsx would wrap them in a helper the page does not have.
      const [start, rendered, painted] = ['start', 'rendered', 'painted'].map(
        (name) => performance.getEntriesByName(`gap-closer:popup-${name}`)[0]?.startTime,
      );
      return start !== undefined && rendered !== undefined && painted !== undefined
        ? { start, rendered, painted }
        : undefined;
    },
    undefined,
    { timeout: 20_000 },
  );
  const { rendered, start, painted } = (await marks.jsonValue()) as {
    rendered: number;
    start: number;
    painted: number;
  };
  // The gap is on screen when the mark is set.
  if ((await popup.getByTestId('gap').count()) !== 1) throw new Error('The popup rendered without the gap');
  await popup.close();
  return { fromModule: rendered - start, painted: painted - start, fromNavigation: rendered };
}

async function seededBrowser(data: Dataset): Promise<ExtensionBrowser> {
  const browser = await launchExtension();
  await seedDataset(browser, data);
  // As on any day after the first: settled records archived by the worker (storage v4).
  await archiveSeeded(browser, data, { recountHistory: true });
  // One visit lets the worker count the conversion history once, as after any first use.
  const warm = await openPopup(browser);
  await warm.getByRole('heading', { name: 'Quota gap' }).waitFor();
  const counted = () =>
    warm.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('gap-closer');
          open.onsuccess = () => {
            const get = open.result.transaction('settings').objectStore('settings').get('history');
            get.onsuccess = () => {
              open.result.close();
              resolve(get.result !== undefined);
            };
          };
        }),
    );
  for (let waited = 0; !(await counted()); waited += 250) {
    if (waited > 60_000) throw new Error('The worker did not count the conversion history');
    await warm.waitForTimeout(250);
  }
  await warm.close();
  await firstRender(browser); // warms the browser's caches
  return browser;
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

  // Both browsers run side by side and take turns, so load on the machine falls on both alike.
  const seededPopup = await seededBrowser(seeded);
  const emptyPopup = await seededBrowser(empty);
  const big = { times: [] as Render[] };
  const none = { times: [] as Render[] };
  for (let run = 0; run < RUNS; run++) {
    big.times.push(await firstRender(seededPopup));
    none.times.push(await firstRender(emptyPopup));
  }
  await seededPopup.close();
  await emptyPopup.close();

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
  const records = `${seeded.outreach.length.toLocaleString('en')} outreach + ${CONTACTS.toLocaleString('en')} contacts`;
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
  ];
}
