/** The domain records. Plain data: they travel through messages and IndexedDB unchanged. */

export const RELATIONSHIPS = [
  'customer',
  'stalled-prospect',
  'coworker',
  'friend',
  'family',
  'neighbour',
  'group-member',
  'community',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const OUTREACH_KINDS = [
  'referral-ask',
  'upsell',
  'stalled-revival',
  'favour-ask',
  'group-post',
  'follow-up',
  'thank-you',
] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];

export const CHANNELS = ['linkedin-message', 'linkedin-group', 'email', 'phone', 'in-person', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = [
  'no-reply',
  'replied',
  'helped-referral',
  'helped-intro',
  'helped-advice',
  'meeting',
  'won',
  'lost',
  'declined',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Whether an outreach still waits for an answer; indexed so due follow-ups are one range read. */
export type OutreachStatus = 'awaiting' | 'resolved';

export interface Contact {
  id: string;
  fullName: string;
  firstName: string;
  headline?: string;
  company?: string;
  email?: string;
  linkedinUrl?: string;
  relationship?: Relationship;
  notes?: string;
  createdAt: number;
  updatedAt: number;
}

export interface Outreach {
  id: string;
  /** Chosen by the sender so that a retried write is stored once. */
  idempotencyKey: string;
  contactId?: string;
  /** Denormalised so the log lists without a join. */
  contactName: string;
  kind: OutreachKind;
  channel: Channel;
  text: string;
  potentialValue?: number;
  createdAt: number;
  followUpOn?: string;
  status: OutreachStatus;
  outcome?: Outcome;
  wonAmount?: number;
  outcomeAt?: number;
}

/** A calendar date without time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

export interface Quota {
  periodStart: LocalDate;
  periodEnd: LocalDate;
  target: number;
  currency: string;
  closedBaseline: number;
  averageDealSize: number;
}

export interface Template {
  id: string;
  kind: OutreachKind;
  channel: Channel;
  name: string;
  subject?: string;
  body: string;
  builtIn: boolean;
}

export interface Me {
  name: string;
  company: string;
  product: string;
  signature: string;
}

/** Share of asks of each kind that end in a win; stated assumptions the user can edit. */
export type ConversionAssumptions = Record<OutreachKind, number>;

export interface Settings {
  me: Me;
  conversion: ConversionAssumptions;
  inPageButtons: boolean;
}
