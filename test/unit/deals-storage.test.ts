import { describe, expect, it } from 'vitest';
import { useFreshDatabases } from './fresh-db.ts';
import type { Deal } from '../../src/shared/deals.ts';
import type { Contact } from '../../src/shared/model.ts';
import {
  countDeals,
  dealsOfContact,
  deleteDeal,
  getDeal,
  listDeals,
  listStalledDeals,
  putDeals,
  recordImpediment,
  setDealState,
} from '../../src/storage/deals.ts';
import { DB_VERSION } from '../../src/storage/migrations.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 9);
const TODAY = '2026-12-03';
const { fresh, atVersion } = useFreshDatabases('deals');

function deal(id: string, extra: Partial<Deal> = {}): Deal {
  return {
    id,
    name: `Deal ${id}`,
    state: 'open',
    contactIds: [],
    source: 'manual',
    createdAt: NOW - 100 * DAY,
    updatedAt: NOW - 10 * DAY,
    lastActivityAt: NOW - 2 * DAY,
    ...extra,
  };
}

describe('migration to v5: the deals store', () => {
  it('adds an empty deals store with its indexes and keeps every v4 record', async () => {
    const { db: v4, upgrade } = await atVersion(4);
    const contact: Contact = { id: 'c1', fullName: 'Avery Lindqvist', firstName: 'Avery', createdAt: 1, updatedAt: 2 };
    await v4.put('contacts', contact);
    expect(v4.objectStoreNames.contains('deals')).toBe(false);

    const db = await upgrade();
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(5);
    const store = db.transaction('deals').store;
    expect(store.keyPath).toBe('id');
    const indexes = Object.fromEntries(
      [...store.indexNames].map((index) => {
        const i = store.index(index);
        return [index, { keyPath: i.keyPath, multiEntry: i.multiEntry, unique: i.unique }];
      }),
    );
    expect(indexes).toEqual({
      byState: { keyPath: 'state', multiEntry: false, unique: false },
      byContact: { keyPath: 'contactIds', multiEntry: true, unique: false },
      byUpdatedAt: { keyPath: 'updatedAt', multiEntry: false, unique: false },
      byWonAt: { keyPath: 'wonAt', multiEntry: false, unique: false },
    });
    expect(await db.count('deals')).toBe(0);
    expect(await db.getAll('contacts')).toEqual([contact]);
  });
});

describe('the deals storage API', () => {
  it('puts, gets and lists deals, newest update first, filtered by state', async () => {
    const db = await fresh();
    await putDeals(db, [
      deal('a', { updatedAt: NOW - 3 * DAY }),
      deal('b', { state: 'won', wonAt: NOW - DAY, updatedAt: NOW - DAY }),
      deal('c', { updatedAt: NOW - 2 * DAY }),
    ]);
    expect(await countDeals(db)).toBe(3);
    expect((await getDeal(db, 'b'))?.state).toBe('won');
    expect((await listDeals(db)).map((d) => d.id)).toEqual(['b', 'c', 'a']);
    expect((await listDeals(db, { state: 'open' })).map((d) => d.id)).toEqual(['c', 'a']);
    expect((await listDeals(db, { state: 'lost' })).map((d) => d.id)).toEqual([]);
    // Putting again replaces by id.
    await putDeals(db, [deal('a', { name: 'Renamed', updatedAt: NOW })]);
    expect(await countDeals(db)).toBe(3);
    expect((await getDeal(db, 'a'))?.name).toBe('Renamed');
    await deleteDeal(db, 'a');
    expect(await getDeal(db, 'a')).toBeUndefined();
  });

  it('writes all deals or none', async () => {
    const db = await fresh();
    await putDeals(db, [deal('kept')]);
    const broken = { ...deal('bad'), id: undefined } as unknown as Deal;
    await expect(putDeals(db, [deal('new'), broken])).rejects.toThrow();
    expect((await listDeals(db)).map((d) => d.id)).toEqual(['kept']);
  });

  it("finds a contact's deals through the multi-entry index", async () => {
    const db = await fresh();
    await putDeals(db, [deal('a', { contactIds: ['c1', 'c2'] }), deal('b', { contactIds: ['c2'] }), deal('c')]);
    expect((await dealsOfContact(db, 'c1')).map((d) => d.id)).toEqual(['a']);
    expect((await dealsOfContact(db, 'c2')).map((d) => d.id).sort()).toEqual(['a', 'b']);
    expect(await dealsOfContact(db, 'c3')).toEqual([]);
  });

  it('lists the stalled open deals: idle 21 days or past the close date', async () => {
    const db = await fresh();
    await putDeals(db, [
      deal('fresh'),
      deal('idle', { lastActivityAt: NOW - 21 * DAY }),
      deal('overdue', { closeDate: '2026-12-02' }),
      deal('won-idle', { state: 'won', lastActivityAt: NOW - 90 * DAY }),
    ]);
    expect((await listStalledDeals(db, NOW, TODAY)).map((d) => d.id).sort()).toEqual(['idle', 'overdue']);
    expect((await listStalledDeals(db, NOW, TODAY, 30)).map((d) => d.id)).toEqual(['overdue']);
  });

  it('records the impediment and next step after a revival, which counts as activity', async () => {
    const db = await fresh();
    await putDeals(db, [deal('a', { nextStep: 'old step', lastActivityAt: NOW - 40 * DAY })]);
    const saved = await recordImpediment(
      db,
      'a',
      { kind: 'decision-maker', note: 'CFO signs', at: NOW },
      ' Meet the CFO ',
      NOW,
    );
    expect(saved).toMatchObject({
      impediment: { kind: 'decision-maker', note: 'CFO signs', at: NOW },
      nextStep: 'Meet the CFO',
      lastActivityAt: NOW,
      updatedAt: NOW,
    });
    expect(await getDeal(db, 'a')).toEqual(saved);
    expect(await listStalledDeals(db, NOW, TODAY)).toEqual([]);
    const cleared = await recordImpediment(db, 'a', { kind: 'unknown', at: NOW + 1 }, '', NOW + 1);
    expect(cleared.nextStep).toBeUndefined();
    await expect(recordImpediment(db, 'missing', { kind: 'budget', at: NOW }, undefined, NOW)).rejects.toThrow(
      'no longer exists',
    );
  });

  it('stamps the day of a win, keeps an earlier one, and clears it when reopened', async () => {
    const db = await fresh();
    await putDeals(db, [deal('a'), deal('b', { state: 'won', wonAt: NOW - 5 * DAY })]);
    expect((await setDealState(db, 'a', 'won', NOW)).wonAt).toBe(NOW);
    expect((await setDealState(db, 'b', 'won', NOW)).wonAt).toBe(NOW - 5 * DAY);
    const reopened = await setDealState(db, 'b', 'open', NOW);
    expect(reopened.wonAt).toBeUndefined();
    expect(reopened.state).toBe('open');
  });
});

