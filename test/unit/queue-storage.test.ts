import { describe, expect, it } from 'vitest';
import { useFreshDatabases } from './fresh-db.ts';
import { localDateOf } from '../../src/shared/dates.ts';
import type { Contact, Quota } from '../../src/shared/model.ts';
import type { Db } from '../../src/storage/db.ts';
import { putDeals } from '../../src/storage/deals.ts';
import { logOutreach } from '../../src/storage/outreach.ts';
import {
  actOnQueueLine,
  getQueueState,
  readQueue,
  readWholeQueue,
  refreshQueue,
  refreshQueueIfStale,
} from '../../src/storage/queue.ts';
import { getPaceSettings, savePaceSettings, saveQuota } from '../../src/storage/settings.ts';

const DAY = 86_400_000;
const { fresh } = useFreshDatabases('queue');

// A Wednesday mid-quarter, mid-morning local time.
const NOW = new Date(2026, 11, 2, 10, 0);
const TODAY = localDateOf(NOW);

const QUOTA: Quota = {
  periodKind: 'custom',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  target: 300_000,
  currency: 'USD',
  closedBaseline: 0,
  averageDealSize: 10_000,
};

function person(id: string, fullName: string, relationship: Contact['relationship']): Contact {
  return {
    id,
    fullName,
    firstName: fullName.split(' ')[0] ?? '',
    relationship,
    linkedinUrl: `https://www.linkedin.com/in/${id}/`,
    createdAt: NOW.getTime() - 300 * DAY,
    updatedAt: NOW.getTime() - 300 * DAY,
  };
}

async function seeded(): Promise<Db> {
  const db = await fresh();
  await saveQuota(db, QUOTA);
  for (const contact of [
    person('c1', 'Carla Customer', 'customer'),
    person('c2', 'Cody Customer', 'customer'),
    person('n1', 'Nina Network', 'friend'),
  ])
    await db.put('contacts', contact);
  return db;
}

describe('the stored queue', () => {
  it('is computed from the book with the pace plan and stored in two rows: the top and the whole', async () => {
    const db = await seeded();
    const whole = await refreshQueue(db, NOW);
    expect(whole.day).toBe(TODAY);
    // The pace plans 5 customer asks a day (the step capacity) for this gap: both are named.
    expect(whole.steps.customers.planned).toBe(5);
    expect(whole.steps.customers.lines.map((line) => line.fullName).sort()).toEqual([
      'Carla Customer',
      'Cody Customer',
    ]);
    expect((await readWholeQueue(db))?.steps.networks.lines.map((line) => line.fullName)).toEqual(['Nina Network']);
    expect((await readQueue(db))?.steps.customers.lines).toHaveLength(2);
  });

  it('an ask logged to a person ticks their line off at the next computation', async () => {
    const db = await seeded();
    await refreshQueue(db, NOW);
    await logOutreach(
      db,
      {
        idempotencyKey: 'key-12345678',
        contactId: 'c1',
        contactName: 'Carla Customer',
        kind: 'referral-ask',
        channel: 'email',
        text: 'Hi',
      },
      NOW.getTime() + 60_000,
    );
    const queue = await refreshQueue(db, new Date(NOW.getTime() + 120_000));
    expect(queue.steps.customers.lines[0]).toMatchObject({ fullName: 'Carla Customer', done: true });
    expect(queue.steps.customers.lines[1]).toMatchObject({ fullName: 'Cody Customer', done: false });
  });

  it('a skip is remembered and leaves the stored top at once, before any recomputation', async () => {
    const db = await seeded();
    await refreshQueue(db, NOW);
    await actOnQueueLine(db, 'contact:n1', 'skip', NOW);
    expect((await getQueueState(db)).skipped).toEqual({ 'contact:n1': TODAY });
    expect((await readQueue(db))?.steps.networks.lines).toEqual([]);
    // Recomputed the same day it stays out; the next day it is back.
    expect((await refreshQueue(db, NOW)).steps.networks.lines).toEqual([]);
    const tomorrow = new Date(NOW.getTime() + DAY);
    expect((await refreshQueue(db, tomorrow)).steps.networks.lines.map((line) => line.fullName)).toEqual([
      'Nina Network',
    ]);
  });

  it('at a worker start, is recomputed only when the stored one is from another day', async () => {
    const db = await seeded();
    await refreshQueueIfStale(db, NOW);
    const first = await readQueue(db);
    expect(first?.day).toBe(TODAY);
    await db.put('contacts', person('n2', 'Noel New', 'coworker'));
    await refreshQueueIfStale(db, new Date(NOW.getTime() + 60_000));
    expect((await readQueue(db))?.computedAt).toBe(first?.computedAt);
    await refreshQueueIfStale(db, new Date(NOW.getTime() + DAY));
    expect((await readQueue(db))?.steps.networks.lines.map((line) => line.fullName)).toContain('Noel New');
  });

  it('reads the pipeline from the deals store: a stalled deal is asked, a won deal makes a customer', async () => {
    const db = await seeded();
    await db.put('contacts', person('s1', 'Stan Stalled', undefined));
    await db.put('contacts', person('w1', 'Wanda Won', undefined));
    const base = {
      source: 'hubspot' as const,
      createdAt: NOW.getTime() - 200 * DAY,
      updatedAt: NOW.getTime() - 78 * DAY,
    };
    await putDeals(db, [
      {
        ...base,
        id: 'hubspot:1',
        name: 'Brightwater renewal',
        company: 'Brightwater Foods',
        amount: 36_000,
        state: 'open',
        lastActivityAt: NOW.getTime() - 78 * DAY,
        contactIds: ['s1'],
      },
      {
        ...base,
        id: 'hubspot:2',
        name: 'Won one',
        amount: 20_000,
        state: 'won',
        wonAt: NOW.getTime() - 100 * DAY,
        contactIds: ['w1'],
      },
    ]);
    const queue = await refreshQueue(db, NOW);
    expect(queue.steps.stalled.lines[0]).toMatchObject({
      fullName: 'Stan Stalled',
      id: 'deal:hubspot:1',
      reason: { kind: 'stalled-deal', label: 'Brightwater Foods', amount: 36_000, idleDays: 78 },
    });
    expect(queue.steps.customers.lines[0]).toMatchObject({ fullName: 'Wanda Won', reason: { brought: 20_000 } });
    expect(queue.steps.networks.lines.map((line) => line.fullName)).toEqual(['Nina Network']);
    // "Stalled after 90 days": a deal idle 78 days is not stalled (and its person is not networked).
    await savePaceSettings(db, { ...(await getPaceSettings(db)), stalledAfterDays: 90 });
    const patient = await refreshQueue(db, NOW);
    expect(patient.steps.stalled.lines).toEqual([]);
    expect(patient.steps.networks.lines.map((line) => line.fullName)).toEqual(['Nina Network']);
  });
});
