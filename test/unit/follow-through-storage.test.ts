import { describe, expect, it } from 'vitest';
import { useFreshDatabases } from './fresh-db.ts';
import type { Contact, Outreach, Quota } from '../../src/shared/model.ts';
import { followUpDateFor, loadDay, wonInPeriod } from '../../src/storage/day.ts';
import {
  contactLedger,
  getHistory,
  logFavour,
  logThankYou,
  recordOutreachOutcome,
  HISTORY_MAX_AGE_MS,
  refreshHistory,
  refreshHistoryIfStale,
  thanksOwed,
  undoThankYou,
} from '../../src/storage/follow-through.ts';
import { DB_VERSION } from '../../src/storage/migrations.ts';
import { logOutreach } from '../../src/storage/outreach.ts';
import { getPaceSettings, savePaceSettings, saveQuota } from '../../src/storage/settings.ts';

const DAY = 86_400_000;
const { fresh, atVersion } = useFreshDatabases('ft');

function record(id: string, extra: Partial<Outreach> = {}): Outreach {
  return {
    id,
    idempotencyKey: id,
    contactId: 'c1',
    contactName: 'Avery Lindqvist',
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: `Hello ${id}`,
    createdAt: 1_000,
    status: 'awaiting',
    ...extra,
  };
}

describe('migration v3 from seeded v2 data', () => {
  it('adds the indexes and stores, and owes thank-yous for help not yet thanked', async () => {
    const { db: v2, upgrade } = await atVersion(2);
    const contact: Contact = { id: 'c1', fullName: 'Avery Lindqvist', firstName: 'Avery', createdAt: 1, updatedAt: 1 };
    await v2.put('contacts', contact);
    const seeded = [
      record('o1', { status: 'resolved', outcome: 'helped-intro', outcomeAt: 2_000 }),
      record('o2', { kind: 'thank-you', createdAt: 3_000, status: 'awaiting' }), // thanks o1
      record('o3', { status: 'resolved', outcome: 'won', wonAmount: 9_000, outcomeAt: 4_000 }), // after the thanks
      record('o4', { contactId: 'c2', contactName: 'Jo', status: 'resolved', outcome: 'no-reply', outcomeAt: 5_000 }),
      record('o5', {
        contactId: undefined,
        contactName: 'A group',
        kind: 'group-post',
        outcome: 'meeting',
        outcomeAt: 5_500,
      }),
      record('o6', { followUpOn: '2026-12-02' }),
    ];
    for (const row of seeded) await v2.put('outreach', row);

    const db = await upgrade();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'archive',
      'contacts',
      'deals',
      'drafts',
      'favours',
      'outreach',
      'settings',
      'templates',
      'thanks',
    ]);
    // v6: a thank-you waits for nothing, so the one stored as awaiting is resolved; the rest is as seeded.
    expect(await db.getAll('outreach')).toEqual(
      seeded.map((row) => (row.kind === 'thank-you' ? { ...row, status: 'resolved' } : row)),
    );
    expect(await db.getAll('contacts')).toEqual([contact]);
    expect(await db.getAll('thanks')).toEqual([
      {
        id: 'thanks:o1',
        contactId: 'c1',
        contactName: 'Avery Lindqvist',
        outreachId: 'o1',
        outcome: 'helped-intro',
        status: 'thanked',
        owedSince: 2_000,
        thankedAt: 3_000,
      },
      {
        id: 'thanks:o3',
        contactId: 'c1',
        contactName: 'Avery Lindqvist',
        outreachId: 'o3',
        outcome: 'won',
        status: 'owed',
        owedSince: 4_000,
      },
    ]);
    expect((await thanksOwed(db)).map((thank) => thank.id)).toEqual(['thanks:o3']);
    expect((await db.getAllFromIndex('outreach', 'byKindOutcome', ['referral-ask', 'won'])).map((r) => r.id)).toEqual([
      'o3',
    ]);
    expect(await wonInPeriod(db, 0, 10_000)).toEqual({ amount: 9_000, deals: 1 });
    expect(await wonInPeriod(db, 4_001, 10_000)).toEqual({ amount: 0, deals: 0 });
  });
});

