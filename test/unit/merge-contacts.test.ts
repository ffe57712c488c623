import { describe, expect, it } from 'vitest';
import { useFreshDatabases } from './fresh-db.ts';
import { CONTACT_HANDLERS } from '../../src/background/handlers/contacts.ts';
import type { HandlerContext } from '../../src/background/handlers/context.ts';
import { contactHint } from '../../src/shared/contact-hint.ts';
import type { Deal } from '../../src/shared/deals.ts';
import type { Contact, Outreach } from '../../src/shared/model.ts';
import { bucketOf } from '../../src/storage/archive-layout.ts';
import { archiveSettled, countOutreach, outreachOfContact, readSummary } from '../../src/storage/archive.ts';
import { contactByEmail, upsertContact } from '../../src/storage/contacts.ts';
import type { Db } from '../../src/storage/db.ts';
import { contactLedger, logFavour, recordOutreachOutcome } from '../../src/storage/follow-through.ts';
import {
  mergeContacts,
  mergeSameIdentifiers,
  readMerges,
  readRefusals,
  refuseSamePerson,
  samePersonSuggestions,
  undoMerge,
} from '../../src/storage/merge-contacts.ts';
import { MIGRATIONS } from '../../src/storage/migrations.ts';
import { logOutreach } from '../../src/storage/outreach.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 9);
const { fresh, atVersion } = useFreshDatabases('merge');

const LINKEDIN: Contact = {
  id: 'li-jordan',
  fullName: 'Jordan Lee',
  firstName: 'Jordan',
  headline: 'VP Operations at Acme Robotics',
  company: 'Acme Robotics Inc.',
  linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/',
  relationship: 'customer',
  notes: 'Bought the 2025 plan.',
  createdAt: NOW - 30 * DAY,
  updatedAt: NOW - 30 * DAY,
};
const GMAIL: Contact = {
  id: 'gm-jordan',
  fullName: 'Jordan Lee',
  firstName: 'Jordan',
  email: 'jordan@acme-robotics.com',
  notes: 'Prefers email.',
  createdAt: NOW - 20 * DAY,
  updatedAt: NOW - 20 * DAY,
};

function ask(id: string, contact: Contact, createdAt: number, extra: Partial<Outreach> = {}): Outreach {
  return {
    id,
    idempotencyKey: id,
    contactId: contact.id,
    contactName: contact.fullName,
    kind: 'referral-ask',
    channel: contact.email ? 'email' : 'linkedin-message',
    text: `ask ${id}`,
    createdAt,
    status: 'awaiting',
    ...extra,
  };
}

function deal(id: string, contactIds: string[]): Deal {
  return { id, name: `Deal ${id}`, state: 'open', contactIds, source: 'manual', createdAt: NOW, updatedAt: NOW };
}

/** The two Jordans with a history each: LinkedIn asks (one archived), an email ask helped and owed a thank-you, a favour, a deal, a referral. */
async function twoJordans(db: Db): Promise<void> {
  await db.put('contacts', LINKEDIN);
  await db.put('contacts', GMAIL);
  await db.put('contacts', {
    id: 'referred',
    fullName: 'Pat Doe',
    firstName: 'Pat',
    referredBy: GMAIL.id,
    createdAt: NOW,
    updatedAt: NOW,
  } as Contact);
  // Settled a month ago: moved to the archive (the email one in Gmail's bucket).
  await db.put(
    'outreach',
    ask('old-li', LINKEDIN, NOW - 25 * DAY, { status: 'resolved', outcome: 'no-reply', outcomeAt: NOW - 24 * DAY }),
  );
  await db.put(
    'outreach',
    ask('old-gm', GMAIL, NOW - 19 * DAY, { status: 'resolved', outcome: 'declined', outcomeAt: NOW - 18 * DAY }),
  );
  expect(await archiveSettled(db, NOW)).toBe(2);
  await db.put('outreach', ask('li-1', LINKEDIN, NOW - 2 * DAY));
  await db.put('outreach', ask('gm-1', GMAIL, NOW - DAY));
  await recordOutreachOutcome(db, 'gm-1', { outcome: 'helped-referral' }, NOW - DAY / 2);
  await logFavour(db, GMAIL.id, 'Sent them a candidate', NOW - 3 * DAY);
  await db.put('deals', deal('d-gm', [GMAIL.id]));
  await db.put('deals', deal('d-both', [LINKEDIN.id, GMAIL.id]));
  await db.put('settings', {
    key: 'queueState',
    value: { skipped: { [`customers:${GMAIL.id}`]: '2026-12-03' }, snoozedUntil: {}, notAFit: {} },
  });
}