describe('a won deal counts against the quota period of its win', () => {
  it('adds won deals of the period (quota currency or none), once when the win was also logged as outreach', async () => {
    const { wonInPeriod } = await import('../../src/storage/day.ts');
    const db = await fresh();
    const start = Date.UTC(2026, 9, 1);
    const end = Date.UTC(2027, 0, 1);
    await putDeals(db, [
      deal('in', { state: 'won', amount: 48_000, currency: 'USD', wonAt: Date.UTC(2026, 10, 3) }),
      deal('no-currency', { state: 'won', amount: 2_000, wonAt: Date.UTC(2026, 11, 1) }),
      deal('before', { state: 'won', amount: 9_000, wonAt: Date.UTC(2026, 8, 30) }),
      deal('euro', { state: 'won', amount: 7_000, currency: 'EUR', wonAt: Date.UTC(2026, 10, 3) }),
      deal('logged', { state: 'won', amount: 5_000, wonAt: Date.UTC(2026, 10, 4) }),
      deal('open', { amount: 1_000 }),
    ]);
    await db.put('outreach', {
      id: 'o1',
      idempotencyKey: 'o1',
      contactName: 'Maya Ortiz',
      kind: 'stalled-revival',
      channel: 'email',
      text: 'Hello',
      createdAt: Date.UTC(2026, 10, 1),
      status: 'resolved',
      outcome: 'won',
      wonAmount: 5_000,
      outcomeAt: Date.UTC(2026, 10, 4),
      dealId: 'logged',
    });
    expect(await wonInPeriod(db, start, end, 'USD')).toEqual({ amount: 48_000 + 2_000 + 5_000, deals: 3 });
  });
});

describe('a stalled-deal revival belongs to its deal', () => {
  it('is logged with the deal’s id and makes the deal active again, in the same transaction', async () => {
    const { logOutreach } = await import('../../src/storage/outreach.ts');
    const db = await fresh();
    await putDeals(db, [deal('d1', { lastActivityAt: NOW - 60 * DAY })]);
    const { record } = await logOutreach(
      db,
      {
        idempotencyKey: 'k1',
        contactName: 'Maya Ortiz',
        kind: 'stalled-revival',
        channel: 'email',
        text: 'Where do we stand?',
        dealId: 'd1',
      },
      NOW,
      { fullName: 'Maya Ortiz', email: 'maya@brightwater.example' },
    );
    expect(record.dealId).toBe('d1');
    expect((await getDeal(db, 'd1'))?.lastActivityAt).toBe(NOW);
    expect(await listStalledDeals(db, NOW, TODAY)).toEqual([]);
  });

  it('the message contract takes a deal only with a stalled-deal revival', async () => {
    const { MESSAGE_SCHEMAS } = await import('../../src/messaging/contract.ts');
    const v = await import('valibot');
    const base = {
      idempotencyKey: crypto.randomUUID(),
      kind: 'stalled-revival',
      channel: 'email',
      text: 'Hi',
      person: { fullName: 'Maya Ortiz' },
      dealId: 'hubspot:9001',
    };
    expect(v.safeParse(MESSAGE_SCHEMAS['outreach.log'], base).success).toBe(true);
    expect(v.safeParse(MESSAGE_SCHEMAS['outreach.log'], { ...base, kind: 'referral-ask' }).success).toBe(false);
  });
});
