import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, extensionPage, type ExtensionBrowser } from './harness.ts';

/** The options page as the manifest registers it. */
export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    options_ui: { page: string };
  };
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(extensionPage(browser, manifest.options_ui.page));
  await page.getByRole('heading', { name: /^(Outreach log|Kontaktprotokoll)$/ }).waitFor();
  return page;
}

/**
 * Every store of the extension's database, each record list in key order, as one JSON string.
 * Outreach is listed whole: the records of the indexed store and those of the archive's buckets
 * (src/storage/archive-layout.ts), which is how the extension itself reads and exports them.
 */
export function dumpAll(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].sort();
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            // The archive's buckets only (keys 0–255), not the log's copies of them.
            const request = tx.objectStore(name).getAll(name === 'archive' ? IDBKeyRange.bound(0, 255) : undefined);
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            const buckets = (out.archive ?? []).filter((value): value is string => typeof value === 'string');
            delete out.archive;
            if (buckets.length) {
              const outreach = [...(out.outreach ?? []), ...buckets.flatMap((text) => JSON.parse(text) as unknown[])];
              const id = (record: unknown) => (record as { id: string }).id;
              out.outreach = outreach.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
            }
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

export function storeCounts(dump: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(JSON.parse(dump) as Record<string, unknown[]>).map(([k, v]) => [k, v.length]),
  );
}

/** The extension's alarms, read from an extension page. */
export function alarms(page: Page): Promise<unknown[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<unknown[]> } } }).chrome.alarms.getAll(),
  );
}

/** Store by store, the first difference between two dumps (undefined when identical). */
export function firstDifference(a: string, b: string): string | undefined {
  const left = JSON.parse(a) as Record<string, unknown[]>;
  const right = JSON.parse(b) as Record<string, unknown[]>;
  for (const store of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const l = left[store] ?? [];
    const r = right[store] ?? [];
    if (l.length !== r.length) return `${store}: ${l.length} records vs ${r.length}`;
    for (let i = 0; i < l.length; i++) {
      const x = JSON.stringify(l[i]);
      const y = JSON.stringify(r[i]);
      if (x !== y) return `${store}[${i}]: ${x} vs ${y}`;
    }
  }
  return undefined;
}

/** Everything in the extension's chrome.storage.local. */
export function localStorageItems(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { get(): Promise<Record<string, unknown>> } } } }
    ).chrome.storage.local.get(),
  );
}