describe('outcomes and thank-yous', () => {
  it('creates a thank-you owed for help, once per outreach, and withdraws it when the outcome changes', async () => {
    const db = await fresh();
    await db.put('outreach', record('o1'));
    const helped = await recordOutreachOutcome(db, 'o1', { outcome: 'helped-referral' }, 5_000);
    expect(helped).toMatchObject({ status: 'resolved', outcome: 'helped-referral', outcomeAt: 5_000 });
    expect(await thanksOwed(db)).toEqual([
      expect.objectContaining({ contactId: 'c1', outreachId: 'o1', outcome: 'helped-referral', owedSince: 5_000 }),
    ]);
    await recordOutreachOutcome(db, 'o1', { outcome: 'won', wonAmount: 12_000 }, 6_000);
    expect(await thanksOwed(db)).toEqual([expect.objectContaining({ outcome: 'won', owedSince: 5_000 })]);
    expect(await wonInPeriod(db, 0, 10_000)).toEqual({ amount: 12_000, deals: 1 });
    // Changed to "lost": no win, no thank-you owed.
    const lost = await recordOutreachOutcome(db, 'o1', { outcome: 'lost', wonAmount: 99 }, 7_000);
    expect(lost?.wonAmount).toBeUndefined();
    expect(await thanksOwed(db)).toEqual([]);
    expect(await wonInPeriod(db, 0, 10_000)).toEqual({ amount: 0, deals: 0 });
    expect(await recordOutreachOutcome(db, 'missing', { outcome: 'replied' })).toBeUndefined();
  });

  it('owes no thank-you for an ask without a contact or for an answer that is not help', async () => {
    const db = await fresh();
    await db.put('outreach', record('g', { contactId: undefined }));
    await db.put('outreach', record('r'));
    await recordOutreachOutcome(db, 'g', { outcome: 'helped-intro' });
    await recordOutreachOutcome(db, 'r', { outcome: 'replied' });
    expect(await thanksOwed(db)).toEqual([]);
  });

  it('clears thank-yous owed when a thank-you to that person is logged, by any path', async () => {
    const db = await fresh();
    await db.put('outreach', record('o1'));
    await db.put('outreach', record('o2', { contactId: 'c2', contactName: 'Jo' }));
    await recordOutreachOutcome(db, 'o1', { outcome: 'helped-advice' }, 1_000);
    await recordOutreachOutcome(db, 'o2', { outcome: 'meeting' }, 2_000);
    expect((await thanksOwed(db)).map((thank) => thank.owedSince)).toEqual([1_000, 2_000]);

    const { outreach, cleared } = await logThankYou(
      db,
      { contactId: 'c1', contactName: 'Avery', text: 'Thank you!' },
      3_000,
    );
    expect(cleared).toBe(1);
    expect(outreach).toMatchObject({ kind: 'thank-you', status: 'resolved', createdAt: 3_000 });
    expect((await thanksOwed(db)).map((thank) => thank.contactId)).toEqual(['c2']);
    expect(await db.get('thanks', 'thanks:o1')).toMatchObject({ status: 'thanked', thankedAt: 3_000 });

    // A thank-you logged as outreach (from a page) clears too, and is not a follow-up candidate.
    const logged = await logOutreach(
      db,
      {
        idempotencyKey: 'thanks-jo-1',
        contactId: 'c2',
        contactName: 'Jo',
        kind: 'thank-you',
        channel: 'email',
        text: 'Thanks',
        followUpOn: '2026-12-01',
      },
      4_000,
    );
    expect(logged.record.status).toBe('resolved');
    expect(await thanksOwed(db)).toEqual([]);
  });

  it('undoes a thank-you: the note goes, and only what it cleared is owed again', async () => {
    const db = await fresh();
    for (const id of ['o1', 'o2', 'o3']) await db.put('outreach', record(id));
    await recordOutreachOutcome(db, 'o1', { outcome: 'helped-advice' }, 1_000);
    // An earlier help, thanked long before: the undo leaves it given.
    await logThankYou(db, { contactId: 'c1', contactName: 'Avery', text: 'Thanks for the advice' }, 2_000);
    await recordOutreachOutcome(db, 'o2', { outcome: 'helped-referral' }, 3_000);
    await recordOutreachOutcome(db, 'o3', { outcome: 'meeting' }, 3_500);
    const { outreach } = await logThankYou(db, { contactId: 'c1', contactName: 'Avery', text: 'Thank you!' }, 4_000);
    expect(await thanksOwed(db)).toEqual([]);

    expect(await undoThankYou(db, outreach.id)).toBe(2);
    expect(await db.get('outreach', outreach.id)).toBeUndefined();
    expect((await thanksOwed(db)).map((thank) => thank.outreachId).sort()).toEqual(['o2', 'o3']);
    const owedAgain = await db.get('thanks', 'thanks:o2');
    expect(owedAgain && 'thankedAt' in owedAgain).toBe(false);
    expect(await db.get('thanks', 'thanks:o1')).toMatchObject({ status: 'thanked', thankedAt: 2_000 });

    // Not a thank-you, or gone: nothing changes.
    expect(await undoThankYou(db, 'o1')).toBe(0);
    expect(await db.get('outreach', 'o1')).toBeDefined();
    expect(await undoThankYou(db, outreach.id)).toBe(0);
  });
});

