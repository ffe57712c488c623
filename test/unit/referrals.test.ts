import { describe, expect, it } from 'vitest';
import { useFreshDatabases } from './fresh-db.ts';
import { closedFromReferrals } from '../../src/shared/analytics.ts';
import { isWaiting } from '../../src/shared/asks.ts';
import type { Deal } from '../../src/shared/deals.ts';
import type { Contact, Outreach, Quota } from '../../src/shared/model.ts';
import { computePace, tallyOutcomes } from '../../src/shared/pace.ts';
import { creditOf, leadProgress, openLeadAsks, readReferralForm } from '../../src/shared/referrals.ts';
import { loadDay } from '../../src/storage/day.ts';
import { putDeals } from '../../src/storage/deals.ts';
import { contactLedger, getHistory, recordOutreachOutcome, refreshHistory } from '../../src/storage/follow-through.ts';
import { logOutreach } from '../../src/storage/outreach.ts';
import { markLeadStep, openReferralAsks, referredLeads } from '../../src/storage/referrals.ts';
import { saveQuota } from '../../src/storage/settings.ts';
import { DEFAULT_CONVERSION } from '../../src/shared/defaults.ts';

const DAY = 86_400_000;
const { fresh, atVersion } = useFreshDatabases('referrals');

const JORDAN: Contact = { id: 'jordan', fullName: 'Jordan Blake', firstName: 'Jordan', createdAt: 1, updatedAt: 1 };

function ask(id: string, extra: Partial<Outreach> = {}): Outreach {
  return {
    id,
    idempotencyKey: id,
    contactId: JORDAN.id,
    contactName: JORDAN.fullName,
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: `Hello ${id}`,
    createdAt: 1_000,
    status: 'awaiting',
    followUpOn: '2026-11-26',
    ...extra,
  };
}

describe('the referral form', () => {
  it('needs a name; an email or LinkedIn URL is optional but must be one', () => {
    expect(readReferralForm({ name: '  ', company: 'Acme', reach: '' })).toEqual({
      ok: false,
      problems: ['name-missing'],
    });
    expect(readReferralForm({ name: 'Maria Lopez', company: '', reach: 'maria at acme' })).toEqual({
      ok: false,
      problems: ['reach-invalid'],
    });
    expect(readReferralForm({ name: ' Maria  Lopez ', company: ' Acme ', reach: 'Maria@Acme.com' })).toEqual({
      ok: true,
      person: { fullName: 'Maria Lopez', company: 'Acme', email: 'maria@acme.com' },
    });
    // A profile URL as people paste it is stored as the page stores it: the same contact later.
    expect(readReferralForm({ name: 'Maria Lopez', company: '', reach: 'linkedin.com/in/maria-lopez?trk=x' })).toEqual({
      ok: true,
      person: { fullName: 'Maria Lopez', linkedinUrl: 'https://www.linkedin.com/in/maria-lopez/' },
    });
    expect(readReferralForm({ name: 'Maria', company: '', reach: 'https://example.com/in/maria' }).ok).toBe(false);
  });
});

describe('a referred lead’s chain', () => {
  const lead = { referral: { outreachId: 'o1', at: 1 } };

  it('moves from the introduction to a meeting, a deal and a win', () => {
    expect(leadProgress(lead, [], []).stage).toBe('ask-intro');
    expect(leadProgress({ referral: { ...lead.referral, introducedAt: 2 } }, [], []).stage).toBe('meet');
    expect(leadProgress(lead, [{ outcome: 'meeting' }], []).stage).toBe('deal');
    expect(leadProgress(lead, [], [{ id: 'd1', state: 'open' }]).stage).toBe('deal');
    expect(leadProgress(lead, [], [{ id: 'd1', state: 'lost' }]).stage).toBe('lost');
    const won = leadProgress(
      lead,
      [{ outcome: 'won', wonAmount: 4_000, dealId: 'd1' }],
      [
        { id: 'd1', state: 'won', amount: 4_000 },
        { id: 'd2', state: 'won', amount: 6_000 },
      ],
    );
    // The deal whose win was logged as the ask's outcome counts once.
    expect(won).toEqual({ stage: 'won', met: true, dealt: true, wonAmount: 10_000, wonDeals: 2 });
  });

  it('counts an open lead as an open referral ask for coverage, a won or lost one not', () => {
    const open = leadProgress(lead, [], []);
    const won = leadProgress(lead, [{ outcome: 'won', wonAmount: 1 }], []);
    const lost = leadProgress(lead, [{ outcome: 'declined' }], []);
    expect(openLeadAsks([open, won, lost])).toEqual([{ kind: 'referral-ask' }]);
  });
});

