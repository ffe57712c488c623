import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { route } from '../../src/background/router.ts';
import { DEFAULT_PACE_SETTINGS, DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import type { Outreach, Quota, Template } from '../../src/shared/model.ts';
import type { BackupData } from '../../src/shared/backup.ts';
import { exportAll } from '../../src/storage/backup.ts';
import { getBriefSettings } from '../../src/storage/settings.ts';
import { getDb, resetDbForTests } from '../../src/storage/db.ts';
import { planContactImport } from '../../src/shared/import/plan.ts';
import { bookForImport, importPlanned, readBackupFile, restoreBackup } from '../../src/storage/data-writes.ts';
import {
  InvalidWriteError,
  markThanked,
  removeOutreach,
  removeTemplate,
  saveContactEdit,
  saveFavour,
  saveMe,
  saveOutcome,
  saveOutreachEdit,
  saveBriefSettings,
  saveSettingsRows,
  storeTemplate,
} from '../../src/storage/page-writes.ts';

const EMPTY_BACKUP: BackupData = {
  contacts: [],
  outreach: [],
  thanks: [],
  favours: [],
  templates: [],
  settings: [],
  deals: [],
};

/**
 * The popup's and the options page's writes (src/storage/page-writes.ts, data-writes.ts): an
 * invalid payload is refused with a message naming the field, before any store is touched.
 */

const ASK: Outreach = {
  id: 'o1',
  idempotencyKey: 'key-o1',
  contactId: 'c1',
  contactName: 'Jane Doe',
  kind: 'referral-ask',
  channel: 'email',
  text: 'Hi Jane',
  createdAt: 100,
  followUpOn: '2026-12-01',
  status: 'awaiting',
};

const QUOTA: Quota = {
  periodKind: 'custom',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  targetKind: 'amount',
  target: 120_000,
  currency: 'USD',
  closedBaseline: 30_000,
  averageDealSize: 8_000,
  workingWeekdays: [1, 2, 3, 4, 5],
  daysOff: [],
};

const TEMPLATE: Template = {
  id: 'user:1',
  kind: 'referral-ask',
  channel: 'email',
  name: 'Mine',
  subject: 'Hello',
  body: 'Hi {{firstName}}',
  builtIn: false,
};

beforeEach(async () => {
  await resetDbForTests();
  globalThis.indexedDB = new IDBFactory();
  const db = await getDb();
  await db.put('contacts', { id: 'c1', fullName: 'Jane Doe', firstName: 'Jane', createdAt: 1, updatedAt: 1 });
  await db.put('outreach', ASK);
  await db.put('templates', TEMPLATE);
  await db.put('settings', { key: 'quota', value: QUOTA });
});
afterEach(() => resetDbForTests());

/** Every store as stored now (the archive included, through the backup's own read). */
async function snapshot(): Promise<string> {
  return JSON.stringify(await exportAll(await getDb()));
}

const INVALID: [string, () => Promise<unknown>, string][] = [
  [
    'a negative won amount',
    () => saveOutcome({ outreachId: 'o1', outcome: 'won', wonAmount: -5 }),
    'Invalid outreach.setOutcome: wonAmount: not positive. Nothing was saved.',
  ],
  [
    'an amount with an outcome that is not a win',
    () => saveOutcome({ outreachId: 'o1', outcome: 'helped-referral', wonAmount: 100 }),
    'Invalid outreach.setOutcome: a won amount goes with "won" only. Nothing was saved.',
  ],
  [
    'an outcome that does not exist',
    () => saveOutreachEdit({ id: 'o1', outcome: 'ghosted' as never }),
    'Invalid outreach.edit: outcome: unknown outcome. Nothing was saved.',
  ],
  [
    'a follow-up date that is not a date',
    () => saveOutreachEdit({ id: 'o1', outcome: null, followUpOn: '1/12/2026' }),
    'Invalid outreach.edit: followUpOn: not a date (YYYY-MM-DD). Nothing was saved.',
  ],
  ['an empty outreach id', () => removeOutreach({ id: '' }), 'Invalid outreach.delete: id: empty. Nothing was saved.'],
  [
    'a thank-you without text',
    () => markThanked({ contactId: 'c1', contactName: 'Jane Doe', text: '' }),
    'Invalid thanks.mark: text: empty. Nothing was saved.',
  ],
  [
    'a favour with an unknown field',
    () => saveFavour({ contactId: 'c1', note: 'I helped them', at: 5 } as never),
    'Invalid favour.log: at: Invalid key: Expected never but received "at". Nothing was saved.',
  ],
  [
    'a relationship that does not exist',
    () => saveContactEdit({ id: 'c1', relationship: 'boss' as never, notes: '' }),
    'Invalid contact.edit: relationship: unknown relationship. Nothing was saved.',
  ],
  [
    'a template without a body',
    () => storeTemplate({ ...TEMPLATE, body: '' }),
    'Invalid template.save: body: empty. Nothing was saved.',
  ],
  [
    'a template of an unknown channel',
    () => storeTemplate({ ...TEMPLATE, channel: 'fax' as never }),
    'Invalid template.save: channel: unknown channel. Nothing was saved.',
  ],
  ['an empty template id', () => removeTemplate({ id: '' }), 'Invalid template.delete: id: empty. Nothing was saved.'],
  [
    'a quota in a currency that is not a code, beside valid settings',
    () => saveSettingsRows({ settings: DEFAULT_SETTINGS, quota: { ...QUOTA, currency: 'dollars' } }),
    'Invalid settings.save: quota.currency: longer than 3 characters; quota.currency: not a currency code. Nothing was saved.',
  ],
  [
    'a period that ends before it starts',
    () => saveSettingsRows({ quota: { ...QUOTA, periodEnd: '2026-09-30' } }),
    'Invalid settings.save: quota: the period ends before it starts. Nothing was saved.',
  ],
  [
    'a reminder hour of 24',
    () => saveSettingsRows({ pace: { ...DEFAULT_PACE_SETTINGS, reminderHour: 24 } }),
    'Invalid settings.save: pace.reminderHour: Invalid value: Expected <=23 but received 24. Nothing was saved.',
  ],
  [
    'a conversion over 100 %',
    () =>
      saveSettingsRows({
        settings: { ...DEFAULT_SETTINGS, conversion: { ...DEFAULT_SETTINGS.conversion, upsell: 1.5 } },
      }),
    'Invalid settings.save: settings.conversion.upsell: Invalid value: Expected <=1 but received 1.5. Nothing was saved.',
  ],
  [
    'a name that is not text',
    () => saveMe({ name: 42, company: '', product: '', signature: '' } as never),
    'Invalid settings.saveMe: name: Invalid type: Expected string but received 42. Nothing was saved.',
  ],
];

describe('a page write with an invalid payload', () => {
  it.each(INVALID)('is refused with what is wrong, and writes nothing: %s', async (_case, write, message) => {
    const before = await snapshot();
    const refused = await write().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidWriteError);
    expect((refused as Error).message).toBe(message);
    expect(await snapshot()).toBe(before);
  });

  it('is worded as the router words the same field of a message', async () => {
    // outcome.record (a message) and outreach.setOutcome (a page write) share the amount's schema.
    const SELF = { id: 'self', origin: 'chrome-extension://self' };
    const reply = await route(
      { type: 'outcome.record', payload: { email: 'jane@example.com', outcome: 'won', wonAmount: -5 } },
      { id: SELF.id, origin: SELF.origin },
      SELF,
      { db: getDb, now: () => new Date() },
    );
    const page = await saveOutcome({ outreachId: 'o1', outcome: 'won', wonAmount: -5 }).catch((e: Error) => e);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Invalid outcome.record: wonAmount: not positive.' },
    });
    expect((page as Error).message).toBe('Invalid outreach.setOutcome: wonAmount: not positive. Nothing was saved.');
  });
});

