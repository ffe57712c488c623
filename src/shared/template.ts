import type { Relationship, Template } from './model.ts';

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
  // What the book knows (src/shared/draft-facts.ts); used inside optional [[…]] sections.
  'role',
  'purchase',
  'result',
  'nextStep',
  'impedimentQuestion',
  'favour',
  'idealReferral',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** The user's own values: remembered in settings when the user types them into a missing-value form. */
export const OWN_PLACEHOLDERS = [
  'myName',
  'myCompany',
  'product',
  'idealReferral',
] as const satisfies readonly Placeholder[];
export type OwnPlaceholder = (typeof OWN_PLACEHOLDERS)[number];

export interface RenderedTemplate {
  text: string;
  /** Names written in `{{…}}` that are not placeholders at all (likely typos). */
  unknown: string[];
  /** Known placeholders with no value yet; left visible in the text so the user sees the gap. */
  missing: Placeholder[];
}

const PLACEHOLDER_PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
/** `[[…]]`: a part kept only when every placeholder in it has a value (a fact the book may not know). */
const SECTION_PATTERN = /\[\[([\s\S]*?)\]\]/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

function valueOf(values: PlaceholderValues, name: string): string | undefined {
  return KNOWN.has(name) ? values[name as Placeholder]?.trim() || undefined : undefined;
}

/**
 * Drops the `[[…]]` sections whose placeholders are not all known, keeps the others without their
 * brackets; a line left empty by a dropped section goes with it (no stray blank paragraphs).
 */
function resolveSections(body: string, values: PlaceholderValues): string {
  if (!body.includes('[[')) return body;
  const DROPPED = '\u0000';
  const resolved = body.replace(SECTION_PATTERN, (_whole, inner: string) => {
    const names = [...inner.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1] ?? '');
    return names.every((name) => valueOf(values, name) !== undefined) ? inner : DROPPED;
  });
  const lines = resolved
    .split('\n')
    .filter((line) => !(line.includes(DROPPED) && line.replaceAll(DROPPED, '').trim() === ''))
    .map((line) => (line.includes(DROPPED) ? line.replaceAll(DROPPED, '').replace(/ {2,}/g, ' ').trim() : line));
  // Two blank lines in a row (a whole paragraph dropped) become one.
  return lines
    .filter((line, index) => !(line === '' && lines[index - 1] === ''))
    .join('\n')
    .trim();
}

/**
 * Fills `{{name}}` placeholders in one pass. Values are inserted literally: a value that itself
 * contains `{{x}}` or `$&` stays exactly as typed, because a function replacer is used and the
 * output is never scanned again. `[[…]]` sections first go or stay (see resolveSections).
 */
export function renderTemplate(body: string, values: PlaceholderValues): RenderedTemplate {
  const unknown = new Set<string>();
  const missing = new Set<Placeholder>();
  const text = resolveSections(body, values).replace(PLACEHOLDER_PATTERN, (whole, name: string) => {
    if (!KNOWN.has(name)) {
      unknown.add(name);
      return whole;
    }
    const value = valueOf(values, name);
    if (!value) {
      missing.add(name as Placeholder);
      return whole;
    }
    return value;
  });
  return { text, unknown: [...unknown], missing: [...missing] };
}

/** Known placeholders still written in a (possibly edited) draft: what must be filled before it goes out. */
export function placeholdersIn(text: string): Placeholder[] {
  const found = new Set<Placeholder>();
  for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? '';
    if (KNOWN.has(name)) found.add(name as Placeholder);
  }
  return [...found];
}

/**
 * The template's sign-off: its last paragraph when that paragraph signs with `{{myName}}`
 * ("Best,\n{{myName}}"). Left out when the compose window already carries the user's signature.
 */
export function splitSignOff(body: string): { main: string; signOff?: string } {
  const trimmed = body.replace(/\s+$/, '');
  const at = trimmed.lastIndexOf('\n\n');
  if (at < 0) return { main: trimmed };
  const last = trimmed.slice(at + 2);
  const lines = last.split('\n');
  if (!/\{\{\s*myName\s*\}\}/.test(last) || lines.length > 4 || lines.some((line) => line.length > 80)) {
    return { main: trimmed };
  }
  return { main: trimmed.slice(0, at), signOff: last };
}

/** A template filled in as a draft: its body and (for email) its subject, and which template it was. */
export interface Draft extends RenderedTemplate {
  templateId: string;
  templateName: string;
  kind: Template['kind'];
  subject?: string;
  /** The sign-off paragraph at the end of `text`, if the template has one (see splitSignOff). */
  signOff?: string;
  /** The user's own values this template would use but that are not set (e.g. what a good referral looks like). */
  suggest?: OwnPlaceholder[];
}

export function draftOf(template: Template, values: PlaceholderValues): Draft {
  const rendered = renderTemplate(template.body, values);
  const { signOff } = splitSignOff(template.body);
  const renderedSignOff = signOff === undefined ? undefined : renderTemplate(signOff, values).text;
  const subject = template.subject === undefined ? undefined : renderTemplate(template.subject, values).text;
  const suggest = OWN_PLACEHOLDERS.filter(
    (name) => !valueOf(values, name) && new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(template.body),
  ).filter((name) => !rendered.missing.includes(name));
  return {
    ...rendered,
    templateId: template.id,
    templateName: template.name,
    kind: template.kind,
    ...(subject !== undefined && { subject }),
    ...(renderedSignOff !== undefined && rendered.text.endsWith(renderedSignOff) && { signOff: renderedSignOff }),
    ...(suggest.length > 0 && { suggest }),
  };
}

/** Which relationships a built-in is written for: none means everyone else (the network). */
function suits(template: Template, relationship: Relationship | undefined): boolean {
  return relationship !== undefined && (template.relationships ?? []).includes(relationship);
}

/**
 * The template to draft with: the one with `id` when asked for — unless it is a general built-in
 * and a built-in of the same kind and channel is written for this relationship (the menu names
 * the kind; the text follows who the person is) — else the first for this kind and channel
 * written for the relationship, else the first general one.
 */
export function chooseTemplate(
  templates: readonly Template[],
  kind: Template['kind'],
  channel: Template['channel'],
  relationship: Relationship | undefined,
  id?: string,
): Template | undefined {
  const asked = id ? templates.find((template) => template.id === id) : undefined;
  if (asked && !(asked.builtIn && !asked.relationships)) return asked;
  const candidates = templates.filter(
    (template) => template.kind === (asked?.kind ?? kind) && template.channel === (asked?.channel ?? channel),
  );
  return (
    candidates.find((template) => template.builtIn && suits(template, relationship)) ??
    asked ??
    candidates.find((template) => !template.relationships) ??
    candidates[0]
  );
}

/**
 * Puts typed values into `{{name}}` placeholders still in a draft (known names and typos alike: the
 * user filled the very gap they saw). Values go in literally, in one pass.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => values[name]?.trim() || whole);
}

/** Every `{{name}}` still written in a text, known or not, in order of first appearance. */
export function gapsIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1] ?? ''))];
}
