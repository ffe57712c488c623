// Dashboard budgets (issue 6), on the built extension in Chromium with 50,000 outreach records
// and 5,000 contacts in the real IndexedDB: the options page's log interactive ≤ 500 ms (from
// navigation start to the log's first render with every record loaded, filterable and
// scrollable); JSON export and JSON import of those 50,000 records ≤ 3 s each (into an empty
// database ≤ 2 s), through the page's own buttons (export: click → the file handed to the browser; import: file chosen → preview of
// what changes, plus "Replace my data" → everything written in one transaction). The book is
// seeded, then the worker's start-up housekeeping archives its settled records (as a user's
// book stands on any day after the first): that one-time move ≤ 30 s.
import { readFileSync } from 'node:fs';
import { archivedSoFar, archiveSeeded, makeDataset, seedDataset } from '../../test/browser/dataset.ts';
import { openOptions } from '../../test/browser/dashboard-steps.ts';
import { launchExtension, openPopup, type ExtensionBrowser } from '../../test/browser/harness.ts';
import { firstRender } from './popup.ts';
import { budgetRow, type BenchRow } from './row.ts';
import { median } from './stats.ts';

const OUTREACH = 50_000;
const CONTACTS = 5_000;
const RUNS = 5;
const IMPORT_RUNS = 3;
const SETTLE_MS = 3_000;
/** The restore's marks in src/options/dashboard/Data.tsx, in the order they are made. */
const MARKS = ['chosen', 'previewed', 'started', 'done'];

/**
 * Popup first renders (module start → data render), one a second, while the worker's archive move runs: only
 * those during which the archive grew count, so a move that had not started or had ended
 * measures nothing. Fewer than three such renders fail the row rather than pass it empty.
 */
async function popupWhileMoving(browser: ExtensionBrowser, done: () => boolean): Promise<number[]> {
  const probe = await openPopup(browser);
  const during: number[] = [];
  try {
    while (!done()) {
      const before = await archivedSoFar(probe);
      const render = await firstRender(browser);
      if ((await archivedSoFar(probe)) > before) during.push(render.fromModule);
      // Once a second, as a user might glance at it: not a load test of the worker.
      await probe.waitForTimeout(1000);
    }
  } finally {
    await probe.close();
  }
  if (during.length < 3) throw new Error(`only ${during.length} popup renders fell inside the archive move`);
  return during;
}

