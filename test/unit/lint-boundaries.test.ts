import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture boundaries of eslint.config.js, linted on code placed in each folder: only
 * src/storage opens IndexedDB, only src/messaging sends messages, and extension pages write only
 * through the checked write services.
 */

const eslint = new ESLint({ cwd: process.cwd() });

// The first lint loads the config and its plugins (seconds on this machine); not a test's time.
beforeAll(() => eslint.lintText('', { filePath: 'src/shared/warm-up.ts' }), 60_000);

/** The rules that fired for `code` as if it were the file at `filePath`. */
async function rulesFiring(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const IMPORTS_IDB = "import { openDB } from 'idb';\nexport const open = openDB;\n";
const USES_KEY_RANGE = 'export const since = (t: number) => IDBKeyRange.lowerBound(t);\n';
const OPENS_DATABASE = "export const open = () => indexedDB.open('gap-closer');\n";
const SENDS_MESSAGE =
  "import browser from 'webextension-polyfill';\nexport const send = () => browser.runtime.sendMessage({ type: 'x' });\n";
const SENDS_TO_TAB =
  "import browser from 'webextension-polyfill';\nexport const send = () => browser.tabs.sendMessage(1, { type: 'x' });\n";
const CONNECTS = "import browser from 'webextension-polyfill';\nexport const port = () => browser.runtime.connect();\n";
const RAW_WRITE = "import { saveSettings } from '../storage/settings.ts';\nexport const save = saveSettings;\n";

const PAGES = ['src/popup/x.ts', 'src/options/x.ts', 'src/ui/x.ts', 'src/options/dashboard/x.tsx'];

describe('extension pages (popup, options, ui)', () => {
  it.each(PAGES)('%s may not import idb, touch IndexedDB or send messages', async (file) => {
    expect(await rulesFiring(file, IMPORTS_IDB)).toEqual(['no-restricted-imports']);
    expect(await rulesFiring(file, USES_KEY_RANGE)).toEqual(['no-restricted-globals']);
    expect(await rulesFiring(file, OPENS_DATABASE)).toEqual(['no-restricted-globals']);
    expect(await rulesFiring(file, SENDS_MESSAGE)).toEqual(['no-restricted-properties']);
    expect(await rulesFiring(file, SENDS_TO_TAB)).toEqual(['no-restricted-properties']);
    expect(await rulesFiring(file, CONNECTS)).toEqual(['no-restricted-properties']);
  });

  it('may not import a storage write function, only the checked services and the reads', async () => {
    expect(await rulesFiring('src/popup/x.ts', RAW_WRITE)).toEqual(['no-restricted-imports']);
    const allowed =
      "import { saveSettingsRows } from '../storage/page-writes.ts';\n" +
      "import { restoreBackup } from '../storage/data-writes.ts';\n" +
      "import { getSettings } from '../storage/settings.ts';\n" +
      'export const all = [saveSettingsRows, restoreBackup, getSettings];\n';
    expect(await rulesFiring('src/popup/x.ts', allowed)).toEqual([]);
  });
});

describe('the rest of src', () => {
  it.each(['src/background/x.ts', 'src/content/linkedin/x.ts', 'src/shared/x.ts', 'src/i18n/x.ts'])(
    '%s may not touch IndexedDB',
    async (file) => {
      expect(await rulesFiring(file, IMPORTS_IDB)).toContain('no-restricted-imports');
      expect(await rulesFiring(file, USES_KEY_RANGE)).toEqual(['no-restricted-globals']);
    },
  );

  it.each(['src/background/x.ts', 'src/content/webmail/x.ts', 'src/storage/x.ts'])(
    '%s may not send messages itself',
    async (file) => {
      expect(await rulesFiring(file, SENDS_MESSAGE)).toEqual(['no-restricted-properties']);
    },
  );

  it('src/storage opens IndexedDB and src/messaging sends messages', async () => {
    expect(await rulesFiring('src/storage/x.ts', IMPORTS_IDB + USES_KEY_RANGE)).toEqual([]);
    expect(await rulesFiring('src/messaging/x.ts', SENDS_MESSAGE)).toEqual([]);
    expect(await rulesFiring('src/messaging/y.ts', SENDS_TO_TAB)).toEqual([]);
  });
});