describe('mergeContacts: every reference follows, in one transaction', () => {
  it('moves outreach (recent and archived), thank-yous, favours, deals, a referrer and the queue to the one kept', async () => {
    const db = await fresh();
    await twoJordans(db);
    expect(bucketOf(LINKEDIN.id)).not.toBe(bucketOf(GMAIL.id));
    const summaryBefore = await readSummary(db.transaction('archive').store);

    const { contact, record } = await mergeContacts(db, LINKEDIN.id, GMAIL.id, 'confirmed', NOW);

    expect(await db.get('contacts', GMAIL.id)).toBeUndefined();
    expect(await db.get('contacts', LINKEDIN.id)).toEqual(contact);
    expect(contact).toMatchObject({
      fullName: 'Jordan Lee',
      company: 'Acme Robotics Inc.',
      headline: 'VP Operations at Acme Robotics',
      relationship: 'customer',
      email: 'jordan@acme-robotics.com',
      linkedinUrl: 'https://www.linkedin.com/in/jordan-lee/',
      notes: 'Bought the 2025 plan.\n\nPrefers email.',
    });
    const history = await outreachOfContact(db, LINKEDIN.id);
    expect(history.map((item) => item.id).sort()).toEqual(['gm-1', 'li-1', 'old-gm', 'old-li']);
    expect(await outreachOfContact(db, GMAIL.id)).toEqual([]);
    expect(await countOutreach(db)).toBe(4);
    // The archive's counts, tally and wins are the same records under another name.
    expect(await readSummary(db.transaction('archive').store)).toEqual(summaryBefore);
    expect((await db.getAllFromIndex('thanks', 'byContact', LINKEDIN.id)).map((item) => item.outreachId)).toEqual([
      'gm-1',
    ]);
    expect(await db.getAllFromIndex('favours', 'byContact', LINKEDIN.id)).toHaveLength(1);
    expect((await db.get('deals', 'd-gm'))?.contactIds).toEqual([LINKEDIN.id]);
    expect((await db.get('deals', 'd-both'))?.contactIds).toEqual([LINKEDIN.id]);
    expect(((await db.get('contacts', 'referred')) as unknown as { referredBy: string }).referredBy).toBe(LINKEDIN.id);
    const queueState = await db.get('settings', 'queueState');
    expect(JSON.stringify(queueState)).toContain(`customers:${LINKEDIN.id}`);
    expect(JSON.stringify(queueState)).not.toContain(GMAIL.id);
    // The ledger now counts both histories: 2 recent asks + 2 archived, one help owed a thank-you.
    const { ledger } = await contactLedger(db, LINKEDIN.id, 'Jordan', NOW);
    expect(ledger).toMatchObject({ asksMade: 4, helpReceived: 1, favoursGiven: 1, thanksOwed: 1 });
    expect(record).toMatchObject({
      reason: 'confirmed',
      removed: GMAIL,
      keptBefore: LINKEDIN,
      favours: [expect.any(String)],
    });
    expect(record.outreach.sort()).toEqual(['gm-1', 'old-gm']);
    expect((await readMerges(db)).map((merge) => merge.id)).toEqual([record.id]);
  });

  it('writes nothing when any step fails', async () => {
    const db = await fresh();
    await twoJordans(db);
    const before = await Promise.all([
      db.getAll('contacts'),
      db.getAll('outreach'),
      db.getAll('thanks'),
      db.getAll('deals'),
    ]);
    await expect(mergeContacts(db, LINKEDIN.id, 'gone', 'confirmed', NOW)).rejects.toThrow('no longer exists');
    // A failure half-way (the settings store refuses the write) rolls back the moves before it.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'settings') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(mergeContacts(db, LINKEDIN.id, GMAIL.id, 'confirmed', NOW)).rejects.toThrow('disk full');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(
      await Promise.all([db.getAll('contacts'), db.getAll('outreach'), db.getAll('thanks'), db.getAll('deals')]),
    ).toEqual(before);
    expect(await outreachOfContact(db, GMAIL.id)).toHaveLength(2);
  });

  it('undoes a merge: both contacts and their own records back, and the pair remembered as two people', async () => {
    const db = await fresh();
    await twoJordans(db);
    const { record } = await mergeContacts(db, LINKEDIN.id, GMAIL.id, 'confirmed', NOW);
    await undoMerge(db, record.id, NOW + 1);
    expect(await db.get('contacts', GMAIL.id)).toEqual({ ...GMAIL, updatedAt: NOW + 1 });
    expect(await db.get('contacts', LINKEDIN.id)).toEqual({ ...LINKEDIN, updatedAt: NOW + 1 });
    expect((await outreachOfContact(db, GMAIL.id)).map((item) => item.id).sort()).toEqual(['gm-1', 'old-gm']);
    expect((await outreachOfContact(db, LINKEDIN.id)).map((item) => item.id).sort()).toEqual(['li-1', 'old-li']);
    expect(await db.getAllFromIndex('thanks', 'byContact', GMAIL.id)).toHaveLength(1);
    expect(await db.getAllFromIndex('favours', 'byContact', GMAIL.id)).toHaveLength(1);
    expect((await db.get('deals', 'd-gm'))?.contactIds).toEqual([GMAIL.id]);
    expect((await db.get('deals', 'd-both'))?.contactIds.sort()).toEqual([GMAIL.id, LINKEDIN.id].sort());
    expect(((await db.get('contacts', 'referred')) as unknown as { referredBy: string }).referredBy).toBe(GMAIL.id);
    expect(await readMerges(db)).toEqual([]);
    expect(await readRefusals(db)).toEqual(new Set([`${GMAIL.id}|${LINKEDIN.id}`]));
    expect(await samePersonSuggestions(db)).toEqual([]);
  });
});

