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
  /** Further addresses of the same person, kept when two contacts were merged (indexed, v6). */
  otherEmails?: string[];
  linkedinUrl?: string;
  relationship?: Relationship;
  notes?: string;
  /** When the user connected with them on LinkedIn (from a Connections.csv import). */
  connectedOn?: LocalDate;
  /** The last activity a CRM export knew of (epoch ms). */
  lastActivityAt?: number;
  /** A lead from a "Helped: referral" outcome: the id of the contact who referred them. */
  referredBy?: string;
  /** How the referral came and the steps the user marked since (see shared/referrals.ts). */
  referral?: Referral;
  createdAt: number;
  updatedAt: number;
}

/** A referred lead's origin and progress: asked the referrer for an introduction, then met. */
export interface Referral {
  /** The outreach whose outcome was the referral (indexed: the thank-you note names its leads). */
  outreachId: string;
  /** When the referral was recorded. */
  at: number;
  /** When the user marked the introduction made. */
  introducedAt?: number;
  /** When the user marked the first meeting held or booked. */
  meetingAt?: number;
}

export interface Outreach {
  id: string;
  /** Chosen by the sender so that a retried write is stored once. */
  idempotencyKey: string;
  contactId?: string;
  /** Denormalised so the log lists without a join (a group's name for group posts). */
  contactName: string;
  /** Where the outreach went when there is no contact, e.g. a LinkedIn group's URL. */
  targetUrl?: string;
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
  /** A stalled-deal revival belongs to its deal (the `deals` store's id). */
  dealId?: string;
}

/** A calendar date without time zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** How the quota period is set: the current calendar month or quarter (rolls over), or fixed dates. */
export const PERIOD_KINDS = ['month', 'quarter', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A target in money, or in a number of deals won. */
export type TargetKind = 'amount' | 'deals';

export interface Quota {
  /** Absent on records from before v3: they are custom dates. */
  periodKind?: PeriodKind;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  /** Absent means `amount`. */
  targetKind?: TargetKind;
  /** Money, or a number of deals when `targetKind` is `deals`. */
  target: number;
  currency: string;
  /** Closed before the extension counted, in the target's unit; applies to the period it was set for. */
  closedBaseline: number;
  averageDealSize: number;
  /** Days of the week worked, 0 = Sunday … 6 = Saturday; absent means Monday to Friday. */
  workingWeekdays?: number[];
  /** Dates not worked the user added (leave, a local holiday). */
  daysOff?: LocalDate[];
  /** ISO 3166 country whose public holidays are not worked (absent: none). */
  country?: string;
  /**
   * The country's public and bank holidays, computed where the holiday library is loaded (first
   * run, settings, the options page) for `from`…`to`, so the popup and worker only read dates.
   */
  holidays?: PublicHolidays;
  /** Public holidays the user works anyway (removed from the list of days off). */
  workedHolidays?: LocalDate[];
}

export interface PublicHolidays {
  country: string;
  from: LocalDate;
  to: LocalDate;
  days: { date: LocalDate; name: string }[];
}

/** Someone owes a thank-you for help: created by a helping outcome, cleared by a logged thank-you. */
export interface ThankYou {
  id: string;
  contactId: string;
  contactName: string;
  /** The outreach whose outcome was the help. */
  outreachId: string;
  outcome: Outcome;
  status: 'owed' | 'thanked';
  owedSince: number;
  thankedAt?: number;
}

/** "I helped them": a favour the user did for a contact, for the goodwill ledger. */
export interface Favour {
  id: string;
  contactId: string;
  note: string;
  at: number;
}

export interface Template {
  id: string;
  kind: OutreachKind;
  channel: Channel;
  name: string;
  subject?: string;
  body: string;
  builtIn: boolean;
  /** The language of a built-in (English when absent). */
  locale?: 'en' | 'de';
  /** Who a built-in is written for (customers, former colleagues…); absent: anyone else, the network. */
  relationships?: Relationship[];
}

export interface Me {
  name: string;
  company: string;
  product: string;
  signature: string;
  /** One sentence, set once: what a good referral looks like ("a head of sales at a 50–200 person SaaS firm"). */
  idealReferral?: string;
}

/** Share of asks of each kind that end in a win; stated assumptions the user can edit. */
export type ConversionAssumptions = Record<OutreachKind, number>;

/** Daily asks the playbook gives each early step before moving on (networks take the rest). */
export interface StepCapacity {
  customers: number;
  stalled: number;
}

export interface Settings {
  me: Me;
  conversion: ConversionAssumptions;
}

/** Pace and reminder settings (their own settings row, so older settings records stay as they are). */
export interface PaceSettings {
  /** Local hour (0–23) of the daily reminder. */
  reminderHour: number;
  /** Asks a day above which the pace is called unrealistic. */
  realisticAsksPerDay: number;
  stepCapacity: StepCapacity;
  /** Working days after sending before an unanswered ask is due for a follow-up. */
  followUpWorkingDays: number;
  /** Days without activity after which an open deal is stalled; absent means 21 (shared/deals.ts). */
  stalledAfterDays?: number;
  /** Days from first contact to a signed deal, as the user states it (first run, settings). */
  salesCycleDays?: number;
}
