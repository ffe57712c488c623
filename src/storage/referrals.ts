import type { Contact, Referral } from '../shared/model.ts';
import type { HelpFact, NoteLocale } from '../shared/thank-you-note.ts';
import type { OpenAsk } from '../shared/pace.ts';
import {
  creditOf,
  leadProgress,
  NO_CREDIT,
  openLeadAsks,
  type LeadProgress,
  type ReferralCredit,
} from '../shared/referrals.ts';
import { outreachOfContact } from './archive.ts';
import type { Db } from './db.ts';
import { dealsOfContact } from './deals.ts';
import { getQuota } from './settings.ts';

/**
 * Referred leads (issue 15) as the UI and the plan read them: every contact with a referral is in
 * the `byReferralOutreach` index (storage v6), so the leads are one index read however large the
 * book; each lead's chain is read from its own outreach and deals.
 */

export interface LeadView {
  lead: Contact;
  /** Who referred them; absent when the referring contact was deleted or the referral came from a group. */
  referrer?: Pick<Contact, 'id' | 'fullName' | 'firstName' | 'company' | 'email' | 'linkedinUrl'>;
  progress: LeadProgress;
}

/** Every referred contact, oldest referral first. */
export async function referredContacts(db: Db): Promise<Contact[]> {
  const leads = await db.getAllFromIndex('contacts', 'byReferralOutreach');
  return leads.sort((a, b) => (a.referral?.at ?? 0) - (b.referral?.at ?? 0));
}

/** The contacts referred in the outcome of one ask (a thank-you note names them). */
export function leadsOfAsk(db: Db, outreachId: string): Promise<Contact[]> {
  return db.getAllFromIndex('contacts', 'byReferralOutreach', outreachId);
}

async function progressOf(db: Db, lead: Contact): Promise<LeadProgress> {
  const [outreach, deals] = await Promise.all([outreachOfContact(db, lead.id), dealsOfContact(db, lead.id)]);
  return leadProgress(lead, outreach, deals);
}

/** Every lead with its referrer and where its chain stands. */
export async function referredLeads(db: Db): Promise<LeadView[]> {
  const leads = await referredContacts(db);
  return Promise.all(
    leads.map(async (lead) => {
      const [progress, referrer] = await Promise.all([
        progressOf(db, lead),
        lead.referredBy ? db.get('contacts', lead.referredBy) : undefined,
      ]);
      return { lead, progress, ...(referrer && { referrer }) };
    }),
  );
}

/** Leads still in play as open referral asks, for pipeline coverage (shared/referrals.ts openLeadAsks). */
export async function openReferralAsks(db: Db): Promise<OpenAsk[]> {
  const leads = await referredContacts(db);
  return openLeadAsks(await Promise.all(leads.map((lead) => progressOf(db, lead))));
}

/** What the leads one person referred came to: the referrer's credit in their ledger. */
export async function referralCreditOf(db: Db, referrerId: string): Promise<ReferralCredit> {
  const leads = (await referredContacts(db)).filter((lead) => lead.referredBy === referrerId);
  if (leads.length === 0) return { ...NO_CREDIT };
  return creditOf(await Promise.all(leads.map((lead) => progressOf(db, lead))));
}

/** The steps the user marks on a lead: the referrer made the introduction; the first meeting. */
export type LeadStep = 'introduced' | 'met';

/** Marks a step done (or not done: `done` false takes it back). */
export async function markLeadStep(db: Db, leadId: string, step: LeadStep, done = true, now = Date.now()) {
  const tx = db.transaction('contacts', 'readwrite');
  const lead = await tx.store.get(leadId);
  if (!lead?.referral) throw new Error('That person is no longer a referred lead.');
  const { introducedAt, meetingAt, ...rest } = lead.referral;
  const at = (current: number | undefined, mine: boolean) => (mine ? (done ? now : undefined) : current);
  const introduced = at(introducedAt, step === 'introduced');
  const met = at(meetingAt, step === 'met');
  const referral: Referral = {
    ...rest,
    ...(introduced !== undefined && { introducedAt: introduced }),
    ...(met !== undefined && { meetingAt: met }),
  };
  await tx.store.put({ ...lead, referral, updatedAt: now });
  await tx.done;
}

/** Money as the note's language writes it ("$12,000", "12.000 $"). */
function moneyIn(locale: NoteLocale, currency: string): (amount: number) => string {
  try {
    const format = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
    return (amount) => format.format(amount);
  } catch {
    return (amount) => `${amount} ${currency}`;
  }
}

/**
 * What a thank-you note to this person names: each help still owed a thank-you (else the most
 * recent help), with the people a referral named and how far each went, and a win's amount.
 */
export async function helpFactsFor(db: Db, contactId: string, locale: NoteLocale): Promise<HelpFact[]> {
  const [thanks, quota] = await Promise.all([db.getAllFromIndex('thanks', 'byContact', contactId), getQuota(db)]);
  const owed = thanks.filter((thank) => thank.status === 'owed');
  const latest = [...thanks].sort((a, b) => b.owedSince - a.owedSince).slice(0, 1);
  const money = moneyIn(locale, quota?.currency ?? 'USD');
  return Promise.all(
    (owed.length > 0 ? owed : latest).map(async (thank): Promise<HelpFact> => {
      if (thank.outcome === 'helped-referral') {
        const leads = await leadsOfAsk(db, thank.outreachId);
        const referred = await Promise.all(
          leads.map(async (lead) => {
            const progress = await progressOf(db, lead);
            return {
              fullName: lead.fullName,
              company: lead.company,
              stage: progress.stage,
              introduced: lead.referral?.introducedAt !== undefined,
              won: progress.wonAmount > 0 ? money(progress.wonAmount) : undefined,
            };
          }),
        );
        return { outcome: thank.outcome, referred };
      }
      if (thank.outcome === 'won') {
        const record = await db.get('outreach', thank.outreachId);
        return { outcome: 'won', won: record?.wonAmount ? money(record.wonAmount) : undefined };
      }
      return { outcome: thank.outcome };
    }),
  );
}