describe('goodwill ledger and history', () => {
  it('reads one contact’s ledger through indexes and warns before asking again', async () => {
    const db = await fresh();
    const now = 100 * DAY;
    await db.put('outreach', record('a1', { createdAt: now - 40 * DAY }));
    await db.put('outreach', record('a2', { createdAt: now - 10 * DAY }));
    await db.put('outreach', record('a3', { createdAt: now - DAY, kind: 'favour-ask' }));
    await db.put('outreach', record('other', { contactId: 'c9', createdAt: now - DAY }));
    await recordOutreachOutcome(db, 'a1', { outcome: 'helped-intro' }, now - 39 * DAY);
    await logFavour(db, 'c1', 'Introduced them to a designer', now - 5 * DAY);
    const { ledger, warnings } = await contactLedger(db, 'c1', 'Avery', now);
    expect(ledger).toMatchObject({
      asksMade: 3,
      helpReceived: 1,
      thanksSent: 0,
      favoursGiven: 1,
      thanksOwed: 1,
      asksInLast30Days: 2,
    });
    expect(warnings.map((warning) => warning.kind)).toEqual(['not-thanked', 'asked-often']);
    await logThankYou(db, { contactId: 'c1', contactName: 'Avery', text: 'Thanks' }, now);
    expect((await contactLedger(db, 'c1', 'Avery', now)).warnings.map((warning) => warning.kind)).toEqual([
      'asked-often',
    ]);
  });

  it('counts conversion history per kind from the index and keeps it for the next render', async () => {
    const db = await fresh();
    expect(await getHistory(db)).toEqual({});
    const rows = [
      record('w1', { outcome: 'won', status: 'resolved' }),
      record('w2', { outcome: 'no-reply', status: 'resolved' }),
      record('w3'),
      record('u1', { kind: 'upsell', outcome: 'lost', status: 'resolved' }),
      record('t1', { kind: 'thank-you', outcome: 'replied', status: 'resolved' }),
    ];
    for (const row of rows) await db.put('outreach', row);
    const tally = await refreshHistory(db, 5);
    expect(tally).toEqual({ 'referral-ask': { asks: 2, wins: 1 }, upsell: { asks: 1, wins: 0 } });
    expect(await getHistory(db)).toEqual(tally);
    // Fresh counts are kept; stale ones are recounted.
    await db.put('outreach', record('w4', { outcome: 'won', status: 'resolved' }));
    expect(await refreshHistoryIfStale(db, 5 + HISTORY_MAX_AGE_MS - 1)).toBeUndefined();
    expect(await getHistory(db)).toEqual(tally);
    expect(await refreshHistoryIfStale(db, 5 + HISTORY_MAX_AGE_MS)).toEqual({
      'referral-ask': { asks: 3, wins: 2 },
      upsell: { asks: 1, wins: 0 },
    });
  });
});

describe('history kept exact by outcomes', () => {
  it('adjusts the stored counts when an outcome is recorded or changed, and recounts after an invalidation', async () => {
    const db = await fresh();
    await db.put('outreach', record('a', { outcome: 'won', status: 'resolved' }));
    await db.put('outreach', record('b'));
    await db.put('outreach', record('t', { kind: 'thank-you' }));
    await recordOutreachOutcome(db, 'b', { outcome: 'no-reply' }); // no stored counts yet: nothing to adjust
    expect(await getHistory(db)).toEqual({});
    await refreshHistory(db, 1);
    expect(await getHistory(db)).toEqual({ 'referral-ask': { asks: 2, wins: 1 } });
    await db.put('outreach', record('c'));
    await recordOutreachOutcome(db, 'c', { outcome: 'won', wonAmount: 5 });
    expect(await getHistory(db)).toEqual({ 'referral-ask': { asks: 3, wins: 2 } });
    await recordOutreachOutcome(db, 'a', { outcome: 'lost' });
    await recordOutreachOutcome(db, 'b', { outcome: 'won', wonAmount: 1 });
    await recordOutreachOutcome(db, 't', { outcome: 'replied' }); // not an ask
    expect(await getHistory(db)).toEqual({ 'referral-ask': { asks: 3, wins: 2 } });
    expect(await refreshHistory(db, 2)).toEqual({ 'referral-ask': { asks: 3, wins: 2 } });
    await db.delete('settings', 'history'); // dropped, as a deleted answered record does
    expect(await refreshHistoryIfStale(db, 3)).toEqual({ 'referral-ask': { asks: 3, wins: 2 } });
  });
});