describe('a page write with a valid payload', () => {
  it('records an outcome, owing a thank-you for help', async () => {
    await saveOutcome({ outreachId: 'o1', outcome: 'helped-referral' });
    const db = await getDb();
    expect(await db.get('outreach', 'o1')).toMatchObject({ status: 'resolved', outcome: 'helped-referral' });
    expect(await db.get('thanks', 'thanks:o1')).toMatchObject({ status: 'owed', contactId: 'c1' });
  });

  it('writes settings, quota and pace together, leaving out fields that were not given', async () => {
    const { daysOff: _daysOff, ...quota } = QUOTA;
    await saveSettingsRows({
      settings: DEFAULT_SETTINGS,
      quota: { ...quota, daysOff: undefined },
      pace: DEFAULT_PACE_SETTINGS,
    });
    const db = await getDb();
    const stored = await db.get('settings', 'quota');
    expect(stored).toEqual({ key: 'quota', value: quota });
    // Not stored as `undefined`: a backup compares records field by field.
    expect(Object.keys(stored?.value ?? {})).not.toContain('daysOff');
    expect(await db.get('settings', 'settings')).toEqual({ key: 'settings', value: DEFAULT_SETTINGS });
    expect(await db.get('settings', 'pace')).toEqual({ key: 'pace', value: DEFAULT_PACE_SETTINGS });
  });

  it("stores the manager brief's choices; no pace of the user's own is stored unless given", async () => {
    const db = await getDb();
    expect(await getBriefSettings(db)).toEqual({ help: [] });
    const help = [{ kind: 'pricing-approval' as const, text: 'Approve 10 % off for Acme.' }];
    await saveBriefSettings({ keepablePerDay: 6, help });
    expect(await getBriefSettings(db)).toEqual({ keepablePerDay: 6, help });
    await saveBriefSettings({ help });
    expect(await getBriefSettings(db)).toEqual({ help });
    await expect(saveBriefSettings({ keepablePerDay: 0, help })).rejects.toThrow(
      'Invalid brief.save: keepablePerDay: less than 1. Nothing was saved.',
    );
    await expect(saveBriefSettings({ help: [{ kind: 'a-raise' as never, text: '' }] })).rejects.toThrow(
      InvalidWriteError,
    );
    expect(await getBriefSettings(db)).toEqual({ help });
  });

  it('keeps the rest of the settings when only your name changes', async () => {
    const conversion = { ...DEFAULT_SETTINGS.conversion, upsell: 0.3 };
    await saveSettingsRows({ settings: { ...DEFAULT_SETTINGS, conversion } });
    const me = { name: 'Sam', company: 'Acme', product: 'Analytics', signature: '— Sam' };
    await saveMe(me);
    expect((await (await getDb()).get('settings', 'settings'))?.value).toEqual({
      me,
      conversion,
    });
  });

  it('stores a template as given (no undefined fields)', async () => {
    const { subject: _subject, ...linkedin } = { ...TEMPLATE, id: 'user:2', channel: 'linkedin-message' as const };
    await storeTemplate({ ...linkedin, subject: undefined });
    const stored = await (await getDb()).get('templates', 'user:2');
    expect(stored).toEqual(linkedin);
    expect(Object.keys(stored ?? {})).not.toContain('subject');
  });
});

