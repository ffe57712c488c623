import browser, { type Tabs } from 'webextension-polyfill';
import { sendPageCommand } from '../messaging/tabs.ts';

/** Keyboard commands the background relays to the content scripts of the focused tab. */
export const RELAYED_COMMANDS: ReadonlySet<string> = new Set(['insert-template']);

/**
 * Sends a relayed command to every frame of the tab (Outlook composes live in iframes); each
 * frame's script acts only if its document has focus. No tab permission is needed for this.
 */
export async function relayCommand(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  if (!RELAYED_COMMANDS.has(command)) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  try {
    await sendPageCommand(tabId, command);
  } catch {
    // No content script in this tab (not a mail page): nothing to do.
  }
}
