import { goodwillOf, type ContactHistory, type OutreachSummary } from './contact-history.ts';
import { addDays, DAY_MS } from './dates.ts';
import { daysIdle, isStalled, type Deal } from './deals.ts';
import type { Contact, LocalDate, Outcome, Relationship, ThankYou } from './model.ts';
import { PLAYBOOK_STEPS, type PlaybookStep } from './pace.ts';

/**
 * The named queue: whom to ask today, per playbook step, each with the reason in a few words.
 * Pure: the worker gathers the inputs after every change and at midnight, runs this, and stores
 * the result; the popup reads it by key. Every rule below is unit-tested on its own.
 */

/** A customer asked for a referral or an upsell within this many days waits. */
export const CUSTOMER_ASK_DAYS = 90;
/** Anyone asked for anything within this many days is left out. */
export const RECENT_ASK_DAYS = 30;
/** Anyone who declined within this many days is left out. */
export const DECLINED_DAYS = 90;
/** "Snooze 2 weeks". */
export const SNOOZE_DAYS = 14;

export const QUEUE_ACTIONS = ['skip', 'snooze', 'not-a-fit'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

/** The user's choices on lines, keyed by line id. Plain objects: stored as one settings row. */
export interface QueueState {
  /** Skipped for that day only. */
  skipped: Record<string, LocalDate>;
  /** Left out before that date. */
  snoozedUntil: Record<string, LocalDate>;
  /** Left out for good (when it was marked). */
  notAFit: Record<string, number>;
}

export const EMPTY_QUEUE_STATE: QueueState = { skipped: {}, snoozedUntil: {}, notAFit: {} };

/** Why someone is in the queue: the facts, worded by the page in the user's language. */
export type QueueReason =
  | { kind: 'customer'; brought: number; lastWonAt?: number; lastAskedAt?: number; goodwill: number }
  | {
      kind: 'stalled-deal';
      /** The deal's company, else its name. */
      label: string;
      amount?: number;
      currency?: string;
      idleDays: number;
      pastClose: boolean;
    }
  | { kind: 'stalled-prospect'; idleDays: number }
  | { kind: 'network'; relationship?: Relationship; goodwill: number; helped: number; lastContactAt?: number };

export interface QueueLine {
  /** What skip, snooze and not-a-fit are remembered by: `contact:<id>` or `deal:<id>`. */
  id: string;
  step: PlaybookStep;
  contactId: string;
  fullName: string;
  firstName: string;
  company?: string;
  headline?: string;
  email?: string;
  linkedinUrl?: string;
  dealId?: string;
  reason: QueueReason;
  /** Asked today: the line is ticked off. */
  done: boolean;
  /** Owed a thank-you for this help: offered as "thank first" instead of an ask. */
  thankFor?: Outcome;
}

export const EXCLUSIONS = ['not-a-fit', 'snoozed', 'skipped', 'declined', 'asked-recently', 'thank-first'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export interface StepQueue {
  /** Asks the pace plans today at this step: how many lines the popup names. */
  planned: number;
  /** Ranked: today's ticked lines first, then the open ones, best first. */
  lines: QueueLine[];
  /** Would be asked, but are owed a thank-you first (ranked the same way). */
  thankFirst: QueueLine[];
}

export interface Queue {
  day: LocalDate;
  computedAt: number;
  /** The quota's currency: amounts without their own are in it. */
  currency: string;
  steps: Record<PlaybookStep, StepQueue>;
  /** How many were left out, by the first rule that left them out. */
  leftOut: Record<Exclusion, number>;
}

export interface QueuePlan {
  planned: Record<PlaybookStep, number>;
  /** The amount a stalled prospect without a deal in the book is ranked by. */
  averageDealSize: number;
  currency: string;
  stalledAfterDays?: number;
}

export interface QueueInput {
  now: number;
  today: LocalDate;
  contacts: readonly Contact[];
  history: OutreachSummary;
  thanksOwed: readonly Pick<ThankYou, 'contactId' | 'outcome' | 'owedSince' | 'status'>[];
  deals: readonly Deal[];
  state: QueueState;
  plan: QueuePlan;
}

const NO_HISTORY: ContactHistory = { brought: 0, helped: 0, thanksSent: 0, favoursGiven: 0 };

interface Candidate {
  line: QueueLine;
  /** Higher first, compared in order. */
  keys: number[];
}

function lineOf(
  step: PlaybookStep,
  id: string,
  contact: Contact,
  reason: QueueReason,
  done: boolean,
  dealId?: string,
): QueueLine {
  return {
    id,
    step,
    contactId: contact.id,
    fullName: contact.fullName,
    firstName: contact.firstName,
    ...(contact.company !== undefined && { company: contact.company }),
    ...(contact.headline !== undefined && { headline: contact.headline }),
    ...(contact.email !== undefined && { email: contact.email }),
    ...(contact.linkedinUrl !== undefined && { linkedinUrl: contact.linkedinUrl }),
    ...(dealId !== undefined && { dealId }),
    reason,
    done,
  };
}

function byKeys(a: Candidate, b: Candidate): number {
  for (let i = 0; i < a.keys.length; i++) {
    const difference = (b.keys[i] ?? 0) - (a.keys[i] ?? 0);
    if (difference !== 0) return difference;
  }
  // Ties (thousands of connections never contacted) by name then id: plain code-unit order, since
  // localeCompare costs a collation per comparison and the tie order only has to be stable.
  const [x, y] = [a.line, b.line];
  if (x.fullName !== y.fullName) return x.fullName < y.fullName ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** The first rule that leaves this line out today, or undefined. */
export function exclusionOf(
  lineId: string,
  history: ContactHistory,
  state: QueueState,
  input: { now: number; today: LocalDate },
  customer: boolean,
): Exclusion | undefined {
  if (state.notAFit[lineId] !== undefined) return 'not-a-fit';
  const until = state.snoozedUntil[lineId];
  if (until !== undefined && input.today < until) return 'snoozed';
  if (state.skipped[lineId] === input.today) return 'skipped';
  if (history.lastDeclinedAt !== undefined && history.lastDeclinedAt > input.now - DECLINED_DAYS * DAY_MS)
    return 'declined';
  if (history.lastAskAt !== undefined && history.lastAskAt > input.now - RECENT_ASK_DAYS * DAY_MS)
    return 'asked-recently';
  if (
    customer &&
    history.lastCustomerAskAt !== undefined &&
    history.lastCustomerAskAt > input.now - CUSTOMER_ASK_DAYS * DAY_MS
  )
    return 'asked-recently';
  return undefined;
}

export function buildQueue(input: QueueInput): Queue {
  const { now, today, contacts, history, deals, state, plan } = input;
  const byId = new Map<string, Contact>();
  for (const contact of contacts) byId.set(contact.id, contact);
  const owed = new Map<string, Outcome>();
  for (const thank of input.thanksOwed) if (thank.status === 'owed') owed.set(thank.contactId, thank.outcome);

  // What the deals say about people: won (customers, with the amount and when) and still open.
  const wonBy = new Map<string, { amount: number; at: number }>();
  const inOpenDeal = new Set<string>();
  for (const deal of deals) {
    for (const contactId of deal.contactIds) {
      if (deal.state === 'won') {
        const known = wonBy.get(contactId) ?? { amount: 0, at: 0 };
        wonBy.set(contactId, {
          amount: known.amount + (deal.amount ?? 0),
          at: Math.max(known.at, deal.wonAt ?? deal.updatedAt),
        });
      } else if (deal.state === 'open') inOpenDeal.add(contactId);
    }
  }

  const leftOut = Object.fromEntries(EXCLUSIONS.map((rule) => [rule, 0])) as Record<Exclusion, number>;
  const open: Record<PlaybookStep, Candidate[]> = { customers: [], stalled: [], networks: [] };
  const done: Record<PlaybookStep, Candidate[]> = { customers: [], stalled: [], networks: [] };
  const thankFirst: Record<PlaybookStep, Candidate[]> = { customers: [], stalled: [], networks: [] };

  const place = (step: PlaybookStep, candidate: Candidate, personHistory: ContactHistory, customer: boolean) => {
    if (personHistory.askedToday !== undefined) {
      done[step].push({ ...candidate, line: { ...candidate.line, done: true } });
      return;
    }
    const rule = exclusionOf(candidate.line.id, personHistory, state, input, customer);
    if (rule) {
      leftOut[rule]++;
      return;
    }
    const thankFor = owed.get(candidate.line.contactId);
    if (thankFor !== undefined) {
      leftOut['thank-first']++;
      thankFirst[step].push({ ...candidate, line: { ...candidate.line, thankFor } });
      return;
    }
    open[step].push(candidate);
  };

  // Stalled deals: one line per person, their biggest amount × days idle.
  const stalledSeen = new Map<string, Candidate>();
  const stalledAfter = plan.stalledAfterDays;
  for (const deal of deals) {
    if (!isStalled(deal, now, today, stalledAfter)) continue;
    const contact = deal.contactIds.map((id) => byId.get(id)).find((found) => found !== undefined);
    // Nobody in the book to ask: the deal is listed with the deals, not in the queue.
    if (!contact) continue;
    const idleDays = daysIdle(deal, now);
    const amount = deal.amount ?? plan.averageDealSize;
    const reason: QueueReason = {
      kind: 'stalled-deal',
      label: deal.company ?? deal.name,
      ...(deal.amount !== undefined && { amount: deal.amount }),
      ...(deal.currency !== undefined && { currency: deal.currency }),
      idleDays,
      pastClose: deal.closeDate !== undefined && deal.closeDate < today,
    };
    const candidate: Candidate = {
      line: lineOf('stalled', `deal:${deal.id}`, contact, reason, false, deal.id),
      keys: [amount * Math.max(1, idleDays)],
    };
    const before = stalledSeen.get(contact.id);
    if (!before || byKeys(candidate, before) < 0) stalledSeen.set(contact.id, candidate);
  }
  for (const candidate of stalledSeen.values())
    place('stalled', candidate, history.get(candidate.line.contactId) ?? NO_HISTORY, false);

  for (const contact of contacts) {
    const personHistory = history.get(contact.id) ?? NO_HISTORY;
    const won = wonBy.get(contact.id);
    const goodwill = goodwillOf(personHistory);
    const id = `contact:${contact.id}`;
    if (contact.relationship === 'customer' || won !== undefined) {
      const brought = personHistory.brought + (won?.amount ?? 0);
      const lastWonAt = Math.max(personHistory.lastWonAt ?? 0, won?.at ?? 0) || undefined;
      const reason: QueueReason = {
        kind: 'customer',
        brought,
        goodwill,
        ...(lastWonAt !== undefined && { lastWonAt }),
        ...(personHistory.lastCustomerAskAt !== undefined && { lastAskedAt: personHistory.lastCustomerAskAt }),
      };
      const sinceAsked = now - (personHistory.lastCustomerAskAt ?? 0);
      place(
        'customers',
        { line: lineOf('customers', id, contact, reason, false), keys: [brought, goodwill, sinceAsked] },
        personHistory,
        true,
      );
    } else if (contact.relationship === 'stalled-prospect') {
      // Marked stalled but no deal of theirs in the book says so: ranked as one average deal.
      if (stalledSeen.has(contact.id) || inOpenDeal.has(contact.id)) continue;
      const idleDays = Math.max(0, Math.floor((now - (personHistory.lastContactAt ?? contact.createdAt)) / DAY_MS));
      const reason: QueueReason = { kind: 'stalled-prospect', idleDays };
      place(
        'stalled',
        { line: lineOf('stalled', id, contact, reason, false), keys: [plan.averageDealSize * Math.max(1, idleDays)] },
        personHistory,
        false,
      );
    } else if (!inOpenDeal.has(contact.id)) {
      // Everyone else is network: coworkers, friends, family, connections, groups, community.
      const reason: QueueReason = {
        kind: 'network',
        goodwill,
        helped: personHistory.helped,
        ...(contact.relationship !== undefined && { relationship: contact.relationship }),
        ...(personHistory.lastContactAt !== undefined && { lastContactAt: personHistory.lastContactAt }),
      };
      const since = now - (personHistory.lastContactAt ?? contact.createdAt);
      place(
        'networks',
        { line: lineOf('networks', id, contact, reason, false), keys: [goodwill, since] },
        personHistory,
        false,
      );
    }
  }

  const steps = Object.fromEntries(
    PLAYBOOK_STEPS.map((step) => [
      step,
      {
        planned: Math.max(0, Math.floor(plan.planned[step])),
        lines: [...done[step].sort(byKeys), ...open[step].sort(byKeys)].map((candidate) => candidate.line),
        thankFirst: thankFirst[step].sort(byKeys).map((candidate) => candidate.line),
      },
    ]),
  ) as Record<PlaybookStep, StepQueue>;
  return { day: today, computedAt: now, currency: plan.currency, steps, leftOut };
}

/**
 * The lines a step shows today: everyone ticked off, then as many open lines as the plan leaves
 * (planned − asks made at this step, whoever they went to). `asked`: people with an ask logged
 * today that the stored queue does not know of yet; `hidden`: lines acted on since it was stored.
 */
export function linesToShow(
  step: StepQueue,
  today: { made?: number; asked?: ReadonlySet<string>; hidden?: ReadonlySet<string> } = {},
): QueueLine[] {
  const done: QueueLine[] = [];
  const open: QueueLine[] = [];
  for (const line of step.lines) {
    if (today.hidden?.has(line.id)) continue;
    if (line.done || today.asked?.has(line.contactId)) done.push(line.done ? line : { ...line, done: true });
    else open.push(line);
  }
  const left = Math.max(0, step.planned - Math.max(today.made ?? 0, done.length));
  return [...done, ...open.slice(0, left)];
}

/**
 * The top of each step, for the popup's row: the planned lines and `spare` more, so that a line
 * skipped in the popup is replaced at once without waiting for the worker.
 */
export function topOfQueue(queue: Queue, spare = 10): Queue {
  const steps = Object.fromEntries(
    PLAYBOOK_STEPS.map((step) => {
      const { planned, lines, thankFirst } = queue.steps[step];
      return [step, { planned, lines: lines.slice(0, planned + spare), thankFirst: thankFirst.slice(0, 3) }];
    }),
  ) as Record<PlaybookStep, StepQueue>;
  return { ...queue, steps };
}

/** The state after a line's action (entries that no longer matter are dropped). */
export function applyQueueAction(
  state: QueueState,
  lineId: string,
  action: QueueAction,
  today: LocalDate,
  now: number,
): QueueState {
  const skipped = Object.fromEntries(Object.entries(state.skipped).filter(([, day]) => day >= today));
  const snoozedUntil = Object.fromEntries(Object.entries(state.snoozedUntil).filter(([, until]) => until > today));
  const notAFit = { ...state.notAFit };
  if (action === 'skip') skipped[lineId] = today;
  if (action === 'snooze') snoozedUntil[lineId] = addDays(today, SNOOZE_DAYS);
  if (action === 'not-a-fit') notAFit[lineId] = now;
  return { skipped, snoozedUntil, notAFit };
}
