import type { Outcome, Outreach, OutreachKind, Relationship } from '../../../src/shared/model.ts';

/** A small book of asks over November 2026, shared by the analytics and the brief tests. */

/** Local time on a date, so the tests hold in any time zone. */
export const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00`).getTime();

export function ask(
  date: string,
  kind: OutreachKind,
  outcome?: Outcome,
  extra: Partial<Outreach> = {},
): Pick<Outreach, 'kind' | 'createdAt' | 'outcome' | 'contactId' | 'wonAmount' | 'outcomeAt'> {
  return { kind, createdAt: at(date), outcome, contactId: extra.contactId ?? 'c1', ...extra };
}

export const RELATIONSHIP: Record<string, Relationship> = { c1: 'customer', c2: 'friend' };
export const relationshipOf = (id: string) => RELATIONSHIP[id];
export const NOV = { from: '2026-11-02', to: '2026-11-29' }; // four weeks, Monday to Sunday

export const records = [
  ask('2026-11-02', 'referral-ask', 'won', { wonAmount: 10_000, outcomeAt: at('2026-11-05') }),
  ask('2026-11-02', 'referral-ask', 'no-reply'),
  ask('2026-11-03', 'referral-ask', 'helped-intro', { contactId: 'c2' }),
  ask('2026-11-03', 'upsell', 'replied'),
  ask('2026-11-03', 'follow-up', 'replied'), // not an ask
  ask('2026-11-04', 'favour-ask', 'won', { contactId: 'c2', wonAmount: 4_000, outcomeAt: at('2026-11-20') }),
  ask('2026-11-04', 'favour-ask', undefined, { contactId: 'c3' }), // no relationship set
  ask('2026-11-25', 'stalled-revival', 'declined'),
  ask('2026-10-30', 'referral-ask', 'won', { wonAmount: 99_000, outcomeAt: at('2026-10-31') }), // before the range
  ask('2026-10-20', 'upsell', 'won', { wonAmount: 2_500, outcomeAt: at('2026-11-10') }), // asked before, won inside
];
