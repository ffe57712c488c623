import { isEmailAddress } from './email-address.ts';
import { canonicalLinkedinUrl } from './import/values.ts';
import type { Deal } from './deals.ts';
import type { Contact, Outreach } from './model.ts';
import { cleanText } from './names.ts';
import type { OpenAsk } from './pace.ts';

/**
 * Referrals are leads (issue 15). "Helped: referral" names a person; that person becomes a
 * contact referred by the helper, with a next step — ask the referrer for an introduction, then
 * a meeting — and the chain referral → meeting → deal → won is credited to the referrer. Pure:
 * storage/referrals.ts reads the records, the UI words the stages.
 */

/** Whom a referral names, as the user types it. */
export interface ReferralForm {
  name: string;
  company: string;
  /** An email address or a LinkedIn profile URL; may be empty. */
  reach: string;
}

/** The referred person as stored: a contact input for the upsert. */
export interface ReferredPerson {
  fullName: string;
  company?: string;
  email?: string;
  linkedinUrl?: string;
}

export type ReferralProblem = 'name-missing' | 'reach-invalid';

/** Longest name and company kept (the stored-person limits are far above these). */
const MAX_NAME = 200;

/**
 * Reads the form: a name is required; the reach is optional but, when given, must be an email
 * address or a LinkedIn profile URL (stored as the canonical `https://www.linkedin.com/in/<slug>/`,
 * so a later visit to that profile finds the same contact).
 */
export function readReferralForm(
  form: ReferralForm,
): { ok: true; person: ReferredPerson } | { ok: false; problems: ReferralProblem[] } {
  const fullName = cleanText(form.name).slice(0, MAX_NAME);
  const company = cleanText(form.company).slice(0, MAX_NAME);
  const reach = form.reach.trim();
  const problems: ReferralProblem[] = [];
  if (!fullName) problems.push('name-missing');
  let email: string | undefined;
  let linkedinUrl: string | undefined;
  if (reach) {
    if (isEmailAddress(reach)) email = reach.toLowerCase();
    else linkedinUrl = canonicalLinkedinUrl(reach);
    if (!email && !linkedinUrl) problems.push('reach-invalid');
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    person: {
      fullName,
      ...(company && { company }),
      ...(email && { email }),
      ...(linkedinUrl && { linkedinUrl }),
    },
  };
}

/** Where a referred lead stands: the next step follows from it. */
export const LEAD_STAGES = ['ask-intro', 'meet', 'deal', 'won', 'lost'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];

export interface LeadProgress {
  stage: LeadStage;
  /** A meeting was held or booked (marked, recorded as an outcome, or a deal exists). */
  met: boolean;
  /** A deal with the lead exists (open, won or lost), or an ask to them was won. */
  dealt: boolean;
  /** Won from this lead: asks won with their amounts, and their pipeline deals won. */
  wonAmount: number;
  wonDeals: number;
}

type LeadRecord = Pick<Outreach, 'outcome'> & Partial<Pick<Outreach, 'wonAmount' | 'dealId'>>;
type LeadDeal = Pick<Deal, 'id' | 'state'> & Partial<Pick<Deal, 'amount'>>;

/**
 * The chain of one lead from what the book holds about them: their own outreach (asks and
 * outcomes) and the deals they are a contact of. A deal whose win was also logged as an ask's
 * outcome (the ask carries its `dealId`) counts once, as in the quota's "closed".
 */
export function leadProgress(
  lead: Pick<Contact, 'referral'>,
  outreach: readonly LeadRecord[],
  deals: readonly LeadDeal[],
): LeadProgress {
  let wonAmount = 0;
  let wonDeals = 0;
  const logged = new Set<string>();
  let meetingOutcome = false;
  let lostOutcome = false;
  for (const record of outreach) {
    if (record.outcome === 'won') {
      wonAmount += record.wonAmount ?? 0;
      wonDeals++;
      if (record.dealId) logged.add(record.dealId);
    }
    if (record.outcome === 'meeting') meetingOutcome = true;
    if (record.outcome === 'lost' || record.outcome === 'declined') lostOutcome = true;
  }
  let openDeal = false;
  let lostDeal = false;
  for (const deal of deals) {
    if (deal.state === 'open') openDeal = true;
    if (deal.state === 'lost') lostDeal = true;
    if (deal.state === 'won' && !logged.has(deal.id)) {
      wonAmount += deal.amount ?? 0;
      wonDeals++;
    }
  }
  const dealt = deals.length > 0 || wonDeals > 0;
  const met = dealt || meetingOutcome || lead.referral?.meetingAt !== undefined;
  const contacted = outreach.length > 0 || lead.referral?.introducedAt !== undefined;
  const stage: LeadStage =
    wonDeals > 0
      ? 'won'
      : !openDeal && (lostDeal || lostOutcome)
        ? 'lost'
        : met
          ? 'deal'
          : contacted
            ? 'meet'
            : 'ask-intro';
  return { stage, met, dealt, wonAmount, wonDeals };
}

/** A lead still in play: it may yet close. */
export function isOpenLead(progress: Pick<LeadProgress, 'stage'>): boolean {
  return progress.stage !== 'won' && progress.stage !== 'lost';
}

/**
 * The hook for pipeline coverage (shared/pace.ts `PaceInput.open`): each referred lead still in
 * play is an open referral ask, so a referral received raises coverage where recording it used to
 * drop the ask it came from. A lead that became a deal is counted with the deals instead.
 */
export function openLeadAsks(progress: readonly Pick<LeadProgress, 'stage' | 'dealt'>[]): OpenAsk[] {
  return progress.filter((lead) => isOpenLead(lead) && !lead.dealt).map(() => ({ kind: 'referral-ask' }));
}

/** What one referrer's referrals came to, for their ledger and the analytics. */
export interface ReferralCredit {
  referred: number;
  met: number;
  dealt: number;
  won: number;
  wonAmount: number;
}

export const NO_CREDIT: ReferralCredit = { referred: 0, met: 0, dealt: 0, won: 0, wonAmount: 0 };

/** Adds up the chains of the leads one person referred. */
export function creditOf(leads: readonly LeadProgress[]): ReferralCredit {
  const credit = { ...NO_CREDIT };
  for (const lead of leads) {
    credit.referred++;
    if (lead.met) credit.met++;
    if (lead.dealt) credit.dealt++;
    if (lead.wonDeals > 0) credit.won++;
    credit.wonAmount += lead.wonAmount;
  }
  return credit;
}
