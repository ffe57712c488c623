import type { Frame, Page } from 'playwright-core';
import { openPopup, type ExtensionBrowser } from './harness.ts';

export interface SeedContact {
  id: string;
  fullName: string;
  firstName: string;
  email?: string;
  company?: string;
  relationship?: string;
  notes?: string;
}

/**
 * Puts records into the extension's IndexedDB from an extension page, after the popup has
 * opened (and so created and migrated) the database: settings, contacts, outreach.
 */
export async function seed(
  browser: ExtensionBrowser,
  data: { me?: Record<string, string>; contacts?: SeedContact[]; outreach?: Record<string, unknown>[] },
): Promise<void> {
  const page = await openPopup(browser);
  try {
    await page.waitForFunction(async () =>
      (await indexedDB.databases()).some((db) => db.name === 'gap-closer' && (db.version ?? 0) >= 2),
    );
    await page.evaluate(
      ({ me, contacts, outreach }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gap-closer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['settings', 'contacts', 'outreach'], 'readwrite');
            if (me) tx.objectStore('settings').put({ key: 'settings', value: { me } });
            for (const contact of contacts ?? []) {
              tx.objectStore('contacts').put({ createdAt: Date.now(), updatedAt: Date.now(), ...contact });
            }
            for (const record of outreach ?? []) tx.objectStore('outreach').put(record);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      data,
    );
  } finally {
    await page.close();
  }
}

/**
 * The lines of a compose body as the editor holds them: text before the first block, then one
 * line per <div>/<p> (a <div><br></div> is an empty line), joined with \n.
 */
export function bodyText(
  target: Page | Frame,
  selector = '[contenteditable="true"][aria-multiline="true"]',
  index = 0,
) {
  return target
    .locator(selector)
    .nth(index)
    .evaluate((element) => {
      const lines: string[] = [];
      let current: string | null = null;
      for (const node of element.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) current = (current ?? '') + (node.textContent ?? '');
        else if (node instanceof HTMLBRElement) {
          lines.push(current ?? '');
          current = null;
        } else if (node instanceof HTMLElement) {
          if (current !== null) lines.push(current);
          current = null;
          lines.push(node.textContent ?? '');
        }
      }
      if (current !== null) lines.push(current);
      // Tabs and newlines in text nodes are the saved page's own indentation, not content.
      return lines.map((line) => line.replace(/[\t\n]+/g, '')).join('\n');
    });
}

/** Where the caret is: the text before it in the body, or null when the caret is elsewhere. */
export function textBeforeCaret(
  target: Page | Frame,
  selector = '[contenteditable="true"][aria-multiline="true"]',
  index = 0,
) {
  return target
    .locator(selector)
    .nth(index)
    .evaluate((element) => {
      const selection = document.getSelection();
      if (!selection?.rangeCount || !element.contains(selection.anchorNode)) return null;
      const range = document.createRange();
      range.setStart(element, 0);
      const caret = selection.getRangeAt(0);
      range.setEnd(caret.startContainer, caret.startOffset);
      const holder = document.createElement('div');
      holder.appendChild(range.cloneContents());
      // innerText needs layout: measure in a detached clone by hand.
      return (holder.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
}

/**
 * What the browser does when the user presses the key bound to the insert-template command: the
 * worker relays the command to the active tab. Headless Chromium does not route key presses
 * from the page to extension commands, so the test sends the relay's message from the worker.
 */
export async function runInsertTemplateCommand(browser: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  await browser.worker.evaluate(async () => {
    const chromeApi = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query: (q: object) => Promise<{ id: number }[]>;
            sendMessage: (id: number, m: unknown) => Promise<unknown>;
          };
        };
      }
    ).chrome;
    const [tab] = await chromeApi.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab)
      await chromeApi.tabs
        .sendMessage(tab.id, { type: 'gap-closer.command', command: 'insert-template' })
        .catch(() => undefined);
  });
}

/** The key bound to the insert-template command, as Chrome reports it to the worker. */
export function insertTemplateShortcut(browser: ExtensionBrowser): Promise<string | undefined> {
  return browser.worker.evaluate(
    () =>
      new Promise<string | undefined>((resolve) =>
        (
          globalThis as unknown as {
            chrome: { commands: { getAll: (done: (all: { name?: string; shortcut?: string }[]) => void) => void } };
          }
        ).chrome.commands.getAll((all) => resolve(all.find((command) => command.name === 'insert-template')?.shortcut)),
      ),
  );
}

/**
 * The user sends the message: a real (trusted) click on the page's own Send button, found by its
 * role and name (`/^Send/` in English Gmail and Outlook). Inserted text counts from here (issue 15).
 */
export async function sendAsUser(page: Page, name = /^Send/, index = 0): Promise<void> {
  await page.getByRole('button', { name }).nth(index).click();
}
