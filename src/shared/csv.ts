import Papa from 'papaparse';
import * as v from 'valibot';
import { PERSON_LIMITS } from './person-limits.ts';
import { localDateOf } from './dates.ts';
import { RELATIONSHIPS, type Contact, type Outreach, type Relationship } from './model.ts';
import { firstNameOf } from './names.ts';
import { recordIssueOf, type RecordIssue } from './record-issues.ts';

/**
 * CSV in and out. Writing follows RFC 4180 (comma, CRLF, fields with a comma, quote, CR or LF
 * quoted, quotes doubled) and neutralises spreadsheet formulas: a text cell that starts with
 * = + - @ tab or CR gets a leading apostrophe, so Excel, Sheets or LibreOffice show it as text
 * instead of running it. A cell that starts with an apostrophe gets one too, so reading our own
 * file back restores every cell exactly.
 */

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** The cell as a spreadsheet must see it: formulas turned into text. */
export function neutralise(cell: string): string {
  const first = cell[0];
  return first !== undefined && (FORMULA_START.has(first) || first === "'") ? `'${cell}` : cell;
}

/** Undoes `neutralise` on a cell read back; an apostrophe before anything else is kept. */
export function unneutralise(cell: string): string {
  const second = cell[1];
  return cell[0] === "'" && second !== undefined && (FORMULA_START.has(second) || second === "'")
    ? cell.slice(1)
    : cell;
}

export type Cell = string | number | undefined | null;

function field(cell: Cell): string {
  // Numbers are written as numbers (a negative amount stays a number); text is neutralised.
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : neutralise(cell ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One RFC 4180 document: header row, then the rows, each line ending in CRLF. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) {
    // A row of one empty cell is written as "" so that it is not a blank line.
    lines.push(row.length === 1 && field(row[0]) === '' ? '""' : row.map(field).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface ParsedCsv {
  header: string[];
  rows: string[][];
  /** Problems the parser reported (unclosed quotes and the like), with the row they are on. */
  errors: { row: number; message: string }[];
}

/** Reads a CSV document (ours or another tool's): first row is the header; blank lines skipped. */
export function parseCsv(text: string): ParsedCsv {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const result = Papa.parse<string[]>(input, { header: false, skipEmptyLines: true, delimiter: ',' });
  const [header = [], ...rows] = result.data.map((row) => row.map(unneutralise));
  return {
    header,
    rows,
    errors: result.errors.map((error) => ({ row: (error.row ?? 0) + 1, message: error.message })),
  };
}

// ——— Outreach ———

export const OUTREACH_CSV_HEADER = [
  'ID',
  'Created',
  'Contact',
  'Contact ID',
  'Kind',
  'Channel',
  'Text',
  'Potential value',
  'Follow-up on',
  'Status',
  'Outcome',
  'Won amount',
  'Outcome at',
  'Target URL',
] as const;

function isoTime(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString();
}

export function outreachCsv(records: Iterable<Outreach>): string {
  function* rows(): Generator<Cell[]> {
    for (const r of records)
      yield [
        r.id,
        isoTime(r.createdAt),
        r.contactName,
        r.contactId,
        r.kind,
        r.channel,
        r.text,
        r.potentialValue,
        r.followUpOn,
        r.status,
        r.outcome,
        r.wonAmount,
        isoTime(r.outcomeAt),
        r.targetUrl,
      ];
  }
  return writeCsv(OUTREACH_CSV_HEADER, rows());
}

// ——— Contacts ———

/** Column names CRMs import without mapping (HubSpot's among them), then ours. */
export const CONTACTS_CSV_HEADER = [
  'First Name',
  'Last Name',
  'Email Address',
  'Company Name',
  'Job Title',
  'LinkedIn URL',
  'Relationship',
  'Notes',
  'Gap Closer ID',
  'Created',
] as const;

/** Last name: what remains of the full name after the first name. */
export function lastNameOf(contact: Pick<Contact, 'fullName' | 'firstName'>): string {
  const full = contact.fullName.trim();
  if (contact.firstName && full.startsWith(contact.firstName)) return full.slice(contact.firstName.length).trim();
  const space = full.indexOf(' ');
  return space < 0 ? '' : full.slice(space + 1).trim();
}

export function contactsCsv(contacts: Iterable<Contact>): string {
  function* rows(): Generator<Cell[]> {
    for (const c of contacts)
      yield [
        c.firstName,
        lastNameOf(c),
        c.email,
        c.company,
        c.headline,
        c.linkedinUrl,
        c.relationship,
        c.notes,
        c.id,
        localDateOf(new Date(c.createdAt)),
      ];
  }
  return writeCsv(CONTACTS_CSV_HEADER, rows());
}

// ——— Contacts import ———

export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'company',
  'headline',
  'linkedinUrl',
  'relationship',
  'notes',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
/** Which field each column fills; `null` leaves the column out. */
export type ColumnMapping = (ContactField | null)[];

const SYNONYMS: Record<ContactField, readonly string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'first'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'last'],
  fullName: ['full name', 'name', 'contact', 'contact name', 'fullname'],
  email: ['email address', 'email', 'e-mail', 'e-mail address', 'mail', 'work email'],
  company: ['company name', 'company', 'organization', 'organisation', 'account', 'account name', 'employer'],
  headline: ['job title', 'title', 'headline', 'position', 'role'],
  linkedinUrl: ['linkedin url', 'linkedin', 'linkedin profile', 'profile url', 'linkedin profile url', 'url'],
  relationship: ['relationship', 'relation', 'type'],
  notes: ['notes', 'note', 'comments', 'description'],
};

const normal = (header: string) => header.trim().toLowerCase().replace(/[_.]+/g, ' ').replace(/\s+/g, ' ');

/** A first guess at the mapping from the header names; each field is used by one column at most. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const used = new Set<ContactField>();
  return header.map((name) => {
    const key = normal(name);
    const field = CONTACT_FIELDS.find((f) => !used.has(f) && SYNONYMS[f].includes(key));
    if (field) used.add(field);
    return field ?? null;
  });
}

const RELATIONSHIP_WORDS: Record<string, Relationship> = {
  'stalled prospect': 'stalled-prospect',
  stalled: 'stalled-prospect',
  prospect: 'stalled-prospect',
  'group member': 'group-member',
  group: 'group-member',
  neighbor: 'neighbour',
  chamber: 'community',
  'community/chamber': 'community',
  colleague: 'coworker',
  'co-worker': 'coworker',
};

export function relationshipOf(raw: string): Relationship | undefined {
  const key = raw.trim().toLowerCase();
  if (!key) return undefined;
  if ((RELATIONSHIPS as readonly string[]).includes(key)) return key as Relationship;
  return RELATIONSHIP_WORDS[key.replace(/-/g, ' ')] ?? RELATIONSHIP_WORDS[key];
}

// Formats carry a RecordIssueCode as their message; lengths are named by type (too-long).
const optionalText = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max)));

/** A contact as imported from a CSV row. */
export const ImportedContactSchema = v.object({
  fullName: v.pipe(v.string(), v.trim(), v.minLength(1, 'no-name'), v.maxLength(PERSON_LIMITS.fullName)),
  firstName: v.pipe(v.string(), v.trim(), v.maxLength(PERSON_LIMITS.firstName)),
  email: v.optional(
    v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(PERSON_LIMITS.email), v.email('not-an-email')),
  ),
  company: optionalText(PERSON_LIMITS.company),
  headline: optionalText(PERSON_LIMITS.headline),
  linkedinUrl: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/in\/[^/?#\s]+\/?$/i, 'not-a-linkedin-url'),
      v.transform((url) => {
        const slug = url.replace(/\/$/, '').split('/in/')[1] ?? '';
        return `https://www.linkedin.com/in/${slug}/`;
      }),
    ),
  ),
  relationship: v.optional(v.picklist(RELATIONSHIPS, 'unknown-relationship')),
  notes: optionalText(PERSON_LIMITS.notes),
});
export type ImportedContact = v.InferOutput<typeof ImportedContactSchema>;

