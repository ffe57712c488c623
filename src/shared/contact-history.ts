import { isAsk } from './asks.ts';
import { isHelp } from './ledger.ts';
import type { Favour, Outreach } from './model.ts';

/**
 * What the queue needs to know of each person's outreach, folded from the whole log in one pass:
 * when they were last asked (before today, and whether today), when last declined, what they
 * brought and the goodwill. Pure; the worker reads the log, this folds it.
 */
export interface ContactHistory {
  /** Latest ask of any kind made before today. */
  lastAskAt?: number;
  /** Latest referral ask or upsell made before today (the customers' 90-day rule). */
  lastCustomerAskAt?: number;
  /** Latest outcome "declined". */
  lastDeclinedAt?: number;
  /** Latest outreach of any kind before today, thank-yous included (the networks' "time since last contact"). */
  lastContactAt?: number;
  /** Kinds of the asks made today (an ask logged today ticks the person's line off). */
  askedToday?: Outreach['kind'][];
  /** Won amounts logged against this person. */
  brought: number;
  lastWonAt?: number;
  /** Outcomes where they helped (referral, intro, advice, meeting, win). */
  helped: number;
  thanksSent: number;
  favoursGiven: number;
}

export type OutreachSummary = Map<string, ContactHistory>;

function entry(summary: OutreachSummary, contactId: string): ContactHistory {
  let found = summary.get(contactId);
  if (!found) {
    found = { brought: 0, helped: 0, thanksSent: 0, favoursGiven: 0 };
    summary.set(contactId, found);
  }
  return found;
}

const later = (a: number | undefined, b: number) => (a === undefined || b > a ? b : a);

/** One pass over the log (any order) and the favours; `todayStart` splits today's asks from earlier ones. */
export function summariseOutreach(
  records: Iterable<Pick<Outreach, 'contactId' | 'kind' | 'createdAt' | 'outcome' | 'outcomeAt' | 'wonAmount'>>,
  favours: Iterable<Pick<Favour, 'contactId'>>,
  todayStart: number,
): OutreachSummary {
  const summary: OutreachSummary = new Map();
  for (const record of records) {
    if (record.contactId === undefined) continue;
    const history = entry(summary, record.contactId);
    if (record.createdAt < todayStart) history.lastContactAt = later(history.lastContactAt, record.createdAt);
    if (record.kind === 'thank-you') history.thanksSent++;
    else if (isAsk(record.kind)) {
      if (record.createdAt >= todayStart) (history.askedToday ??= []).push(record.kind);
      else {
        history.lastAskAt = later(history.lastAskAt, record.createdAt);
        if (record.kind === 'referral-ask' || record.kind === 'upsell')
          history.lastCustomerAskAt = later(history.lastCustomerAskAt, record.createdAt);
      }
    }
    const outcome = record.outcome;
    if (outcome === undefined) continue;
    const at = record.outcomeAt ?? record.createdAt;
    if (outcome === 'declined') history.lastDeclinedAt = later(history.lastDeclinedAt, at);
    if (isHelp(outcome)) history.helped++;
    if (outcome === 'won') {
      history.brought += record.wonAmount ?? 0;
      history.lastWonAt = later(history.lastWonAt, at);
    }
  }
  for (const favour of favours) entry(summary, favour.contactId).favoursGiven++;
  return summary;
}

/**
 * Goodwill banked with a person, as one explainable count: each time they helped, each thank-you
 * sent, each favour done for them. The queue ranks by it and the reason names its parts.
 */
export function goodwillOf(history: ContactHistory | undefined): number {
  return history ? history.helped + history.thanksSent + history.favoursGiven : 0;
}