describe('the options page’s whole-database writes', () => {
  it('refuses to restore records that were never checked, and writes nothing', async () => {
    const before = await snapshot();
    const forged: BackupData = { ...EMPTY_BACKUP, outreach: [{ ...ASK, kind: 'spam' as never }] };
    const refused = await restoreBackup(forged).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidWriteError);
    expect((refused as Error).message).toBe(
      'Invalid data.restore: outreach record 1: unknown-kind. Nothing was saved.',
    );
    expect(await snapshot()).toBe(before);
  });

  it('restores a file read through readBackupFile', async () => {
    const data: BackupData = { ...EMPTY_BACKUP, outreach: [{ ...ASK, id: 'o2', idempotencyKey: 'key-o2' }] };
    const read = readBackupFile(
      JSON.stringify({ format: 'gap-closer-backup', version: 1, schemaVersion: 1, stores: data }),
    );
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    await restoreBackup(read.backup.stores);
    expect((await exportAll(await getDb())).outreach.map((record) => record.id)).toEqual(['o2']);
  });

  it('refuses an import plan whose contacts break the stored record schema, and writes nothing', async () => {
    const before = await snapshot();
    const book = await bookForImport();
    const plan = planContactImport(
      book,
      [
        { row: 1, fullName: 'Ann Lee', firstName: 'Ann' },
        // A new contact without a first name: not a contact the store may hold.
        { row: 2, fullName: 'Bo Kim', firstName: undefined as unknown as string },
      ],
      [],
      Date.now(),
    );
    expect(plan.contacts.added).toHaveLength(2);
    const refused = await importPlanned(plan, book).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidWriteError);
    expect((refused as Error).message).toBe(
      'Invalid contacts.import: 1.firstName: Invalid type: Expected string but received undefined. Nothing was saved.',
    );
    expect(await snapshot()).toBe(before);
  });
});