describe('recording "Helped: referral" with whom', () => {
  it('creates the lead referred by the helper, with the introduction as its next step', async () => {
    const db = await fresh();
    await db.put('contacts', JORDAN);
    await db.put('outreach', ask('o1'));
    await recordOutreachOutcome(
      db,
      'o1',
      { outcome: 'helped-referral', referral: { fullName: 'Maria Lopez', company: 'Acme', email: 'maria@acme.com' } },
      5_000,
    );
    const leads = await referredLeads(db);
    expect(leads).toHaveLength(1);
    expect(leads[0]?.lead).toMatchObject({
      fullName: 'Maria Lopez',
      firstName: 'Maria',
      company: 'Acme',
      email: 'maria@acme.com',
      referredBy: 'jordan',
      referral: { outreachId: 'o1', at: 5_000 },
    });
    expect(leads[0]?.referrer?.fullName).toBe('Jordan Blake');
    expect(leads[0]?.progress.stage).toBe('ask-intro');

    // The steps the user marks move it on.
    const id = leads[0]?.lead.id ?? '';
    await markLeadStep(db, id, 'introduced', true, 6_000);
    expect((await referredLeads(db))[0]?.progress.stage).toBe('meet');
    await markLeadStep(db, id, 'met', true, 7_000);
    expect((await referredLeads(db))[0]?.progress.stage).toBe('deal');
    await markLeadStep(db, id, 'met', false, 8_000);
    expect((await referredLeads(db))[0]?.lead.referral).toEqual({ outreachId: 'o1', at: 5_000, introducedAt: 6_000 });
  });

  it('credits the referrer through referral → meeting → deal → won, in the ledger and the analytics', async () => {
    const db = await fresh();
    await db.put('contacts', JORDAN);
    await db.put('outreach', ask('o1'));
    await recordOutreachOutcome(db, 'o1', { outcome: 'helped-referral', referral: { fullName: 'Maria Lopez' } }, 5_000);
    const [view] = await referredLeads(db);
    const maria = view?.lead.id ?? '';
    expect((await contactLedger(db, JORDAN.id, 'Jordan', 6_000)).ledger.referrals).toEqual({
      referred: 1,
      met: 0,
      dealt: 0,
      won: 0,
      wonAmount: 0,
    });
    // The user asks Maria for a meeting; it is held.
    const meeting = await logOutreach(db, {
      idempotencyKey: 'm1',
      contactId: maria,
      contactName: 'Maria Lopez',
      kind: 'favour-ask',
      channel: 'email',
      text: 'Could we meet?',
    });
    await recordOutreachOutcome(db, meeting.record.id, { outcome: 'meeting' }, 7_000);
    // A deal with Maria, then won.
    const deal: Deal = {
      id: 'manual:maria',
      name: 'Acme rollout',
      amount: 24_000,
      state: 'won',
      wonAt: 9_000,
      contactIds: [maria],
      source: 'manual',
      createdAt: 8_000,
      updatedAt: 9_000,
    };
    await putDeals(db, [deal]);
    expect((await contactLedger(db, JORDAN.id, 'Jordan', 10_000)).ledger.referrals).toEqual({
      referred: 1,
      met: 1,
      dealt: 1,
      won: 1,
      wonAmount: 24_000,
    });
    // Maria herself gets no credit: she referred nobody.
    expect((await contactLedger(db, maria, 'Maria', 10_000)).ledger.referrals.referred).toBe(0);
    expect(closedFromReferrals(await referredLeads(db))).toEqual([
      { referrerId: 'jordan', name: 'Jordan Blake', referred: 1, won: 1, amount: 24_000 },
    ]);
  });

  it('marks an existing contact as referred instead of making a second one', async () => {
    const db = await fresh();
    const maria: Contact = {
      id: 'maria',
      fullName: 'Maria Lopez',
      firstName: 'Maria',
      linkedinUrl: 'https://www.linkedin.com/in/maria-lopez/',
      createdAt: 1,
      updatedAt: 1,
    };
    await db.put('contacts', JORDAN);
    await db.put('contacts', maria);
    await db.put('outreach', ask('o1'));
    await recordOutreachOutcome(
      db,
      'o1',
      { outcome: 'helped-referral', referral: { fullName: 'Maria Lopez', linkedinUrl: maria.linkedinUrl ?? '' } },
      5_000,
    );
    expect(await db.count('contacts')).toBe(2);
    expect(await db.get('contacts', 'maria')).toMatchObject({ referredBy: 'jordan' });
  });
});

