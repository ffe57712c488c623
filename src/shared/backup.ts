import * as v from 'valibot';
import {
  CHANNELS,
  OUTCOMES,
  OUTREACH_KINDS,
  PERIOD_KINDS,
  RELATIONSHIPS,
  type Contact,
  type Favour,
  type Outreach,
  type Template,
  type ThankYou,
} from './model.ts';
import { DEAL_SOURCES, DEAL_STATES, IMPEDIMENTS, type Deal } from './deals.ts';
import { STORED_PERSON_LIMITS } from './person-limits.ts';
import { recordIssueOf, type RecordIssue } from './record-issues.ts';

/**
 * The full JSON backup: every record of every store, versioned, validated record by record on
 * the way back in. Known fields are checked; fields this version does not know are kept as they
 * are (loose objects), so a round trip loses nothing.
 */

export const BACKUP_FORMAT = 'gap-closer-backup';
/** The backup file's own version (its envelope); bump with a reader for the old one. */
export const BACKUP_VERSION = 1;

export const BACKUP_STORES = ['contacts', 'outreach', 'thanks', 'favours', 'templates', 'settings', 'deals'] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];

/** A settings row: a key and its value (each key's value is checked by the pages that read it). */
export interface SettingsRecord {
  key: string;
  value: unknown;
}

export interface BackupData {
  contacts: Contact[];
  outreach: Outreach[];
  thanks: ThankYou[];
  favours: Favour[];
  templates: Template[];
  settings: SettingsRecord[];
  /** Absent from files written before schema v5 (read as none). */
  deals: Deal[];
}

/**
 * Settings kept outside the database (storage.local, where content scripts read them). Absent in
 * files written before they were carried: such a restore leaves the current ones as they are.
 */
export interface BackupPreferences {
  /** Gap Closer's buttons inside LinkedIn pages. */
  inPageButtons?: boolean;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The database schema version the records were read from. */
  schemaVersion: number;
  exportedAt: string;
  stores: BackupData;
  preferences?: BackupPreferences;
}

// Picklists and formats carry a RecordIssueCode as their message; lengths and ranges are named by type.
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(8.64e15));
const money = v.pipe(v.number(), v.finite(), v.minValue(-1e12), v.maxValue(1e12));
const localDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not-a-date'));

const CONTACT = STORED_PERSON_LIMITS;
export const ContactRecord = v.looseObject({
  id,
  fullName: text(CONTACT.fullName),
  firstName: text(CONTACT.firstName),
  headline: v.optional(text(CONTACT.headline)),
  company: v.optional(text(CONTACT.company)),
  email: v.optional(text(CONTACT.email)),
  otherEmails: v.optional(v.pipe(v.array(text(CONTACT.email)), v.maxLength(50))),
  linkedinUrl: v.optional(text(CONTACT.linkedinUrl)),
  relationship: v.optional(v.picklist(RELATIONSHIPS, 'unknown-relationship')),
  notes: v.optional(text(CONTACT.notes)),
  connectedOn: v.optional(localDate),
  lastActivityAt: v.optional(time),
  createdAt: time,
  updatedAt: time,
});

const OutreachRecord = v.looseObject({
  id,
  idempotencyKey: id,
  contactId: v.optional(id),
  contactName: text(2048),
  targetUrl: v.optional(text(2048)),
  kind: v.picklist(OUTREACH_KINDS, 'unknown-kind'),
  channel: v.picklist(CHANNELS, 'unknown-channel'),
  text: text(100_000),
  potentialValue: v.optional(money),
  createdAt: time,
  followUpOn: v.optional(localDate),
  status: v.picklist(['awaiting', 'resolved'], 'unknown-status'),
  outcome: v.optional(v.picklist(OUTCOMES, 'unknown-outcome')),
  wonAmount: v.optional(money),
  outcomeAt: v.optional(time),
  dealId: v.optional(id),
});

const ThankYouRecord = v.looseObject({
  id,
  contactId: v.string(),
  contactName: text(2048),
  outreachId: id,
  outcome: v.picklist(OUTCOMES, 'unknown-outcome'),
  status: v.picklist(['owed', 'thanked'], 'unknown-status'),
  owedSince: time,
  thankedAt: v.optional(time),
});

/** A deal (schema v5); also the check every imported deal passes before it is written. */
export const DealRecord = v.looseObject({
  id,
  name: text(500),
  amount: v.optional(money),
  currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/))),
  stage: v.optional(text(200)),
  state: v.picklist(DEAL_STATES, 'unknown-status'),
  closeDate: v.optional(localDate),
  lastActivityAt: v.optional(time),
  contactIds: v.array(id),
  company: v.optional(text(CONTACT.company)),
  nextStep: v.optional(text(2000)),
  source: v.picklist(DEAL_SOURCES, 'unknown-value'),
  wonAt: v.optional(time),
  impediment: v.optional(
    v.looseObject({ kind: v.picklist(IMPEDIMENTS, 'unknown-value'), note: v.optional(text(10_000)), at: time }),
  ),
  createdAt: time,
  updatedAt: time,
});

