import { describe, expect, it } from 'vitest';
import { goodwillOf, summariseOutreach } from '../../src/shared/contact-history.ts';
import { DAY_MS } from '../../src/shared/dates.ts';
import type { Deal } from '../../src/shared/deals.ts';
import type { Contact, Outreach, ThankYou } from '../../src/shared/model.ts';
import {
  applyQueueAction,
  buildQueue,
  EMPTY_QUEUE_STATE,
  linesToShow,
  topOfQueue,
  type QueueInput,
  type QueueState,
} from '../../src/shared/queue.ts';

// Wednesday 2 December 2026, noon UTC; "today" starts at midnight UTC in these tests.
const NOW = Date.UTC(2026, 11, 2, 12);
const TODAY = '2026-12-02';
const TODAY_START = Date.UTC(2026, 11, 2);
const daysAgo = (days: number) => NOW - days * DAY_MS;

function contact(id: string, fields: Partial<Contact> = {}): Contact {
  const fullName = fields.fullName ?? `Person ${id}`;
  return {
    id,
    fullName,
    firstName: fullName.split(' ')[0] ?? '',
    createdAt: daysAgo(400),
    updatedAt: daysAgo(400),
    ...fields,
  };
}

let serial = 0;
function ask(contactId: string, at: number, fields: Partial<Outreach> = {}): Outreach {
  serial++;
  return {
    id: `o${serial}`,
    idempotencyKey: `k${serial}`,
    contactId,
    contactName: contactId,
    kind: 'referral-ask',
    channel: 'email',
    text: 'Hi',
    createdAt: at,
    status: 'resolved',
    ...fields,
  };
}

function deal(id: string, fields: Partial<Deal> = {}): Deal {
  return {
    id,
    name: `Deal ${id}`,
    state: 'open',
    contactIds: [],
    source: 'hubspot',
    createdAt: daysAgo(200),
    updatedAt: daysAgo(200),
    ...fields,
  };
}

function queueOf(
  parts: {
    contacts?: Contact[];
    outreach?: Outreach[];
    favours?: { contactId: string }[];
    thanks?: Pick<ThankYou, 'contactId' | 'outcome' | 'owedSince' | 'status'>[];
    deals?: Deal[];
    state?: QueueState;
    planned?: Partial<QueueInput['plan']['planned']>;
  } = {},
) {
  return buildQueue({
    now: NOW,
    today: TODAY,
    contacts: parts.contacts ?? [],
    history: summariseOutreach(parts.outreach ?? [], parts.favours ?? [], TODAY_START),
    thanksOwed: parts.thanks ?? [],
    deals: parts.deals ?? [],
    state: parts.state ?? EMPTY_QUEUE_STATE,
    plan: {
      planned: { customers: 5, stalled: 5, networks: 5, ...parts.planned },
      averageDealSize: 10_000,
      currency: 'USD',
    },
  });
}

const names = (lines: { fullName: string }[]) => lines.map((line) => line.fullName);

describe('customers', () => {
  it('are relationship customers and people of a won deal, ranked by what they brought', () => {
    const queue = queueOf({
      contacts: [
        contact('a', { fullName: 'Ada Small', relationship: 'customer' }),
        contact('b', { fullName: 'Ben Big', relationship: 'customer' }),
        contact('c', { fullName: 'Cleo Dealwon' }),
        contact('d', { fullName: 'Dev Friend', relationship: 'friend' }),
      ],
      outreach: [
        ask('a', daysAgo(200), { outcome: 'won', wonAmount: 5_000, outcomeAt: daysAgo(190) }),
        ask('b', daysAgo(300), { outcome: 'won', wonAmount: 48_000, outcomeAt: daysAgo(280) }),
      ],
      deals: [deal('w', { state: 'won', amount: 20_000, wonAt: daysAgo(100), contactIds: ['c'] })],
    });
    expect(names(queue.steps.customers.lines)).toEqual(['Ben Big', 'Cleo Dealwon', 'Ada Small']);
    expect(queue.steps.customers.lines[1]?.reason).toMatchObject({ kind: 'customer', brought: 20_000 });
    expect(names(queue.steps.networks.lines)).toEqual(['Dev Friend']);
  });

  it('with equal amounts, ranks by goodwill (help, thank-yous, favours)', () => {
    const queue = queueOf({
      contacts: [
        contact('a', { fullName: 'Ada Plain', relationship: 'customer' }),
        contact('b', { fullName: 'Ben Goodwill', relationship: 'customer' }),
      ],
      outreach: [ask('b', daysAgo(200), { kind: 'thank-you' })],
      favours: [{ contactId: 'b' }],
    });
    expect(names(queue.steps.customers.lines)).toEqual(['Ben Goodwill', 'Ada Plain']);
    expect(queue.steps.customers.lines[0]?.reason).toMatchObject({ goodwill: 2 });
  });

  it('are left out when asked for a referral or an upsell within 90 days, not when longer ago', () => {
    const queue = queueOf({
      contacts: [
        contact('a', { fullName: 'Ada Recent', relationship: 'customer' }),
        contact('b', { fullName: 'Ben Upsold', relationship: 'customer' }),
        contact('c', { fullName: 'Cleo Long Ago', relationship: 'customer' }),
      ],
      outreach: [
        ask('a', daysAgo(60)),
        ask('b', daysAgo(89), { kind: 'upsell' }),
        ask('c', daysAgo(91), { kind: 'referral-ask' }),
      ],
    });
    expect(names(queue.steps.customers.lines)).toEqual(['Cleo Long Ago']);
    expect(queue.steps.customers.lines[0]?.reason).toMatchObject({ lastAskedAt: daysAgo(91) });
    expect(queue.leftOut['asked-recently']).toBe(2);
  });
});

