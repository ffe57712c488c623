import browser from 'webextension-polyfill';
import { IN_PAGE_BUTTONS_KEY } from '../messaging/page-contract.ts';
import type { BackupPreferences } from '../shared/backup.ts';

/**
 * The switch for Gap Closer's buttons inside LinkedIn pages. It lives in storage.local, the one
 * place a content script can read (it cannot open the extension's IndexedDB) and be told of a
 * change at once; the full backup carries it beside the stores (`preferences` in the file).
 */

export async function readInPageButtons(): Promise<boolean> {
  const stored = await browser.storage.local.get(IN_PAGE_BUTTONS_KEY);
  return stored[IN_PAGE_BUTTONS_KEY] !== false;
}

export async function writeInPageButtons(on: boolean): Promise<void> {
  await browser.storage.local.set({ [IN_PAGE_BUTTONS_KEY]: on });
}

/** What the full backup carries beside the stores. */
export async function preferencesForBackup(): Promise<BackupPreferences> {
  return { inPageButtons: await readInPageButtons() };
}

/** After a restore: the file's settings; one written before they were carried changes none. */
export async function restorePreferences(preferences: BackupPreferences | undefined): Promise<void> {
  if (preferences?.inPageButtons !== undefined) await writeInPageButtons(preferences.inPageButtons);
}
