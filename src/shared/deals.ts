/**
 * Deals from the user's pipeline (imported from a CRM export or entered by hand). Plain data, no
 * browser APIs: the storage layer keeps them, the queue and the plan read them.
 */
import { DAY_MS } from './dates.ts';
import type { LocalDate } from './model.ts';

export const DEAL_STATES = ['open', 'won', 'lost'] as const;
export type DealState = (typeof DEAL_STATES)[number];

/** What the user learned stands in the way of a stalled deal (the seed: find the real impediment). */
export const IMPEDIMENTS = ['budget', 'timing', 'decision-maker', 'competitor', 'no-clear-need', 'unknown'] as const;
export type ImpedimentKind = (typeof IMPEDIMENTS)[number];

export interface Impediment {
  kind: ImpedimentKind;
  note?: string;
  /** When the user recorded it. */
  at: number;
}

export const DEAL_SOURCES = ['hubspot', 'salesforce', 'pipedrive', 'manual'] as const;
export type DealSource = (typeof DEAL_SOURCES)[number];

export interface Deal {
  /** Stable across re-imports: the CRM's record id when it has one (`hubspot:1234`), else derived from name and company. */
  id: string;
  name: string;
  amount?: number;
  /** ISO 4217; absent means the quota's currency. */
  currency?: string;
  /** The stage as the CRM names it. */
  stage?: string;
  state: DealState;
  closeDate?: LocalDate;
  /** Epoch ms of the last activity the CRM or the log knows of. */
  lastActivityAt?: number;
  /** Contacts in the book this deal involves. */
  contactIds: string[];
  company?: string;
  nextStep?: string;
  source: DealSource;
  /** When the deal was won (counts against the quota period of that day). */
  wonAt?: number;
  impediment?: Impediment;
  createdAt: number;
  updatedAt: number;
}

/** Days without activity after which an open deal is stalled, unless the user set another figure. */
export const DEFAULT_STALLED_AFTER_DAYS = 21;

/**
 * Open, and either idle for `stalledAfterDays` or past its close date. A deal with no recorded
 * activity counts as idle since it was created.
 */
export function isStalled(
  deal: Deal,
  now: number,
  today: LocalDate,
  stalledAfterDays = DEFAULT_STALLED_AFTER_DAYS,
): boolean {
  if (deal.state !== 'open') return false;
  if (deal.closeDate !== undefined && deal.closeDate < today) return true;
  return daysIdle(deal, now) >= stalledAfterDays;
}

/** Whole days since the deal's last activity (or creation). */
export function daysIdle(deal: Deal, now: number): number {
  const since = deal.lastActivityAt ?? deal.createdAt;
  return Math.max(0, Math.floor((now - since) / DAY_MS));
}