describe('stalled deals', () => {
  it('are ranked by amount × days idle, one line per person, named by the deal contact', () => {
    const queue = queueOf({
      contacts: [
        contact('a', { fullName: 'Ada Brightwater' }),
        contact('b', { fullName: 'Ben Contoso' }),
        contact('g', { fullName: 'Gus Globex' }),
      ],
      deals: [
        // 36,000 × 78 = 2.81 M
        deal('x', { company: 'Brightwater Foods', amount: 36_000, lastActivityAt: daysAgo(78), contactIds: ['a'] }),
        // 60,000 × 40 = 2.4 M: more money, less idle, second to Brightwater
        deal('y', { company: 'Contoso', amount: 60_000, lastActivityAt: daysAgo(40), contactIds: ['b'] }),
        // 200,000 × 25 = 5 M: the least idle, first
        deal('g', { company: 'Globex', amount: 200_000, lastActivityAt: daysAgo(25), contactIds: ['g'] }),
        // Ada's smaller stalled deal: her line is the bigger one.
        deal('z', { company: 'Brightwater Foods', amount: 1_000, lastActivityAt: daysAgo(30), contactIds: ['a'] }),
        // Active: not stalled.
        deal('active', { amount: 500_000, lastActivityAt: daysAgo(3), contactIds: ['b'] }),
      ],
    });
    expect(names(queue.steps.stalled.lines)).toEqual(['Gus Globex', 'Ada Brightwater', 'Ben Contoso']);
    expect(queue.steps.stalled.lines[1]).toMatchObject({
      id: 'deal:x',
      dealId: 'x',
      reason: { kind: 'stalled-deal', label: 'Brightwater Foods', amount: 36_000, idleDays: 78, pastClose: false },
    });
  });

  it('count a deal past its close date as stalled, and leave out a deal with nobody in the book', () => {
    const queue = queueOf({
      contacts: [contact('a', { fullName: 'Ada Late' })],
      deals: [
        deal('late', { amount: 5_000, lastActivityAt: daysAgo(2), closeDate: '2026-11-30', contactIds: ['a'] }),
        deal('orphan', { amount: 900_000, lastActivityAt: daysAgo(90), contactIds: ['missing'] }),
      ],
    });
    expect(names(queue.steps.stalled.lines)).toEqual(['Ada Late']);
    expect(queue.steps.stalled.lines[0]?.reason).toMatchObject({ pastClose: true, idleDays: 2 });
  });

  it('ranks a stalled prospect without a deal as one average deal, idle since the last contact', () => {
    const queue = queueOf({
      contacts: [contact('p', { fullName: 'Pia Prospect', relationship: 'stalled-prospect' })],
      outreach: [ask('p', daysAgo(50), { kind: 'stalled-revival' })],
    });
    expect(queue.steps.stalled.lines[0]).toMatchObject({
      fullName: 'Pia Prospect',
      reason: { kind: 'stalled-prospect', idleDays: 50 },
    });
  });
});

