import type { OutreachKind } from '../model.ts';

/**
 * How long an ask takes to become a won deal, and the chance that happens before the period
 * ends. One stated model for every kind, so the popup can explain each number:
 *   a deal expected to take D days closes somewhere between ½·D and 1½·D (evenly spread), so
 *   with A days left the chance it closes in time is clamp((A − ½·D) / D, 0, 1).
 * A brand-new lead (a referral, a favour, a group post) takes the user's whole sales cycle; an
 * upsell to a customer a third of it (no new buyer to win over); a stalled deal its own close
 * date, or what its stage leaves of the cycle.
 */

/** The sales cycle assumed until the user states theirs: about two months, common in B2B. */
export const DEFAULT_SALES_CYCLE_DAYS = 60;
/** Won deals needed before the cycle is learned from them instead of the stated one. */
export const LEARN_CYCLE_FROM_DEALS = 5;
/** An upsell takes this share of the sales cycle. */
export const UPSELL_SHARE_OF_CYCLE = 1 / 3;
/** No ask turns into a signed deal faster than this, however short the cycle. */
export const MIN_DAYS_TO_CLOSE = 3;

export type CycleSource = 'learned' | 'stated' | 'default';

export interface SalesCycle {
  days: number;
  source: CycleSource;
  /** Won deals it was learned from (source `learned`). */
  deals?: number;
}

/** Days from first contact to a signed deal for an ask of `kind` started today. */
export function daysToClose(kind: OutreachKind, cycleDays: number): number {
  const days = kind === 'upsell' ? cycleDays * UPSELL_SHARE_OF_CYCLE : cycleDays;
  return Math.max(MIN_DAYS_TO_CLOSE, days);
}

/** The chance a deal expected to take `expectedDays` closes within `daysLeft` (see the model above). */
export function closeInsideChance(daysLeft: number, expectedDays: number): number {
  if (daysLeft < 0) return 0;
  const d = Math.max(MIN_DAYS_TO_CLOSE, expectedDays);
  return Math.min(1, Math.max(0, (daysLeft - d / 2) / d));
}

/**
 * The cycle the plan uses: learned from won deals (creation to win, the median) once there are
 * LEARN_CYCLE_FROM_DEALS of them, else the user's stated one, else the default. Deals whose win
 * is not after their creation (imported already won) say nothing about the cycle and are left out.
 */
export function salesCycleOf(
  stated: number | undefined,
  wonDeals: readonly { createdAt: number; wonAt?: number | undefined }[],
): SalesCycle {
  const durations = wonDeals
    .flatMap((deal) => (deal.wonAt !== undefined && deal.wonAt > deal.createdAt ? [deal.wonAt - deal.createdAt] : []))
    .map((ms) => ms / 86_400_000)
    .sort((a, b) => a - b);
  if (durations.length >= LEARN_CYCLE_FROM_DEALS) {
    const middle = durations.length / 2;
    const median =
      durations.length % 2 === 1
        ? (durations[Math.floor(middle)] as number)
        : ((durations[middle - 1] as number) + (durations[middle] as number)) / 2;
    return { days: Math.max(1, Math.round(median)), source: 'learned', deals: durations.length };
  }
  if (stated !== undefined && stated > 0) return { days: stated, source: 'stated' };
  return { days: DEFAULT_SALES_CYCLE_DAYS, source: 'default' };
}