describe('loadDay', () => {
  it('reads today, due follow-ups, thank-yous owed and the pace through indexes', async () => {
    const db = await fresh();
    const now = new Date(2026, 10, 23, 15); // Monday 23 November 2026, local time
    const quota: Quota = {
      periodKind: 'custom',
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      target: 120_000,
      currency: 'EUR',
      closedBaseline: 30_000,
      averageDealSize: 10_000,
    };
    await saveQuota(db, quota);
    const at = (day: number, hour = 10) => new Date(2026, 10, day, hour).getTime();
    await db.put('outreach', record('today1', { createdAt: at(23, 9), followUpOn: '2026-11-26' }));
    await db.put('outreach', record('today2', { createdAt: at(23, 11), kind: 'favour-ask', followUpOn: '2026-11-26' }));
    await db.put('outreach', record('due', { createdAt: at(18), followUpOn: '2026-11-23' }));
    await db.put('outreach', record('cold', { createdAt: at(1), followUpOn: '2026-10-01' }));
    await db.put(
      'outreach',
      record('answered', { createdAt: at(18), followUpOn: '2026-11-20', status: 'resolved', outcome: 'replied' }),
    );
    await db.put('outreach', record('won', { createdAt: at(2), status: 'resolved' }));
    await recordOutreachOutcome(db, 'won', { outcome: 'won', wonAmount: 5_000 }, at(20));
    await recordOutreachOutcome(db, 'answered', { outcome: 'helped-advice' }, at(23, 8));

    const day = await loadDay(db, now);
    expect(day.today).toBe('2026-11-23');
    expect(day.todaysOutreach.map((r) => r.id)).toEqual(['today1', 'today2']);
    expect(day.dueFollowUps.map((r) => r.id)).toEqual(['due']);
    expect(day.thanksOwed.map((t) => t.outreachId)).toEqual(['won', 'answered']);
    expect(day.thanksDue).toBe(1); // the win's thank-you is from the 20th; today's is not due yet
    expect(day.pace).toMatchObject({ closed: 35_000, gap: 85_000, workingDaysLeft: 6, asksMadeToday: 2 });
    // 7 days left, less than the default 60-day cycle: stalled deals lead, then customers, networks.
    expect(day.pace?.steps?.map((step) => [step.step, step.made])).toEqual([
      ['stalled', 0],
      ['customers', 1],
      ['networks', 1],
    ]);
    // Open asks: the due one and today's two (10 000 × 10 % twice, 10 000 × 5 %); new leads on a
    // 60-day cycle cannot close by the 30th, so all of it seeds the next period.
    expect(day.pace?.pipelineValue).toBeCloseTo(0, 6);
    expect(day.pace?.pipelineNext).toBeCloseTo(2_500, 6);
    expect(day.paceSettings).toEqual(await getPaceSettings(db));
  });

  it('dates follow-ups by the user’s working calendar and delay', async () => {
    const db = await fresh();
    const friday = new Date(2026, 10, 27, 15);
    expect(await followUpDateFor(db, friday)).toBe('2026-12-02'); // 3 working days, Monday to Friday
    await saveQuota(db, {
      periodStart: '2026-11-01',
      periodEnd: '2026-12-31',
      target: 1,
      currency: 'EUR',
      closedBaseline: 0,
      averageDealSize: 1,
      daysOff: ['2026-11-30'],
    });
    expect(await followUpDateFor(db, friday)).toBe('2026-12-03'); // Monday 30th off
    await savePaceSettings(db, { ...(await getPaceSettings(db)), followUpWorkingDays: 1 });
    expect(await followUpDateFor(db, friday)).toBe('2026-12-01');
  });

  it('has no pace before the quota is set, and stores pace settings with defaults filled in', async () => {
    const db = await fresh();
    const day = await loadDay(db, new Date(2026, 10, 23, 15));
    expect(day.pace).toBeUndefined();
    expect(day.paceSettings.reminderHour).toBe(9);
    await savePaceSettings(db, { ...day.paceSettings, reminderHour: 7 });
    expect((await getPaceSettings(db)).reminderHour).toBe(7);
  });
});
