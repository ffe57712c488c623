import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export type Catalogue = Record<string, { message: string; description?: string }>;

/**
 * The browser's `_locales/<lang>/messages.json`, merged from one file per area
 * (src/i18n/locales/<lang>/<area>.json) so each part of the UI keeps its own strings.
 * A key defined by two areas is an error.
 */
export function mergeLocales(root: string): Map<string, Catalogue> {
  const dir = path.join(root, 'src/i18n/locales');
  const merged = new Map<string, Catalogue>();
  for (const locale of readdirSync(dir)) {
    const catalogue: Catalogue = {};
    for (const file of readdirSync(path.join(dir, locale))
      .filter((name) => name.endsWith('.json'))
      .sort()) {
      const part = JSON.parse(readFileSync(path.join(dir, locale, file), 'utf8')) as Catalogue;
      for (const [key, value] of Object.entries(part)) {
        if (catalogue[key]) throw new Error(`Message ${key} is defined twice in ${locale} (again in ${file})`);
        catalogue[key] = value;
      }
    }
    merged.set(locale, catalogue);
  }
  return merged;
}