describe('networks', () => {
  it('are ranked by goodwill, then by the longest time since the last contact', () => {
    const queue = queueOf({
      contacts: [
        contact('a', { fullName: 'Ada Recent', relationship: 'coworker' }),
        contact('b', { fullName: 'Ben Long Ago', relationship: 'friend' }),
        contact('c', { fullName: 'Cleo Helper', relationship: 'community' }),
        contact('d', { fullName: 'Dev Connection' }),
      ],
      outreach: [
        ask('a', daysAgo(40), { kind: 'favour-ask' }),
        ask('b', daysAgo(200), { kind: 'favour-ask' }),
        ask('c', daysAgo(35), { kind: 'favour-ask', outcome: 'helped-intro', outcomeAt: daysAgo(33) }),
        ask('c', daysAgo(32), { kind: 'thank-you' }),
      ],
    });
    // Cleo: goodwill 2. Then by time since last contact: Dev (never; 400 days in the book), Ben, Ada.
    expect(names(queue.steps.networks.lines)).toEqual(['Cleo Helper', 'Dev Connection', 'Ben Long Ago', 'Ada Recent']);
    expect(queue.steps.networks.lines[1]?.reason).toEqual({ kind: 'network', goodwill: 0, helped: 0 });
  });

  it('leave out people of an open deal (they are prospects, not favours to ask)', () => {
    const queue = queueOf({
      contacts: [contact('a', { fullName: 'Ada Buyer' })],
      deals: [deal('x', { lastActivityAt: daysAgo(1), contactIds: ['a'] })],
    });
    expect(queue.steps.networks.lines).toEqual([]);
  });
});

describe('exclusions', () => {
  const people = [contact('a', { fullName: 'Ada Left', relationship: 'friend' })];

  it('asked for anything in the last 30 days: out; 31 days ago: in', () => {
    expect(
      queueOf({ contacts: people, outreach: [ask('a', daysAgo(29), { kind: 'favour-ask' })] }).steps.networks.lines,
    ).toEqual([]);
    expect(
      names(
        queueOf({ contacts: people, outreach: [ask('a', daysAgo(31), { kind: 'favour-ask' })] }).steps.networks.lines,
      ),
    ).toEqual(['Ada Left']);
  });

  it('declined in the last 90 days: out; 91 days ago: in', () => {
    const declined = (days: number) =>
      queueOf({
        contacts: people,
        outreach: [ask('a', daysAgo(days + 1), { kind: 'favour-ask', outcome: 'declined', outcomeAt: daysAgo(days) })],
      });
    expect(declined(85).steps.networks.lines).toEqual([]);
    expect(declined(85).leftOut.declined).toBe(1);
    expect(names(declined(91).steps.networks.lines)).toEqual(['Ada Left']);
  });

  it('owed a thank-you: offered as "thank first", not as an ask', () => {
    const queue = queueOf({
      contacts: people,
      thanks: [{ contactId: 'a', outcome: 'helped-referral', owedSince: daysAgo(40), status: 'owed' }],
    });
    expect(queue.steps.networks.lines).toEqual([]);
    expect(queue.steps.networks.thankFirst).toMatchObject([{ fullName: 'Ada Left', thankFor: 'helped-referral' }]);
    expect(queue.leftOut['thank-first']).toBe(1);
    // A thank-you already given does not hold anyone back.
    const thanked = queueOf({
      contacts: people,
      thanks: [{ contactId: 'a', outcome: 'helped-referral', owedSince: daysAgo(40), status: 'thanked' }],
    });
    expect(names(thanked.steps.networks.lines)).toEqual(['Ada Left']);
  });

  it('snoozed: out until the snooze ends, back on that day', () => {
    const snoozed = applyQueueAction(EMPTY_QUEUE_STATE, 'contact:a', 'snooze', '2026-11-20', NOW);
    expect(snoozed.snoozedUntil['contact:a']).toBe('2026-12-04');
    expect(queueOf({ contacts: people, state: snoozed }).steps.networks.lines).toEqual([]);
    expect(queueOf({ contacts: people, state: snoozed }).leftOut.snoozed).toBe(1);
    const ended = applyQueueAction(EMPTY_QUEUE_STATE, 'contact:a', 'snooze', '2026-11-18', NOW);
    expect(names(queueOf({ contacts: people, state: ended }).steps.networks.lines)).toEqual(['Ada Left']);
  });

  it('skipped: out today only', () => {
    const today = applyQueueAction(EMPTY_QUEUE_STATE, 'contact:a', 'skip', TODAY, NOW);
    expect(queueOf({ contacts: people, state: today }).steps.networks.lines).toEqual([]);
    const yesterday = applyQueueAction(EMPTY_QUEUE_STATE, 'contact:a', 'skip', '2026-12-01', NOW);
    expect(names(queueOf({ contacts: people, state: yesterday }).steps.networks.lines)).toEqual(['Ada Left']);
  });

  it('not a fit: out for good', () => {
    const state = applyQueueAction(EMPTY_QUEUE_STATE, 'contact:a', 'not-a-fit', '2025-01-01', NOW);
    expect(queueOf({ contacts: people, state }).steps.networks.lines).toEqual([]);
    expect(queueOf({ contacts: people, state }).leftOut['not-a-fit']).toBe(1);
  });

  it('a stalled deal is skipped by its deal line, not by the person', () => {
    const state = applyQueueAction(EMPTY_QUEUE_STATE, 'deal:x', 'skip', TODAY, NOW);
    const queue = queueOf({
      contacts: [contact('a', { fullName: 'Ada Deal' })],
      deals: [deal('x', { amount: 1_000, lastActivityAt: daysAgo(60), contactIds: ['a'] })],
      state,
    });
    expect(queue.steps.stalled.lines).toEqual([]);
    expect(queue.leftOut.skipped).toBe(1);
  });
});