describe('refusals', () => {
  it('"Not the same person" is remembered: no suggestion, no merge, no automatic merge', async () => {
    const db = await fresh();
    await db.put('contacts', LINKEDIN);
    await db.put('contacts', GMAIL);
    expect((await samePersonSuggestions(db)).map((pair) => pair.match)).toEqual([
      { kind: 'likely', reason: 'name-email-domain' },
    ]);
    await refuseSamePerson(db, GMAIL.id, LINKEDIN.id);
    expect(await samePersonSuggestions(db)).toEqual([]);
    await expect(mergeContacts(db, LINKEDIN.id, GMAIL.id)).rejects.toThrow('two different people');
    // A page naming the profile and the address of the two does not merge them either.
    await upsertContact(db, { fullName: 'Jordan Lee', linkedinUrl: LINKEDIN.linkedinUrl, email: GMAIL.email }, NOW);
    expect(await db.count('contacts')).toBe(2);
  });
});

describe('merging automatically where contacts come in', () => {
  it('a profile and an address naming two contacts merge them, with the history of both', async () => {
    const db = await fresh();
    await db.put('contacts', LINKEDIN);
    await db.put('contacts', { ...GMAIL, fullName: 'jordan@acme-robotics.com' });
    await db.put('outreach', ask('li-1', LINKEDIN, NOW - 2 * DAY));
    await db.put('outreach', ask('gm-1', GMAIL, NOW - DAY));
    const contact = await upsertContact(
      db,
      {
        fullName: 'Jordan Lee',
        linkedinUrl: 'https://de.linkedin.com/in/Jordan-Lee/de/',
        email: 'JORDAN@Acme-Robotics.com',
      },
      NOW,
    );
    expect(await db.getAll('contacts')).toEqual([contact]);
    expect(contact).toMatchObject({
      id: LINKEDIN.id,
      fullName: 'Jordan Lee',
      relationship: 'customer',
      email: GMAIL.email,
    });
    expect((await outreachOfContact(db, LINKEDIN.id)).map((item) => item.id).sort()).toEqual(['gm-1', 'li-1']);
    expect((await readMerges(db))[0]).toMatchObject({ reason: 'email', removed: { id: GMAIL.id } });
  });

  it('does not merge a profile with a shared address whose contact has another name', async () => {
    const db = await fresh();
    await db.put('contacts', LINKEDIN);
    await db.put('contacts', {
      ...GMAIL,
      id: 'team',
      fullName: 'Acme Robotics Sales',
      email: 'sales@acme-robotics.com',
    });
    const contact = await upsertContact(
      db,
      { fullName: 'Jordan Lee', linkedinUrl: LINKEDIN.linkedinUrl, email: 'sales@acme-robotics.com' },
      NOW,
    );
    expect(contact.id).toBe(LINKEDIN.id);
    expect(await db.count('contacts')).toBe(2);
    expect(await mergeSameIdentifiers(db, NOW)).toBe(0);
    // Listed for the user instead.
    expect((await samePersonSuggestions(db)).map((pair) => pair.match)).toEqual([{ kind: 'likely', reason: 'email' }]);
  });

  it('finds the contact by its profile or address written another way, and keeps a new address beside the known one', async () => {
    const db = await fresh();
    await db.put('contacts', { ...LINKEDIN, email: 'jordan@acme-robotics.com' });
    const byProfile = await upsertContact(
      db,
      { fullName: 'Jordan Lee', linkedinUrl: 'https://www.linkedin.com/in/JORDAN-LEE/' },
      NOW,
    );
    expect(byProfile.id).toBe(LINKEDIN.id);
    const byAddress = await upsertContact(db, { fullName: 'Jordan Lee', email: 'Jordan@ACME-robotics.com' }, NOW);
    expect(byAddress).toMatchObject({ id: LINKEDIN.id, email: 'jordan@acme-robotics.com' });
    expect(byAddress.otherEmails).toBeUndefined();
    const another = await upsertContact(
      db,
      { fullName: 'Jordan Lee', linkedinUrl: LINKEDIN.linkedinUrl, email: 'jl@home.net' },
      NOW,
    );
    expect(another).toMatchObject({ email: 'jordan@acme-robotics.com', otherEmails: ['jl@home.net'] });
    // Gmail later writes to the other address: the same contact, through the v6 index.
    expect((await contactByEmail(db, 'JL@home.net'))?.id).toBe(LINKEDIN.id);
    const logged = await logOutreach(
      db,
      { idempotencyKey: 'k1', contactName: 'Jordan Lee', kind: 'referral-ask', channel: 'email', text: 'Hi' },
      NOW,
      { fullName: 'Jordan Lee', email: 'jl@home.net' },
    );
    expect(logged.record.contactId).toBe(LINKEDIN.id);
    expect(await db.count('contacts')).toBe(1);
  });

  it('after an import, contacts sharing an identifier written alike are merged; suggestions stay for the user', async () => {
    const db = await fresh();
    await db.put('contacts', LINKEDIN);
    await db.put('contacts', {
      ...GMAIL,
      id: 'imported',
      fullName: 'J. Lee',
      linkedinUrl: 'linkedin.com/in/Jordan-Lee',
      createdAt: NOW,
    });
    await db.put('contacts', GMAIL);
    await db.put('outreach', ask('gm-1', GMAIL, NOW - DAY));
    // The imported row shares the profile with one and the address with the other: all three are one.
    expect(await mergeSameIdentifiers(db, NOW)).toBe(2);
    const [merged] = await db.getAll('contacts');
    expect(await db.count('contacts')).toBe(1);
    expect(merged).toMatchObject({ id: LINKEDIN.id, email: GMAIL.email, relationship: 'customer' });
    expect((await outreachOfContact(db, LINKEDIN.id)).map((item) => item.id)).toEqual(['gm-1']);
    expect(await mergeSameIdentifiers(db, NOW)).toBe(0);
  });
});

