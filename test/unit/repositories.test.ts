import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/defaults.ts';
import type { Outreach, Quota, Settings } from '../../src/shared/model.ts';
import { getContact, upsertContact } from '../../src/storage/contacts.ts';
import { openDatabase, type Db } from '../../src/storage/db.ts';
import { wonInPeriod } from '../../src/storage/day.ts';
import { logOutreach, type NewOutreach } from '../../src/storage/outreach.ts';
import type { SettingsRow } from '../../src/storage/schema.ts';
import { getQuota, getSettings, saveQuota, saveSettings } from '../../src/storage/settings.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const JORDAN_URL = 'https://www.linkedin.com/in/jordan-whitfield/';

let counter = 0;
let db: Db;

beforeEach(async () => {
  counter += 1;
  db = await openDatabase({ name: `repositories-test-${counter}-${Math.random().toString(36).slice(2)}` });
});

afterEach(() => {
  db.close();
});

describe('upsertContact', () => {
  it('creates a contact with a first name, ids and timestamps', async () => {
    const contact = await upsertContact(
      db,
      { fullName: 'Dr. Jordan Whitfield', headline: 'Tech Lead', company: 'Morgan Mbeki', linkedinUrl: JORDAN_URL },
      1_000,
    );
    expect(contact).toEqual({
      id: expect.stringMatching(UUID),
      fullName: 'Dr. Jordan Whitfield',
      firstName: 'Jordan',
      headline: 'Tech Lead',
      company: 'Morgan Mbeki',
      linkedinUrl: JORDAN_URL,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await getContact(db, contact.id)).toEqual(contact);
  });

  it('uses a given first name and stores no empty optional fields', async () => {
    const contact = await upsertContact(
      db,
      { fullName: 'Jordan Whitfield', firstName: 'Jo', headline: '', company: '', email: '' },
      5,
    );
    expect(contact).toEqual({
      id: expect.stringMatching(UUID),
      fullName: 'Jordan Whitfield',
      firstName: 'Jo',
      createdAt: 5,
      updatedAt: 5,
    });
    expect(Object.keys((await getContact(db, contact.id)) ?? {}).sort()).toEqual([
      'createdAt',
      'firstName',
      'fullName',
      'id',
      'updatedAt',
    ]);
  });

  it("finds the contact by LinkedIn URL, refreshes page facts and keeps the user's own", async () => {
    const created = await upsertContact(
      db,
      { fullName: 'Jordan Whitfield', headline: 'Old headline', linkedinUrl: JORDAN_URL },
      1_000,
    );
    // The user adds a relationship and notes in the popup.
    await db.put('contacts', {
      ...created,
      relationship: 'customer',
      notes: 'Bought in March',
      email: 'jordan@example.com',
    });

    const updated = await upsertContact(
      db,
      { fullName: 'Jordan A. Whitfield', headline: 'New headline', company: 'Morgan Mbeki', linkedinUrl: JORDAN_URL },
      2_000,
    );
    expect(updated).toEqual({
      id: created.id,
      fullName: 'Jordan A. Whitfield',
      firstName: 'Jordan',
      headline: 'New headline',
      company: 'Morgan Mbeki',
      email: 'jordan@example.com',
      linkedinUrl: JORDAN_URL,
      relationship: 'customer',
      notes: 'Bought in March',
      createdAt: 1_000,
      updatedAt: 2_000,
    });
    expect(await db.count('contacts')).toBe(1);
    expect(await getContact(db, created.id)).toEqual(updated);
  });

  it('falls back to the email when no contact has the LinkedIn URL', async () => {
    const created = await upsertContact(db, { fullName: 'Avery Lindqvist', email: 'avery@example.com' }, 1);
    const byEmail = await upsertContact(
      db,
      { fullName: 'Avery Lindqvist', email: 'avery@example.com', headline: 'Researcher.' },
      2,
    );
    expect(byEmail.id).toBe(created.id);
    expect(byEmail.headline).toBe('Researcher.');

    const withUrl = await upsertContact(
      db,
      { fullName: 'Avery Lindqvist', email: 'avery@example.com', linkedinUrl: 'https://www.linkedin.com/in/avery/' },
      3,
    );
    expect(withUrl.id).toBe(created.id);
    expect(withUrl.linkedinUrl).toBe('https://www.linkedin.com/in/avery/');
    expect(withUrl.createdAt).toBe(1);
    expect(withUrl.updatedAt).toBe(3);
    expect(await db.count('contacts')).toBe(1);
  });

  it('prefers the LinkedIn URL match over an email match', async () => {
    const byUrl = await upsertContact(db, { fullName: 'Jordan Whitfield', linkedinUrl: JORDAN_URL }, 1);
    const byMail = await upsertContact(db, { fullName: 'Someone Else', email: 'shared@example.com' }, 2);
    const result = await upsertContact(
      db,
      { fullName: 'Jordan Whitfield', linkedinUrl: JORDAN_URL, email: 'shared@example.com' },
      3,
    );
    expect(result.id).toBe(byUrl.id);
    expect((await getContact(db, byMail.id))?.fullName).toBe('Someone Else');
    expect(await db.count('contacts')).toBe(2);
  });

  it('creates separate contacts for different URLs and for inputs with no URL or email', async () => {
    await upsertContact(db, { fullName: 'A One', linkedinUrl: 'https://www.linkedin.com/in/a/' });
    await upsertContact(db, { fullName: 'B Two', linkedinUrl: 'https://www.linkedin.com/in/b/' });
    await upsertContact(db, { fullName: 'No Key' });
    await upsertContact(db, { fullName: 'No Key' });
    expect(await db.count('contacts')).toBe(4);
  });
});

function newOutreach(overrides: Partial<NewOutreach> = {}): NewOutreach {
  return {
    idempotencyKey: 'key-00000001',
    contactId: 'c1',
    contactName: 'Jordan Whitfield',
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: 'Hi Jordan',
    followUpOn: '2026-12-02',
    ...overrides,
  };
}

describe('logOutreach', () => {
  it('stores an awaiting record with an id and the creation time', async () => {
    const { record, created } = await logOutreach(db, newOutreach(), 1_234);
    expect(created).toBe(true);
    expect(record).toEqual({ id: expect.stringMatching(UUID), ...newOutreach(), createdAt: 1_234, status: 'awaiting' });
    expect(await db.get('outreach', record.id)).toEqual(record);
  });

  it('stores a record once per idempotency key and returns the stored one on a retry', async () => {
    const first = await logOutreach(db, newOutreach(), 1_000);
    const retry = await logOutreach(db, newOutreach({ text: 'changed on retry' }), 2_000);
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.record).toEqual(first.record);
    expect(await db.count('outreach')).toBe(1);
    expect((await db.getAll('outreach'))[0]?.text).toBe('Hi Jordan');
    expect((await db.getAll('outreach'))[0]?.createdAt).toBe(1_000);

    const other = await logOutreach(db, newOutreach({ idempotencyKey: 'key-00000002' }), 3_000);
    expect(other.created).toBe(true);
    expect(other.record.id).not.toBe(first.record.id);
    expect(await db.count('outreach')).toBe(2);
  });

  it('stores a thank-you as resolved: it waits for no answer', async () => {
    const { record } = await logOutreach(db, newOutreach({ kind: 'thank-you', idempotencyKey: 'thanks-0001' }), 10);
    expect(record.status).toBe('resolved');
    expect((await db.getAll('outreach')).filter((stored) => stored.status === 'awaiting')).toEqual([]);
  });

  it('stores once, and reports one creation, when the same key is logged concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => logOutreach(db, newOutreach(), n)));
    expect(new Set(results.map((r) => r.record.id)).size).toBe(1);
    expect(results.map((r) => r.created)).toEqual([true, false, false]);
    expect(await db.count('outreach')).toBe(1);
  });
});