describe('ticking off and the plan', () => {
  it('an ask logged today ticks the person off, first in their step', () => {
    const queue = queueOf({
      contacts: [
        contact('a', { fullName: 'Ada Asked', relationship: 'friend' }),
        contact('b', { fullName: 'Ben Helper', relationship: 'friend' }),
      ],
      outreach: [
        ask('a', TODAY_START + 3_600_000, { kind: 'favour-ask', status: 'awaiting' }),
        ask('b', daysAgo(100), { kind: 'favour-ask', outcome: 'helped-advice' }),
      ],
    });
    expect(queue.steps.networks.lines.map((line) => [line.fullName, line.done])).toEqual([
      ['Ada Asked', true],
      ['Ben Helper', false],
    ]);
  });

  it('names as many per step as the pace plans, hidden lines replaced by the next', () => {
    const contacts = ['a', 'b', 'c', 'd'].map((id, i) =>
      contact(id, { fullName: `Person ${id}`, relationship: 'coworker', createdAt: daysAgo(100 + i) }),
    );
    const queue = queueOf({ contacts, planned: { networks: 2 } });
    expect(queue.steps.networks.planned).toBe(2);
    expect(names(linesToShow(queue.steps.networks))).toEqual(['Person d', 'Person c']);
    expect(names(linesToShow(queue.steps.networks, { hidden: new Set(['contact:d']) }))).toEqual([
      'Person c',
      'Person b',
    ]);
    // One ask made at this step today (to someone else): one open line left.
    expect(names(linesToShow(queue.steps.networks, { made: 1 }))).toEqual(['Person d']);
    // Person c asked today, before the worker recomputed: ticked off, and one open line beside.
    const ticked = linesToShow(queue.steps.networks, { made: 1, asked: new Set(['c']) });
    expect(ticked.map((line) => [line.fullName, line.done])).toEqual([
      ['Person c', true],
      ['Person d', false],
    ]);
    const top = topOfQueue(queue, 1);
    expect(names(top.steps.networks.lines)).toEqual(['Person d', 'Person c', 'Person b']);
  });

  it('goodwill counts help, thank-yous sent and favours given', () => {
    const summary = summariseOutreach(
      [
        ask('a', daysAgo(10), { outcome: 'meeting' }),
        ask('a', daysAgo(9), { kind: 'thank-you' }),
        ask('a', daysAgo(8), { outcome: 'no-reply' }),
      ],
      [{ contactId: 'a' }, { contactId: 'a' }],
      TODAY_START,
    );
    expect(goodwillOf(summary.get('a'))).toBe(4);
  });

  it('drops skip and snooze entries that no longer matter when the state is written', () => {
    let state = applyQueueAction(EMPTY_QUEUE_STATE, 'contact:a', 'skip', '2026-11-01', NOW);
    state = applyQueueAction(state, 'contact:b', 'snooze', '2026-11-01', NOW);
    state = applyQueueAction(state, 'contact:c', 'skip', TODAY, NOW);
    expect(state.skipped).toEqual({ 'contact:c': TODAY });
    expect(state.snoozedUntil).toEqual({});
  });
});