describe('the over-asking warning counts the whole person', () => {
  it('two asks from LinkedIn and one by email: "asked often" only once they are one contact', async () => {
    const db = await fresh();
    await db.put('contacts', LINKEDIN);
    await db.put('contacts', GMAIL);
    await db.put('outreach', ask('li-1', LINKEDIN, NOW - 3 * DAY));
    await db.put('outreach', ask('gm-1', GMAIL, NOW - DAY));
    const ctx = { db: () => Promise.resolve(db), now: () => new Date(NOW) } as unknown as HandlerContext;
    const context = CONTACT_HANDLERS['contact.context'];
    expect(await context({ linkedinUrl: LINKEDIN.linkedinUrl ?? '' }, ctx)).toMatchObject({
      hint: { kind: 'asked-days-ago', days: 3 },
    });
    await mergeContacts(db, LINKEDIN.id, GMAIL.id, 'confirmed', NOW);
    expect(await context({ linkedinUrl: 'https://www.linkedin.com/in/jordan-lee' }, ctx)).toMatchObject({
      relationship: 'customer',
      hint: { kind: 'asked-often', times: 2 },
    });
    expect(contactHint(await outreachOfContact(db, LINKEDIN.id), NOW)).toEqual({
      kind: 'asked-often',
      times: 2,
      days: 30,
    });
  });
});