const FavourRecord = v.looseObject({ id, contactId: id, note: text(10_000), at: time });

const TemplateRecord = v.looseObject({
  id,
  kind: v.picklist(OUTREACH_KINDS, 'unknown-kind'),
  channel: v.picklist(CHANNELS, 'unknown-channel'),
  name: text(300),
  subject: v.optional(text(1000)),
  body: text(100_000),
  builtIn: v.boolean(),
});

const QuotaValue = v.looseObject({
  periodKind: v.optional(v.picklist(PERIOD_KINDS)),
  periodStart: localDate,
  periodEnd: localDate,
  targetKind: v.optional(v.picklist(['amount', 'deals'])),
  target: money,
  currency: text(10),
  closedBaseline: money,
  averageDealSize: money,
});

const SettingsRecordSchema = v.variant('key', [
  // Older files also hold `inPageButtons` here, a field that never switched anything: accepted, not used.
  v.object({ key: v.literal('settings'), value: v.looseObject({ me: v.looseObject({}) }) }),
  v.object({ key: v.literal('quota'), value: QuotaValue }),
  v.object({ key: v.literal('pace'), value: v.looseObject({ reminderHour: v.number() }) }),
  v.object({ key: v.literal('history'), value: v.looseObject({ countedAt: time }) }),
  v.object({ key: v.literal('reminders'), value: v.looseObject({ since: time }) }),
  // The named queue: the user's skip/snooze/not-a-fit choices, and the worker's stored queue
  // (recomputed after a restore; kept so a round trip loses nothing).
  v.object({ key: v.literal('queueState'), value: v.looseObject({}) }),
  v.object({ key: v.literal('queue'), value: v.looseObject({}) }),
  v.object({ key: v.literal('queueAll'), value: v.looseObject({}) }),
  v.object({ key: v.literal('brief'), value: v.looseObject({ help: v.array(v.looseObject({})) }) }),
  v.object({ key: v.literal('draftWebmail'), value: v.looseObject({ webmail: v.picklist(['gmail', 'outlook']) }) }),
  // One person, one contact: the pairs the user said are two people, and the record of merges.
  v.object({ key: v.literal('notSamePerson'), value: v.looseObject({ pairs: v.array(v.string()) }) }),
  v.object({ key: v.literal('merges'), value: v.looseObject({ merges: v.array(v.looseObject({})) }) }),
]);

const STORE_SCHEMAS = {
  contacts: ContactRecord,
  outreach: OutreachRecord,
  thanks: ThankYouRecord,
  favours: FavourRecord,
  templates: TemplateRecord,
  settings: SettingsRecordSchema,
  deals: DealRecord,
} as const;

const PreferencesSchema = v.looseObject({ inPageButtons: v.optional(v.boolean()) });

export function makeBackup(
  data: BackupData,
  schemaVersion: number,
  now: Date,
  preferences?: BackupPreferences,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion,
    exportedAt: now.toISOString(),
    stores: data,
    ...(preferences && { preferences }),
  };
}

export function backupJson(backup: Backup): string {
  return JSON.stringify(backup);
}

/** One invalid record (or a store that is not a list): where it is and what is wrong. */
export interface BackupProblem {
  store: BackupStore;
  /** 1-based position in the store's list; absent when the store itself is wrong. */
  record?: number;
  issue: RecordIssue;
}

/** Why a file cannot be restored; the options page words it. Nothing is ever half restored. */
export type BackupError =
  /** Where the JSON parser stopped, when it says (1-based line and column). */
  | { code: 'not-json'; line?: number; column?: number }
  | { code: 'not-a-backup' }
  | { code: 'unsupported-version'; version: string }
  | { code: 'newer-schema' }
  | { code: 'no-data' }
  /** `problems` lists the first few; `count` is every invalid record. */
  | { code: 'invalid-records'; count: number; problems: BackupProblem[] };

export type BackupResult = { ok: true; backup: Backup } | { ok: false; error: BackupError };

const MAX_PROBLEMS = 5;

/**
 * Reads and checks a backup file: the envelope, then every record of every store. The answer is
 * a backup to restore, or one error that says what is wrong and where — never a partial one.
 */
