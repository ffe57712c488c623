import { builtinTemplatesFor } from '../shared/builtin-templates.ts';
import type { Channel, OutreachKind, Template } from '../shared/model.ts';
import type { Db } from './db.ts';

/**
 * Built-ins in the UI's `locale` (German for `de…`, else English; unless the user saved an edited
 * copy under the same id) followed by the user's own.
 */
export async function allTemplates(db: Db, locale = 'en'): Promise<Template[]> {
  const stored = await db.getAll('templates');
  const storedIds = new Set(stored.map((template) => template.id));
  return [...builtinTemplatesFor(locale).filter((template) => !storedIds.has(template.id)), ...stored];
}

/** The template with `id`, else the first for this kind and channel. */
export function pickTemplate(
  templates: readonly Template[],
  kind: OutreachKind,
  channel: Channel,
  id?: string,
): Template | undefined {
  return (
    (id ? templates.find((template) => template.id === id) : undefined) ??
    templates.find((template) => template.kind === kind && template.channel === channel)
  );
}