describe('migration to v6: other addresses by index', () => {
  it('keeps every v5 record, adds the index, and a merge on the upgraded book finds the kept address', async () => {
    const { db: v5, upgrade } = await atVersion(5);
    await v5.put('contacts', LINKEDIN);
    await v5.put('contacts', { ...GMAIL, email: 'Jordan@Acme-Robotics.com' });
    await v5.put('outreach', ask('gm-1', GMAIL, NOW - DAY));
    await v5.put('deals', deal('d1', [GMAIL.id]));
    expect(v5.transaction('contacts').store.indexNames.contains('byOtherEmail')).toBe(false);

    const db = await upgrade();
    expect(db.version).toBe(MIGRATIONS.length);
    expect(db.transaction('contacts').store.indexNames.contains('byOtherEmail')).toBe(true);
    expect((await db.getAll('contacts')).map((contact) => contact.id).sort()).toEqual([GMAIL.id, LINKEDIN.id]);
    expect(await db.get('contacts', LINKEDIN.id)).toEqual(LINKEDIN);
    expect(await db.get('contacts', GMAIL.id)).toEqual(GMAIL);
    expect(await db.get('outreach', 'gm-1')).toEqual(ask('gm-1', GMAIL, NOW - DAY));
    // The v5 address was stored in another case: lower-cased, found, and merged with a later address.
    expect((await contactByEmail(db, 'jordan@acme-robotics.com'))?.id).toBe(GMAIL.id);
    await db.put('contacts', { ...LINKEDIN, email: 'jl@home.net' });
    await mergeContacts(db, LINKEDIN.id, GMAIL.id, 'confirmed', NOW);
    expect((await contactByEmail(db, 'jordan@acme-robotics.com'))?.id).toBe(LINKEDIN.id);
    expect((await db.get('deals', 'd1'))?.contactIds).toEqual([LINKEDIN.id]);
  });
});
