import type { Template } from './model.ts';

/** Placeholders a template may use, with what fills them. */
export const PLACEHOLDERS = [
  'firstName',
  'fullName',
  'company',
  'headline',
  'myName',
  'myCompany',
  'product',
  'signature',
  'groupName',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export interface RenderedTemplate {
  text: string;
  /** Names written in `{{…}}` that are not placeholders at all (likely typos). */
  unknown: string[];
  /** Known placeholders with no value yet; left visible in the text so the user sees the gap. */
  missing: Placeholder[];
}

const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

/**
 * Fills `{{name}}` placeholders in one pass. Values are inserted literally: a value that itself
 * contains `{{x}}` or `$&` stays exactly as typed, because a function replacer is used and the
 * output is never scanned again.
 */
export function renderTemplate(body: string, values: PlaceholderValues): RenderedTemplate {
  const unknown = new Set<string>();
  const missing = new Set<Placeholder>();
  const text = body.replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    if (!KNOWN.has(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name as Placeholder]?.trim();
    if (!value) {
      missing.add(name as Placeholder);
      return whole;
    }
    return value;
  });
  return { text, unknown: [...unknown], missing: [...missing] };
}

/** A template filled in as a draft: its body and (for email) its subject, and which template it was. */
export interface Draft extends RenderedTemplate {
  templateId: string;
  templateName: string;
  kind: Template['kind'];
  subject?: string;
}

export function draftOf(template: Template, values: PlaceholderValues): Draft {
  const rendered = renderTemplate(template.body, values);
  const subject = template.subject === undefined ? undefined : renderTemplate(template.subject, values).text;
  return {
    ...rendered,
    templateId: template.id,
    templateName: template.name,
    kind: template.kind,
    ...(subject !== undefined && { subject }),
  };
}
