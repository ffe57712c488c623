import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionOutreach } from '../../src/storage/archive-layout.ts';
import { archivedSoFar, makeDataset, seedDataset, type Dataset } from './dataset.ts';
import { extensionPage, launchExtension, openPopup, readStore, type ExtensionBrowser } from './harness.ts';
import { stopServiceWorker } from './service-worker.ts';

/**
 * The worker's archive move beside popups that open while it runs (src/storage/archive.ts
 * `stepAsideForPage`): each popup announces itself on the extension's page channel, the worker
 * stops the move in flight and moves that batch again later. In the real browser: the popups
 * render, every announcement is delivered, and every settled record ends in the archive once.
 */

let browser: ExtensionBrowser;
let data: Dataset;

beforeAll(async () => {
  browser = await launchExtension();
  data = makeDataset({ now: new Date(), contacts: 200, history: 4_000, today: 4, due: 3, thanksOwed: 2 });
  await seedDataset(browser, data);
}, 120_000);
afterAll(() => browser?.close());

describe('archive move beside popups', () => {
  it('popups opened during the move render, are heard, and no record is lost or doubled', async () => {
    const { archived, recent } = partitionOutreach(data.outreach, Date.now());
    // A page of the extension listening on the same channel as the worker counts the announcements:
    // the private frame's page, which asks the worker nothing until given a session (a popup
    // would, just after its first paint, and wake the worker this test stops).
    const listener = await browser.context.newPage();
    await listener.goto(extensionPage(browser, 'src/frame/index.html'));
    await listener.evaluate(() => {
      const channel = new BroadcastChannel('gap-closer:pages');
      (window as unknown as { heard: number }).heard = 0;
      channel.onmessage = () => (window as unknown as { heard: number }).heard++;
      (window as unknown as { keep: BroadcastChannel }).keep = channel;
    });
    await stopServiceWorker(browser);
    // The next page wakes the worker, whose start-up housekeeping moves the settled records.
    const probe = await openPopup(browser);
    let opened = 0;
    let openedDuringMove = 0;
    const deadline = Date.now() + 60_000;
    for (let done = await archivedSoFar(probe); done < archived.length; done = await archivedSoFar(probe)) {
      if (Date.now() > deadline) throw new Error(`The worker archived ${done} of ${archived.length} records`);
      const popup = await openPopup(browser);
      opened++;
      await popup.getByTestId('gap').waitFor();
      if ((await archivedSoFar(probe)) < archived.length) openedDuringMove++;
      await popup.close();
    }
    expect(openedDuringMove).toBeGreaterThan(2);
    // The probe popup announced itself too.
    await expect.poll(() => listener.evaluate(() => (window as unknown as { heard: number }).heard)).toBe(opened + 1);
    const stored = await readStore<{ id: string }>(browser, 'outreach');
    expect(stored.map((record) => record.id).sort()).toEqual(recent.map((record) => record.id).sort());
    expect(await archivedSoFar(probe)).toBe(archived.length);
  }, 180_000);
});
