import type { Deal, DealState } from '../../src/shared/deals.ts';
import type { Contact } from '../../src/shared/model.ts';

/**
 * A pipeline for a dataset's contacts, for the bench and the demo: open deals (about a third of
 * them idle long enough to be stalled), won and lost ones. Deterministic: deal i is derived from i.
 */
export function makeDeals(contacts: readonly Contact[], count: number, now: Date): Deal[] {
  const nowMs = now.getTime();
  const day = 86_400_000;
  const deals: Deal[] = [];
  const states: DealState[] = ['open', 'open', 'open', 'won', 'lost'];
  for (let i = 0; i < count; i++) {
    const contact = contacts[(i * 7) % contacts.length];
    const state = states[i % states.length] as DealState;
    const idle = (i * 13) % 120;
    const createdAt = nowMs - (150 + (i % 200)) * day;
    deals.push({
      id: `deal-${i}`,
      name: `${contact?.company ?? 'Account'} expansion ${i}`,
      amount: 5_000 + ((i * 3_700) % 95_000),
      currency: 'USD',
      stage: state === 'open' ? 'Proposal' : state === 'won' ? 'Closed won' : 'Closed lost',
      state,
      lastActivityAt: nowMs - idle * day,
      contactIds: contact ? [contact.id] : [],
      ...(contact?.company !== undefined && { company: contact.company }),
      source: 'hubspot',
      // Won 20–49 days after creation: at least 101 days ago, so before any current quarter — the
      // book's past, which must not close today's gap (the period's wins are the dataset's own).
      ...(state === 'won' && { wonAt: createdAt + (20 + (i % 30)) * day }),
      createdAt,
      updatedAt: nowMs - idle * day,
    });
  }
  return deals;
}
