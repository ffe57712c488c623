import { mergeLocales } from '../../scripts/locales.ts';

/**
 * browser.i18n over the real catalogues, in a language the test picks: `language.current = 'de-DE'`.
 * Use it as `vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18n-fake.ts')).fakeI18n } }))`.
 */
const CATALOGUES = mergeLocales(process.cwd());

export const language = { current: 'en-US' };

export const fakeI18n = {
  getMessage(key: string, substitutions: string[] = []): string {
    const message = CATALOGUES.get(language.current.slice(0, 2))?.[key]?.message ?? '';
    return message.replace(/\$(\d)/g, (_: string, n: string) => substitutions[Number(n) - 1] ?? '');
  },
  getUILanguage: () => language.current,
};