export function readBackup(json: string, currentSchemaVersion: number): BackupResult {
  let parsed: unknown;
  const text = json.startsWith('\uFEFF') ? json.slice(1) : json;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { code: 'not-json', ...whereJsonStopped(text, (error as Error).message) } };
  }
  const envelope = parsed as Partial<Backup> | null;
  if (typeof envelope !== 'object' || envelope === null || envelope.format !== BACKUP_FORMAT)
    return { ok: false, error: { code: 'not-a-backup' } };
  if (typeof envelope.version !== 'number' || envelope.version > BACKUP_VERSION || envelope.version < 1)
    return { ok: false, error: { code: 'unsupported-version', version: String(envelope.version) } };
  if (typeof envelope.schemaVersion !== 'number' || envelope.schemaVersion > currentSchemaVersion)
    return { ok: false, error: { code: 'newer-schema' } };
  const stores = envelope.stores as Record<string, unknown> | undefined;
  if (typeof stores !== 'object' || stores === null) return { ok: false, error: { code: 'no-data' } };
  const preferences = v.safeParse(v.optional(PreferencesSchema), envelope.preferences);
  if (!preferences.success) return { ok: false, error: { code: 'not-a-backup' } };
  const checked = checkStores(stores);
  if (!checked.ok) return checked;
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schemaVersion: envelope.schemaVersion,
      exportedAt: typeof envelope.exportedAt === 'string' ? envelope.exportedAt : '',
      stores: checked.data,
      ...(preferences.output && { preferences: preferences.output }),
    },
  };
}

/**
 * Checks every record of every store against its schema (records of older versions upgraded
 * first): the stores to restore, or the invalid records, never a partial answer. The one check
 * of a backup's records, for a file read and for a restore alike.
 */
export function checkStores(
  stores: Readonly<Record<string, unknown>>,
): { ok: true; data: BackupData } | { ok: false; error: BackupError } {
  const problems: BackupProblem[] = [];
  let problemCount = 0;
  const data = {} as Record<BackupStore, unknown[]>;
  for (const store of BACKUP_STORES) {
    const records = stores[store] ?? [];
    if (!Array.isArray(records)) {
      problems.push({ store, issue: { code: 'not-a-list' } });
      problemCount++;
      continue;
    }
    const seen = new Set<string>();
    const out: unknown[] = [];
    records.forEach((record: unknown, index) => {
      const upgraded = upgradeRecord(store, record);
      const result = v.safeParse(STORE_SCHEMAS[store], upgraded);
      if (!result.success) {
        problemCount++;
        if (problems.length < MAX_PROBLEMS) {
          const issue = result.issues[0];
          problems.push({ store, record: index + 1, issue: issue ? recordIssueOf(issue) : { code: 'invalid' } });
        }
        return;
      }
      const key = store === 'settings' ? (result.output as SettingsRecord).key : (result.output as { id: string }).id;
      if (seen.has(key)) {
        problemCount++;
        if (problems.length < MAX_PROBLEMS)
          problems.push({ store, record: index + 1, issue: { code: 'duplicate-id', detail: key } });
        return;
      }
      seen.add(key);
      // The record as it came (checked, not rebuilt): same fields, same order, nothing dropped.
      out.push(upgraded);
    });
    data[store] = out;
  }
  if (problemCount > 0) return { ok: false, error: { code: 'invalid-records', count: problemCount, problems } };
  return { ok: true, data: data as unknown as BackupData };
}

/**
 * Line and column from the parser's English message: Chromium and Firefox name them ("line 1
 * column 33"), V8 elsewhere names a position in the text.
 */
function whereJsonStopped(text: string, message: string): { line?: number; column?: number } {
  const named = /line (\d+) column (\d+)/.exec(message);
  if (named) return { line: Number(named[1]), column: Number(named[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return {};
  const before = text.slice(0, Number(position[1]));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/** Records from older schema versions take the shape of the current one. */
function upgradeRecord(store: BackupStore, record: unknown): unknown {
  if (store === 'outreach' && typeof record === 'object' && record !== null) {
    const outreach = record as { id?: unknown; idempotencyKey?: unknown };
    // Before schema v2 outreach had no idempotency key; its id is unique, so it serves as one.
    if (outreach.idempotencyKey === undefined && typeof outreach.id === 'string')
      return { ...outreach, idempotencyKey: outreach.id };
  }
  return record;
}

export interface StoreChange {
  store: BackupStore;
  current: number;
  incoming: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** A record's key in its store: `key` for settings rows, `id` for every other store. */
export function recordKey(store: BackupStore, record: unknown): string {
  return store === 'settings' ? (record as SettingsRecord).key : (record as { id: string }).id;
}

/** A stable rendering for comparison: object keys sorted at every level. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

/** Field by field; nested values (settings) through their canonical form. */
export function sameRecord(a: unknown, b: unknown): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    const x = left[key];
    const y = right[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (canonical(x) !== canonical(y)) return false;
  }
  return true;
}

/** What a restore would do to each store: records added, changed, removed, left as they are. */
export function previewRestore(current: BackupData, incoming: BackupData): StoreChange[] {
  return BACKUP_STORES.map((store) => {
    const before = new Map<string, unknown>();
    for (const record of current[store]) before.set(recordKey(store, record), record);
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    for (const record of incoming[store]) {
      const old = before.get(recordKey(store, record));
      if (old === undefined) added++;
      else if (sameRecord(old, record)) unchanged++;
      else changed++;
    }
    const removed = current[store].length - changed - unchanged;
    return {
      store,
      current: current[store].length,
      incoming: incoming[store].length,
      added,
      changed,
      removed,
      unchanged,
    };
  });
}
