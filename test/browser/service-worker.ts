import type { CDPSession, Worker } from 'playwright-core';
import { extensionPage, type ExtensionBrowser } from './harness.ts';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

async function workerTargets(cdp: CDPSession, extensionId: string): Promise<TargetInfo[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  return targetInfos.filter(
    (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`),
  );
}

/**
 * Stops the extension's service worker through CDP (Target.closeTarget), as Chrome does when it
 * idles out. Done when its target is gone. A restarted worker keeps its target id, so an open page
 * that messages the worker just after the stop (a popup does, after its first paint) reads as a
 * stop that never happened: callers close or wait out such pages first.
 */
export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const [target] = await workerTargets(cdp, browser.extensionId);
    if (!target) throw new Error('No service worker target to stop');
    const { success } = (await cdp.send('Target.closeTarget', { targetId: target.targetId })) as { success: boolean };
    if (!success) throw new Error('Chromium refused to stop the service worker');
    const stillThere = async () =>
      (await workerTargets(cdp, browser.extensionId)).some((info) => info.targetId === target.targetId);
    // A worker in the middle of a transaction on a loaded machine takes seconds to go.
    const deadline = Date.now() + 20_000;
    while ((await stillThere()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (await stillThere())
      throw new Error('The service worker did not stop within 20 s (or an open page woke it again at once)');
    await cdp.detach();
  } finally {
    await page.close();
  }
}

/** Whether the extension's service worker is running, asked of Chromium (not Playwright's cache). */
export async function serviceWorkerRunning(browser: ExtensionBrowser): Promise<boolean> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const running = (await workerTargets(cdp, browser.extensionId)).length > 0;
    await cdp.detach();
    return running;
  } finally {
    await page.close();
  }
}

/** Wakes the worker with a message from an extension page; returns the new worker and the reply. */
export async function wakeServiceWorker(browser: ExtensionBrowser): Promise<{ worker: Worker; reply: unknown }> {
  const page = await browser.context.newPage();
  try {
    await page.goto(extensionPage(browser, 'src/options/index.html'));
    const reply = await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'reminders.refresh', payload: {} }),
    );
    // Playwright keeps one Worker handle per registration: it evaluates in the restarted worker.
    const worker =
      browser.context.serviceWorkers().find((candidate) => candidate.url().includes(browser.extensionId)) ??
      (await browser.context.waitForEvent('serviceworker', { timeout: 15_000 }));
    browser.worker = worker;
    return { worker, reply };
  } finally {
    await page.close();
  }
}
