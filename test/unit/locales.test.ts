import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLocales, type Catalogue } from '../../scripts/locales.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CATALOGUES = mergeLocales(ROOT);

function catalogue(locale: string): Catalogue {
  return CATALOGUES.get(locale) ?? {};
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Keys the code asks for: t('key', …) calls and __MSG_key__ in the manifest. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1] ?? '');
  }
  for (const match of readFileSync(path.join(ROOT, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
    keys.add(match[1] ?? '');
  }
  return keys;
}

/** `$1`…`$9`; `$$` is a literal dollar sign ("$$240k" shows "$240k"). */
const placeholders = (message: string) =>
  [...message.matchAll(/\$(\$|\d)/g)]
    .map((m) => m[1])
    .filter((token) => token !== '$')
    .sort();
const LOCALES = ['en', 'de'];

describe('locales', () => {
  const english = catalogue('en');

  it.each(LOCALES)('%s has every key the code uses, each with a non-empty message', (locale) => {
    const messages = catalogue(locale);
    const missing = [...usedKeys()].filter((key) => !messages[key]?.message.trim());
    expect(missing).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the English keys and placeholders', (locale) => {
    const messages = catalogue(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    const mismatched = Object.keys(english).filter(
      (key) => placeholders(english[key]?.message ?? '').join() !== placeholders(messages[key]?.message ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('has no English message the code never uses', () => {
    const used = usedKeys();
    expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
  });
});
