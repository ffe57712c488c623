import browser, { type Tabs } from 'webextension-polyfill';
import { sendPageCommand } from '../messaging/tabs.ts';
import { INSERT_TEMPLATE_COMMAND } from '../messaging/page-contract.ts';

/** Keyboard commands the background relays to the content scripts of the focused tab. */
export const RELAYED_COMMANDS: ReadonlySet<string> = new Set([INSERT_TEMPLATE_COMMAND]);

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

/**
 * The key the user bound to a command — the manifest suggests one, the user may change or clear
 * it (chrome://extensions/shortcuts; Firefox: Manage Extension Shortcuts) — '' when none.
 */
export async function shortcutOf(command: string): Promise<string> {
  const all = await browser.commands.getAll();
  return all.find((entry) => entry.name === command)?.shortcut ?? '';
}