describe('a referral received never lowers a rate, and raises coverage', () => {
  const quota: Quota = {
    periodKind: 'custom',
    // Long enough for a new lead to close inside it at the default 60-day sales cycle: coverage
    // counts only what can close by the deadline.
    periodStart: '2026-11-01',
    periodEnd: '2027-02-28',
    target: 120_000,
    currency: 'USD',
    closedBaseline: 30_000,
    averageDealSize: 10_000,
  };

  it('leaves the referral-ask conversion as it was (pure tally)', () => {
    const history = [ask('a', { outcome: 'won' }), ask('b', { outcome: 'no-reply' })];
    const before = tallyOutcomes(history);
    expect(tallyOutcomes([...history, ask('c', { outcome: 'helped-referral' })])).toEqual(before);
  });

  it('leaves the stored history as it was, recorded or recounted', async () => {
    const db = await fresh();
    await db.put('contacts', JORDAN);
    await db.put('outreach', ask('a', { outcome: 'won', status: 'resolved' }));
    await db.put('outreach', ask('b', { outcome: 'no-reply', status: 'resolved' }));
    await db.put('outreach', ask('c'));
    const before = await refreshHistory(db, 1);
    expect(before['referral-ask']).toEqual({ asks: 2, wins: 1 });
    await recordOutreachOutcome(db, 'c', { outcome: 'helped-referral', referral: { fullName: 'Maria Lopez' } }, 2);
    expect(await getHistory(db)).toEqual(before);
    expect(await refreshHistory(db, 3)).toEqual(before);
    // When the referral is later changed to a deciding outcome, the ask counts from then on.
    await recordOutreachOutcome(db, 'c', { outcome: 'declined' }, 4);
    expect((await getHistory(db))['referral-ask']).toEqual({ asks: 3, wins: 1 });
  });

  it('raises pipeline coverage in the day’s plan: the lead is an open ask', async () => {
    const db = await fresh();
    await saveQuota(db, quota);
    await db.put('contacts', JORDAN);
    const now = new Date(2026, 10, 23, 15);
    await db.put('outreach', ask('o1', { createdAt: now.getTime() - 2 * DAY }));
    const before = (await loadDay(db, now)).pace?.coverage ?? 0;
    expect(before).toBeGreaterThan(0);
    await recordOutreachOutcome(
      db,
      'o1',
      { outcome: 'helped-referral', referral: { fullName: 'Maria Lopez' } },
      now.getTime(),
    );
    expect(await openReferralAsks(db)).toEqual([{ kind: 'referral-ask' }]);
    const after = (await loadDay(db, now)).pace?.coverage ?? 0;
    // The ask it came from is no longer open; the lead takes its place: coverage does not drop.
    expect(after).toBeCloseTo(before, 10);
    // Two people referred from one ask: coverage doubles.
    await db.put('outreach', ask('o2', { createdAt: now.getTime() - DAY }));
    await recordOutreachOutcome(
      db,
      'o2',
      { outcome: 'helped-referral', referral: { fullName: 'Sam Ode' } },
      now.getTime(),
    );
    expect((await loadDay(db, now)).pace?.coverage).toBeCloseTo(after * 2, 10);
  });

  it('coverage is computed from what openLeadAsks hands the plan', () => {
    const input = {
      quota,
      today: '2026-11-23',
      wonInPeriod: { amount: 0, deals: 0 },
      asksToday: {},
      assumptions: DEFAULT_CONVERSION,
      history: {},
      stepCapacity: { customers: 3, stalled: 2 },
      realisticAsksPerDay: 10,
    };
    const lead = leadProgress({ referral: { outreachId: 'o', at: 1 } }, [], []);
    expect(computePace({ ...input, open: openLeadAsks([lead]) }).coverage).toBeGreaterThan(
      computePace({ ...input, open: [] }).coverage ?? 0,
    );
    expect(creditOf([lead])).toEqual({ referred: 1, met: 0, dealt: 0, won: 0, wonAmount: 0 });
  });
});

describe('a thank-you never waits for a reply', () => {
  it('is not waiting in the log, even without an outcome', () => {
    expect(isWaiting({ kind: 'thank-you' })).toBe(false);
    expect(isWaiting({ kind: 'referral-ask' })).toBe(true);
    expect(isWaiting({ kind: 'referral-ask', outcome: 'replied' })).toBe(false);
  });

  it('is logged resolved without a follow-up date, and never due', async () => {
    const db = await fresh();
    const now = new Date(2026, 10, 23, 15);
    const { record } = await logOutreach(
      db,
      {
        idempotencyKey: 't1',
        contactId: JORDAN.id,
        contactName: JORDAN.fullName,
        kind: 'thank-you',
        channel: 'email',
        text: 'Thank you!',
        followUpOn: '2026-11-20',
      },
      now.getTime(),
    );
    expect(record.status).toBe('resolved');
    expect(record.followUpOn).toBeUndefined();
    // One an older version stored as awaiting with a due date is still not due (read-time rule).
    await db.put('outreach', ask('old', { kind: 'thank-you', followUpOn: '2026-11-20', status: 'awaiting' }));
    expect((await loadDay(db, now)).dueFollowUps.map((r) => r.id)).toEqual([]);
  });

  it('migration v6 resolves thank-yous stored as awaiting and adds the leads index', async () => {
    const { db: v5, upgrade } = await atVersion(5);
    const waitingThanks = ask('t1', { kind: 'thank-you', status: 'awaiting', followUpOn: '2026-11-20' });
    const awaitingAsk = ask('a1');
    await v5.put('outreach', waitingThanks);
    await v5.put('outreach', awaitingAsk);
    await v5.put('contacts', JORDAN);
    const db = await upgrade(6);
    const { followUpOn: _gone, ...rest } = waitingThanks;
    expect(await db.get('outreach', 't1')).toEqual({ ...rest, status: 'resolved' });
    expect(await db.get('outreach', 'a1')).toEqual(awaitingAsk);
    expect(await db.get('contacts', JORDAN.id)).toEqual(JORDAN);
    expect(db.transaction('contacts').store.index('byReferralOutreach').keyPath).toBe('referral.outreachId');
    expect(await db.getAllFromIndex('contacts', 'byReferralOutreach')).toEqual([]);
  });
});
