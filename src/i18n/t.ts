import browser from 'webextension-polyfill';

/**
 * A key of src/i18n/locales/<lang>/<area>.json. test/unit/locales.test.ts fails on a key the
 * code uses that English or German lacks, and on German keys or placeholders that differ.
 */
export type MessageKey = string;

/**
 * The user's language's text for `key` (browser.i18n picks the locale; English is the default).
 * `$1`…`$9` in a message are filled from `substitutions`, always as text.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // An empty answer means a key the catalogue lacks: show the key, never a blank control.
  return text || key;
}

/** The UI language, for Intl formatting of dates, numbers and money. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}