export interface ContactRowsResult {
  contacts: ImportedContact[];
  /** Rows left out, with why (1-based data row numbers, the header not counted); `path` names the field. */
  rejected: { row: number; issues: RecordIssue[] }[];
}

/** Turns mapped rows into validated contacts; a row that fails is reported, never half-imported. */
export function contactsFromRows(rows: readonly string[][], mapping: ColumnMapping): ContactRowsResult {
  const contacts: ImportedContact[] = [];
  const rejected: ContactRowsResult['rejected'] = [];
  rows.forEach((row, index) => {
    const raw: Partial<Record<ContactField, string>> = {};
    mapping.forEach((field, column) => {
      const value = row[column]?.trim();
      if (field && value) raw[field] = value;
    });
    if (Object.keys(raw).length === 0) return; // an empty row
    const fullName = raw.fullName ?? [raw.firstName, raw.lastName].filter(Boolean).join(' ');
    let relationship: Relationship | undefined;
    if (raw.relationship) {
      relationship = relationshipOf(raw.relationship);
      if (!relationship) {
        rejected.push({
          row: index + 1,
          issues: [{ code: 'unknown-relationship', path: 'relationship', detail: raw.relationship }],
        });
        return;
      }
    }
    const candidate = {
      fullName,
      firstName: raw.firstName ?? firstNameOf(fullName),
      ...(raw.email ? { email: raw.email } : {}),
      ...(raw.company ? { company: raw.company } : {}),
      ...(raw.headline ? { headline: raw.headline } : {}),
      ...(raw.linkedinUrl ? { linkedinUrl: raw.linkedinUrl } : {}),
      ...(relationship ? { relationship } : {}),
      ...(raw.notes ? { notes: raw.notes } : {}),
    };
    const result = v.safeParse(ImportedContactSchema, candidate);
    if (result.success) contacts.push(result.output);
    else rejected.push({ row: index + 1, issues: result.issues.map(recordIssueOf) });
  });
  return { contacts, rejected };
}