async function putOutreach(id: string, fields: Partial<Outreach>): Promise<void> {
  await db.put('outreach', {
    id,
    idempotencyKey: id,
    contactName: 'X',
    kind: 'referral-ask',
    channel: 'email',
    text: 't',
    createdAt: 0,
    status: 'awaiting',
    ...fields,
  });
}

describe('wonInPeriod', () => {
  it('sums won amounts whose outcome time is in [start, end) and ignores every other outcome', async () => {
    await putOutreach('w1', { status: 'resolved', outcome: 'won', wonAmount: 1_000, outcomeAt: 100 }); // at start: in
    await putOutreach('w2', { status: 'resolved', outcome: 'won', wonAmount: 250.5, outcomeAt: 150 });
    await putOutreach('w3', { status: 'resolved', outcome: 'won', wonAmount: 7_000, outcomeAt: 200 }); // at end: out
    await putOutreach('w4', { status: 'resolved', outcome: 'won', wonAmount: 9_000, outcomeAt: 99 }); // before: out
    await putOutreach('w5', { status: 'resolved', outcome: 'won', outcomeAt: 120 }); // no amount: 0
    await putOutreach('l1', { status: 'resolved', outcome: 'lost', wonAmount: 50_000, outcomeAt: 130 });
    await putOutreach('m1', { status: 'resolved', outcome: 'meeting', wonAmount: 60_000, outcomeAt: 140 });
    await putOutreach('n1', { status: 'awaiting', wonAmount: 70_000 }); // no outcome time: not indexed
    expect(await wonInPeriod(db, 100, 200)).toEqual({ amount: 1_250.5, deals: 3 });
    expect(await wonInPeriod(db, 0, 1_000)).toEqual({ amount: 17_250.5, deals: 5 });
    expect(await wonInPeriod(db, 200, 201)).toEqual({ amount: 7_000, deals: 1 });
    expect(await wonInPeriod(db, 300, 400)).toEqual({ amount: 0, deals: 0 });
  });
});

