import { DEFAULT_CONVERSION } from '../../src/shared/defaults.ts';
import type { Deal } from '../../src/shared/deals.ts';
import type { Contact, Outreach, ThankYou } from '../../src/shared/model.ts';
import { writeStoresAndRefresh, type ExtensionBrowser } from './harness.ts';

/**
 * A book for the morning popup and the manager brief, written by hand from the story: an
 * account executive $110,000 behind on a $240,000 quarter (Q4 2026, today 2 December at the
 * default test clock), using the extension since Monday 23 November, with 24, 25 and 31 December
 * off. History: asks on the seven working days since (median 5), two asks today, two follow-ups
 * due, two thank-yous owed, and deals in each forecast category.
 */

const DAY = 86_400_000;

/** Local noon of a date in the test clock's zone (the browser's own). */
function at(date: string, hour = 11): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
}

function person(id: string, fullName: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    fullName,
    firstName: fullName.split(' ')[0] ?? '',
    linkedinUrl: `https://www.linkedin.com/in/${id}/`,
    createdAt: at('2026-11-23', 9),
    updatedAt: at('2026-11-23', 9),
    ...fields,
  };
}

/**
 * Referral asks per worked day since the first use, besides the asks below (two that helped on
 * 24 November, two due follow-ups on the 25th): 3 7 6 6 2 4 5 a day, median 5.
 */
export const HISTORY: Record<string, number> = {
  '2026-11-23': 3,
  '2026-11-24': 5,
  '2026-11-25': 4,
  '2026-11-26': 6,
  '2026-11-27': 2,
  '2026-11-30': 4,
  '2026-12-01': 5,
};

export function morningBook(today = '2026-12-02') {
  const customers = [
    person('carla-customer', 'Carla Customer', { relationship: 'customer' }),
    person('cody-customer', 'Cody Customer', { relationship: 'customer' }),
    person('cleo-customer', 'Cleo Customer', { relationship: 'customer' }),
  ];
  const networks = Array.from({ length: 12 }, (_, i) =>
    person(`nick-network-${i}`, `Nick Network ${i + 1}`, { relationship: 'friend' }),
  );
  const owed = [
    person('olaf-owed', 'Olaf Owed', { relationship: 'coworker' }),
    person('ona-owed', 'Ona Owed', { relationship: 'friend' }),
  ];
  const due = [person('dana-due', 'Dana Due', { relationship: 'friend' }), person('dirk-due', 'Dirk Due')];
  const past = person('pat-past', 'Pat Past', { relationship: 'coworker' });
  const stan = person('stan-stalled', 'Stan Stalled');
  const contacts = [...customers, ...networks, ...owed, ...due, past, stan];

  let n = 0;
  const ask = (contact: Contact, createdAt: number, fields: Partial<Outreach> = {}): Outreach => {
    n += 1;
    return {
      id: `m${n}`,
      idempotencyKey: `morning-${n}`,
      contactId: contact.id,
      contactName: contact.fullName,
      kind: 'referral-ask',
      channel: 'linkedin-message',
      text: 'Hi',
      createdAt,
      status: 'resolved',
      outcome: 'no-reply',
      outcomeAt: createdAt + DAY,
      ...fields,
    };
  };
  const outreach: Outreach[] = [];
  for (const [date, count] of Object.entries(HISTORY))
    for (let i = 0; i < count; i++) outreach.push(ask(past, at(date, 9 + i)));
  // Two follow-ups due (sent a week ago, no answer yet).
  for (const contact of due)
    outreach.push(
      ask(contact, at('2026-11-25', 16), {
        status: 'awaiting',
        followUpOn: '2026-11-30',
        outcome: undefined,
        outcomeAt: undefined,
      }),
    );
  // Two thank-yous owed.
  const thanks: ThankYou[] = owed.map((contact) => {
    const helped = ask(contact, at('2026-11-24', 15), { outcome: 'helped-intro', outcomeAt: at('2026-11-26', 10) });
    outreach.push(helped);
    return {
      id: `thanks:${helped.id}`,
      contactId: contact.id,
      contactName: contact.fullName,
      outreachId: helped.id,
      outcome: 'helped-intro',
      status: 'owed',
      owedSince: at('2026-11-26', 10),
    };
  });
  // Two asks sent today, to the network (the customers' step is still to do).
  outreach.push(
    ask(past, at(today, 9), {
      kind: 'favour-ask',
      status: 'awaiting',
      followUpOn: '2026-12-07',
      outcome: undefined,
      outcomeAt: undefined,
    }),
  );
  outreach.push(
    ask(past, at(today, 10), {
      kind: 'favour-ask',
      status: 'awaiting',
      followUpOn: '2026-12-07',
      outcome: undefined,
      outcomeAt: undefined,
    }),
  );

  const deal = (id: string, name: string, stage: string, amount: number, fields: Partial<Deal> = {}): Deal => ({
    id,
    name,
    stage,
    amount,
    currency: 'USD',
    state: 'open',
    contactIds: [],
    source: 'hubspot',
    lastActivityAt: at('2026-11-30'),
    createdAt: at('2026-09-01'),
    updatedAt: at('2026-11-30'),
    closeDate: '2026-12-18',
    ...fields,
  });
  const deals: Deal[] = [
    deal('hubspot:1', 'Acme expansion', 'Negotiation', 40_000, {
      company: 'Acme',
      nextStep: 'Order form to legal',
      impediment: { kind: 'budget', note: 'Needs 10 % off to sign in Q4', at: at('2026-11-27') },
    }),
    deal('hubspot:2', 'Borealis pilot', 'Proposal', 25_000, { company: 'Borealis', nextStep: 'Pricing call Friday' }),
    // Idle since October: stalled, on the queue's second step.
    deal('hubspot:3', 'Cobalt platform', 'Discovery', 15_000, {
      company: 'Cobalt',
      contactIds: [stan.id],
      lastActivityAt: at('2026-10-20'),
    }),
    deal('hubspot:4', 'Delta rollout', 'Negotiation', 70_000, { company: 'Delta', closeDate: '2027-01-20' }),
    deal('hubspot:5', 'Echo renewal', 'Closed won', 99_000, { company: 'Echo', state: 'won' }),
  ];

  const settings = [
    {
      key: 'quota',
      value: {
        periodKind: 'quarter',
        periodStart: '2026-10-01',
        periodEnd: '2026-12-31',
        target: 240_000,
        currency: 'USD',
        closedBaseline: 130_000,
        averageDealSize: 12_000,
        daysOff: ['2026-12-24', '2026-12-25', '2026-12-31'],
      },
    },
    {
      key: 'pace',
      value: {
        reminderHour: 9,
        realisticAsksPerDay: 25,
        stepCapacity: { customers: 2, stalled: 2 },
        followUpWorkingDays: 3,
      },
    },
    {
      key: 'settings',
      value: {
        me: { name: 'Robin Carter', company: 'Brightpath', product: 'Brightpath Forecasting', signature: '' },
        conversion: DEFAULT_CONVERSION,
      },
    },
    // Installed on the first day of the history.
    { key: 'reminders', value: { since: at('2026-11-23', 8) } },
  ];
  return { contacts, outreach, thanks, deals, settings };
}

/** Writes the book into the extension's IndexedDB and lets the worker compute the queue. */
export async function seedMorningBook(target: ExtensionBrowser): Promise<void> {
  await writeStoresAndRefresh(target, morningBook() as unknown as Record<string, unknown[]>);
}
