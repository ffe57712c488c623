import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.resolve(ROOT, process.env.GAP_CLOSER_DIST ?? 'dist');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every URL any page or the extension requested, for "no request to LinkedIn" checks. */
  requests: string[];
  close: () => Promise<void>;
}

export function fixture(relativePath: string): string {
  return readFileSync(path.join(FIXTURES, relativePath), 'utf8');
}

/** Debian's Chromium, headless, with these unpacked extensions loaded and nothing else. */
export function launchOptions(extensionDirs: readonly string[]) {
  const dirs = extensionDirs.join(',');
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${dirs}`,
      `--load-extension=${dirs}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

/** Chromium with dist/ loaded, in a throwaway profile (or `userDataDir` to relaunch one). */
export async function launchExtension(
  options: {
    userDataDir?: string;
    /** e.g. 'de-DE': the browser's UI language, which browser.i18n follows. */ locale?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'gap-closer-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...launchOptions([DIST]),
    // browser.i18n follows Chromium's UI language, which on Linux comes from LANGUAGE (and needs
    // Debian's chromium-l10n); `locale` sets the pages' language and Intl defaults.
    ...(options.locale && {
      locale: options.locale,
      env: { ...process.env, LANGUAGE: options.locale.split('-')[0] ?? options.locale },
    }),
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Nothing here may reach the network: unknown requests fail fast instead of hanging.
  await context.route(/^https?:\/\//, (route) => route.abort('internetdisconnected'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    requests,
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves `html` for every URL matching `pattern` (routes added later take precedence). */
export async function serve(context: BrowserContext, pattern: string | RegExp, html: string): Promise<void> {
  await context.route(pattern, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

export function extensionPage(browser: ExtensionBrowser, pagePath: string): string {
  return `chrome-extension://${browser.extensionId}/${pagePath}`;
}

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
  };
  const page = await browser.context.newPage();
  await page.goto(extensionPage(browser, manifest.action.default_popup));
  return page;
}

/** Runs a function against the extension's IndexedDB, inside an extension page. */
export async function readStore<T>(browser: ExtensionBrowser, store: string): Promise<T[]> {
  const page = await openPopup(browser);
  try {
    return await page.evaluate(
      (storeName) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('gap-closer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(storeName).objectStore(storeName).getAll();
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result as T[]);
            };
            request.onerror = () => reject(request.error);
          };
        }),
      store,
    );
  } finally {
    await page.close();
  }
}

/**
 * Writes rows into the extension's IndexedDB from an extension page (one transaction), then
 * tells the worker the data changed, as a page does after an import: it recomputes the queue.
 */
export async function writeStoresAndRefresh(
  target: ExtensionBrowser,
  stores: Record<string, unknown[]>,
): Promise<void> {
  const page = await openPopup(target);
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') !== 'true');
  await page.evaluate(
    (rowsByStore) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(Object.keys(rowsByStore), 'readwrite');
          for (const [store, rows] of Object.entries(rowsByStore))
            for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'reminders.refresh', payload: {} }),
  );
  await page.close();
}