describe('settings', () => {
  it('gives the defaults on first run', async () => {
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips saved settings', async () => {
    const settings: Settings = {
      me: { name: 'Sam Carter', company: 'Acme Ltd', product: 'Acme Analytics', signature: 'Sam' },
      conversion: { ...DEFAULT_SETTINGS.conversion, 'referral-ask': 0.2 },
    };
    await saveSettings(db, settings);
    expect(await getSettings(db)).toEqual(settings);
  });

  it('fills fields an older record lacks with their defaults and leaves the old in-page switch behind', async () => {
    const partial = {
      me: { name: 'Sam Carter' },
      conversion: { upsell: 0.3 },
      inPageButtons: true,
    } as unknown as Settings;
    await db.put('settings', { key: 'settings', value: partial } as SettingsRow);
    expect(await getSettings(db)).toEqual({
      me: { name: 'Sam Carter', company: '', product: '', signature: '' },
      conversion: { ...DEFAULT_SETTINGS.conversion, upsell: 0.3 },
    });
  });

  it('returns copies: changing the result does not change the defaults', async () => {
    const settings = await getSettings(db);
    settings.me.name = 'Changed';
    settings.conversion['referral-ask'] = 0.99;
    expect(DEFAULT_SETTINGS.me.name).toBe('');
    expect(DEFAULT_SETTINGS.conversion['referral-ask']).toBe(0.1);
    expect((await getSettings(db)).me.name).toBe('');
  });
});

describe('quota', () => {
  const QUOTA: Quota = {
    periodStart: '2026-11-01',
    periodEnd: '2026-12-31',
    target: 120_000,
    currency: 'EUR',
    closedBaseline: 30_000,
    averageDealSize: 10_000,
  };

  it('is undefined until saved, then round-trips', async () => {
    expect(await getQuota(db)).toBeUndefined();
    await saveQuota(db, QUOTA);
    expect(await getQuota(db)).toEqual(QUOTA);
    await saveQuota(db, { ...QUOTA, target: 150_000 });
    expect((await getQuota(db))?.target).toBe(150_000);
  });

  it('is stored apart from the settings', async () => {
    await saveQuota(db, QUOTA);
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    await saveSettings(db, { ...DEFAULT_SETTINGS, me: { ...DEFAULT_SETTINGS.me, name: 'Sam' } });
    expect(await getQuota(db)).toEqual(QUOTA);
    expect(await db.count('settings')).toBe(2);
  });
});
