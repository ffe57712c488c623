import type { Favour, Outcome, Outreach, ThankYou } from './model.ts';
import { isAsk } from './asks.ts';
import { DAY_MS } from './dates.ts';
import { NO_CREDIT, type ReferralCredit } from './referrals.ts';

/** Outcomes where the person helped: each one is owed a thank-you. */
export const HELP_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  'helped-referral',
  'helped-intro',
  'helped-advice',
  'meeting',
  'won',
]);

export function isHelp(outcome: Outcome | undefined): boolean {
  return outcome !== undefined && HELP_OUTCOMES.has(outcome);
}

/** Window in which repeated asks to one person count as "often". */
export const RECENT_ASK_DAYS = 30;
/** Asks within the window from which the next one gets a warning. */
export const OFTEN_ASKED = 2;

export interface Ledger {
  asksMade: number;
  helpReceived: number;
  thanksSent: number;
  favoursGiven: number;
  thanksOwed: number;
  asksInLast30Days: number;
  lastHelpAt: number | null;
  lastThanksAt: number | null;
  /** The people they referred and what came of it: referral → meeting → deal → won. */
  referrals: ReferralCredit;
}

/** What to point out before the next ask; the UI words it (src/ui/ledger-warnings.ts). */
export type LedgerWarning =
  { kind: 'not-thanked'; firstName: string } | { kind: 'asked-often'; firstName: string; count: number; days: number };

/** Goodwill with one contact, from their outreach, favours done for them and thank-yous owed. */
export function ledgerOf(
  outreach: readonly Pick<Outreach, 'kind' | 'createdAt' | 'outcome' | 'outcomeAt'>[],
  favours: readonly Pick<Favour, 'at'>[],
  thanks: readonly Pick<ThankYou, 'status'>[],
  now: number,
  /** Credit for their referrals (shared/referrals.ts creditOf over the leads they referred). */
  referrals: ReferralCredit = NO_CREDIT,
): Ledger {
  const since = now - RECENT_ASK_DAYS * DAY_MS;
  const ledger: Ledger = {
    asksMade: 0,
    helpReceived: 0,
    thanksSent: 0,
    favoursGiven: favours.length,
    thanksOwed: thanks.filter((thank) => thank.status === 'owed').length,
    asksInLast30Days: 0,
    lastHelpAt: null,
    lastThanksAt: null,
    referrals: { ...referrals },
  };
  for (const record of outreach) {
    if (isAsk(record.kind)) {
      ledger.asksMade++;
      if (record.createdAt >= since && record.createdAt <= now) ledger.asksInLast30Days++;
    }
    if (record.kind === 'thank-you') {
      ledger.thanksSent++;
      ledger.lastThanksAt = Math.max(ledger.lastThanksAt ?? 0, record.createdAt);
    }
    if (isHelp(record.outcome)) {
      ledger.helpReceived++;
      const at = record.outcomeAt ?? record.createdAt;
      ledger.lastHelpAt = Math.max(ledger.lastHelpAt ?? 0, at);
    }
  }
  return ledger;
}

/** What to point out before asking this person again (`firstName` may be empty). */
export function askWarnings(ledger: Ledger, firstName: string): LedgerWarning[] {
  const warnings: LedgerWarning[] = [];
  const unthanked =
    ledger.thanksOwed > 0 ||
    (ledger.lastHelpAt !== null && (ledger.lastThanksAt === null || ledger.lastThanksAt < ledger.lastHelpAt));
  if (unthanked) warnings.push({ kind: 'not-thanked', firstName });
  if (ledger.asksInLast30Days >= OFTEN_ASKED)
    warnings.push({ kind: 'asked-often', firstName, count: ledger.asksInLast30Days, days: RECENT_ASK_DAYS });
  return warnings;
}