export async function measure(): Promise<BenchRow[]> {
  const browser = await launchExtension();
  try {
    const data = makeDataset({
      now: new Date(),
      contacts: CONTACTS,
      history: OUTREACH - 20,
      today: 10,
      due: 5,
      thanksOwed: 5,
      texts: 'templates',
    });
    await seedDataset(browser, data);
    // As a user's book stands after the worker's start-up housekeeping: settled records archived.
    // The popup is opened again and again while the worker moves them, to see it not slowed.
    const archiveStart = Date.now();
    let moved = false;
    const moving = archiveSeeded(browser, data).then(() => {
      moved = true;
    });
    const duringMove = await popupWhileMoving(browser, () => moved);
    await moving;
    const archiveMs = Date.now() - archiveStart;
    const afterMove: number[] = [];
    for (let run = 0; run < RUNS; run++) afterMove.push((await firstRender(browser)).fromModule);
    const total = data.outreach.length;

    // Navigation start → the log's first rows with the total count (first mark), and → every
    // record read, filters and analytics rendered (second mark).
    const firstRows: number[] = [];
    const interactive: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const page = await openOptions(browser);
      const marks = await page.waitForFunction(
        () => {
          const first = performance.getEntriesByName('gap-closer:dashboard-rendered')[0]?.startTime;
          const complete = performance.getEntriesByName('gap-closer:dashboard-complete')[0]?.startTime;
          return first !== undefined && complete !== undefined ? [first, complete] : undefined;
        },
        undefined,
        { timeout: 60_000 },
      );
      const [first, complete] = (await marks.jsonValue()) as [number, number];
      const count = await page.getByTestId('log-count').textContent();
      if (count !== `${total.toLocaleString('en')} of ${total.toLocaleString('en')} records`)
        throw new Error(`The log showed "${count}"`);
      if (run > 0) {
        // the first run warms the caches
        firstRows.push(first);
        interactive.push(complete);
      }
      await page.close();
    }

    // A filter over all records: typing a search until the count shows the result.
    const page = await openOptions(browser);
    await page
      .getByTestId('log-count')
      .getByText(`${total.toLocaleString('en')} of`)
      .waitFor({ timeout: 30_000 });
    const filterStart = Date.now();
    await page.getByRole('search', { name: 'Filter the outreach log' }).getByLabel('Search').fill('Zara');
    await page.waitForFunction(
      (all) => !document.querySelector('[data-testid=log-count]')?.textContent?.startsWith(`${all} of`),
      total.toLocaleString('en'),
    );
    const filterMs = Date.now() - filterStart;

    // JSON export through the button.
    const exportStart = Date.now();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download full backup' }).click();
    const download = await downloading;
    const exportMs = Date.now() - exportStart;
    const filePath = await download.path();
    const file = readFileSync(filePath);

    // JSON import: choose the file → preview; confirm → restored. Over the same data (nothing
    // differs), then — the worst case — into an empty database after delete-all, every record
    // written. The downloaded file itself is chosen by path, as a user picks it from disk.
    // Timed by the page's own marks (src/options/dashboard/Data.tsx), as the Connections import is:
    // from the input's change event to the frame that paints the preview, and from the click to the
    // frame that paints the result. The driver's view (its clock around `waitFor`) is printed beside
    // them: it polls every 500 ms once it has waited 270 ms, so it adds up to half a second.
    const importOnce = async (label: string): Promise<[number, number]> => {
      // Each import starts 3 s after the step before it, as a user who reads its result would: back
      // to back, the first import into the emptied database also paid for the delete-all's
      // aftermath (the worker's recount, the log's reload): 1.8–2.6 s, against 1.2–1.4 s for five of
      // the other six (docs/performance.md).
      await page.waitForTimeout(SETTLE_MS);
      await page.evaluate(
        (names) => names.forEach((name) => performance.clearMarks(`gap-closer:restore-${name}`)),
        MARKS,
      );
      const start = Date.now();
      await page.getByLabel('Restore from a backup file').setInputFiles(filePath);
      await page.getByRole('button', { name: 'Replace my data with this backup' }).waitFor({ timeout: 30_000 });
      const driverPreview = Date.now() - start;
      const writeStart = Date.now();
      await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
      await page.getByText(/^Restored [\d,]+ records from /).waitFor({ timeout: 180_000 });
      const driverWrite = Date.now() - writeStart;
      await page.waitForFunction(() => performance.getEntriesByName('gap-closer:restore-done').length > 0);
      const [chosen = NaN, previewed = NaN, started = NaN, done = NaN] = await page.evaluate(
        (names) => names.map((name) => performance.getEntriesByName(`gap-closer:restore-${name}`)[0]?.startTime ?? NaN),
        MARKS,
      );
      const [preview, write] = [previewed - chosen, done - started];
      if (!(preview > 0 && write > 0)) throw new Error(`the restore's marks are missing (${label})`);
      console.log(
        `  ${label}: preview ${Math.round(preview)} ms + write ${Math.round(write)} ms (the driver's clock: ${driverPreview} + ${driverWrite} ms)`,
      );
      return [preview, write];
    };
    const over: [number, number][] = [];
    const empty: [number, number][] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) over.push(await importOnce(`import over the same data ${run + 1}`));
    for (let run = 0; run < IMPORT_RUNS; run++) {
      await page.getByRole('button', { name: 'Delete all my data…' }).click();
      await page.getByLabel('Type DELETE to confirm').fill('DELETE');
      await page.getByRole('button', { name: 'Delete everything' }).click();
      await page.getByText('0 of 0 records').waitFor({ timeout: 60_000 });
      empty.push(await importOnce(`import into an empty database ${run + 1}`));
    }
    await page.close();

    const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
    const mb = (file.length / 1_048_576).toFixed(1);
    /** The run with the median total, as "total (preview + write)". */
    const medianRun = (runs: [number, number][]) =>
      [...runs].sort((x, y) => x[0] + x[1] - (y[0] + y[1]))[Math.floor(runs.length / 2)] as [number, number];
    const [previewMs, writeMs] = medianRun(over);
    const [emptyPreviewMs, emptyWriteMs] = medianRun(empty);
    const importMs = previewMs + writeMs;
    const emptyMs = emptyPreviewMs + emptyWriteMs;
    const spread = (runs: [number, number][]) => `max ${ms(Math.max(...runs.map(([p, w]) => p + w)))}`;
    const logMs = median(interactive);
    const firstMs = median(firstRows);
    return [
      budgetRow(
        `Options log: newest rows and the total on screen, ${total.toLocaleString('en')} outreach (median of ${RUNS})`,
        `${ms(firstMs)} (min ${ms(Math.min(...firstRows))}, max ${ms(Math.max(...firstRows))})`,
        firstMs,
        { atMost: 500, label: '≤ 500 ms' },
      ),
      budgetRow(
        `Options log fully interactive (every record read: search, filters, sort), ${total.toLocaleString('en')} outreach + ${CONTACTS.toLocaleString('en')} contacts (median of ${RUNS})`,
        `${ms(logMs)} (min ${ms(Math.min(...interactive))}, max ${ms(Math.max(...interactive))})`,
        logMs,
        { atMost: 500, label: '≤ 500 ms' },
      ),
      // No budget of the issue bounds the search; the row fails only if nothing was measured.
      budgetRow(
        `Log search over ${total.toLocaleString('en')} records (typing → count updated)`,
        ms(filterMs),
        filterMs,
        {
          above: 0,
          label: 'reported (> 0 ms measured)',
        },
      ),
      budgetRow(
        `JSON export of ${total.toLocaleString('en')} outreach + ${CONTACTS.toLocaleString('en')} contacts (${mb} MB file)`,
        ms(exportMs),
        exportMs,
        { atMost: 3000, label: '≤ 3 s' },
      ),
      budgetRow(
        `JSON import of the same file over the same data (read + validate + preview, then restore: nothing differs, nothing written; median of ${IMPORT_RUNS})`,
        `${ms(importMs)} (${ms(previewMs)} + ${ms(writeMs)}; ${spread(over)})`,
        importMs,
        { atMost: 3000, label: '≤ 3 s' },
      ),
      budgetRow(
        `JSON import of the same file into an empty database (after delete-all: every record written in one transaction; median of ${IMPORT_RUNS})`,
        `${ms(emptyMs)} (${ms(emptyPreviewMs)} + ${ms(emptyWriteMs)}; ${spread(empty)})`,
        emptyMs,
        { atMost: 2000, label: '≤ 2 s' },
      ),
      budgetRow(
        `Popup first render while the worker moves the book into the archive (module start → data render, median of the ${duringMove.length} renders the move advanced during)`,
        `${ms(median(duringMove))} (max ${ms(Math.max(...duringMove))}; after the move ${ms(median(afterMove))}, median of ${RUNS})`,
        median(duringMove),
        { atMost: 150, label: '≤ 150 ms' },
      ),
      budgetRow(
        `One-time move of the seeded book (${total.toLocaleString('en')} outreach) into the archive by the worker`,
        ms(archiveMs),
        archiveMs,
        { atMost: 30_000, label: '≤ 30 s' },
      ),
    ];
  } finally {
    await browser.close();
  }
}
