import { dayNumber } from '../dates.ts';
import { isStalled, type Deal } from '../deals.ts';
import type { LocalDate } from '../model.ts';
import { stageProbability } from './stages.ts';
import { closeInsideChance, MIN_DAYS_TO_CLOSE, salesCycleOf, type SalesCycle } from './timing.ts';

/**
 * What the plan needs of the pipeline, computed by the worker from the deals store (it reads
 * every deal for the named queue anyway) and stored as one settings row, so the popup's first
 * render reads one key instead of thousands of deals.
 */
export interface PlanFacts {
  /** The inputs these figures were computed for (planFactsKey); stale facts are not used. */
  key: string;
  cycle: SalesCycle;
  /** Open deals × stage probability: what can close inside the period, what seeds the next. */
  deals: { count: number; inside: number; next: number; unknownStages: number };
  /** Stalled deals: the mean value one revival can close inside the period, and after it. */
  stalled: { count: number; insideValue: number; nextValue: number };
}

export interface PlanFactsInput {
  now: number;
  today: LocalDate;
  periodEnd: LocalDate;
  unit: 'amount' | 'deals';
  currency: string;
  averageDealSize: number;
  statedCycleDays?: number | undefined;
  stalledAfterDays?: number | undefined;
  deals: readonly Deal[];
}

export function planFactsKey(input: Omit<PlanFactsInput, 'now' | 'deals'>): string {
  return JSON.stringify([
    input.today,
    input.periodEnd,
    input.unit,
    input.currency,
    input.averageDealSize,
    input.statedCycleDays ?? null,
    input.stalledAfterDays ?? null,
  ]);
}

/**
 * The chance an open deal is signed by `periodEnd`: a close date still ahead is taken at its
 * word (inside or not); without one, or past it, the deal needs what its stage leaves of the
 * cycle — (1 − p) × cycle days — spread as closeInsideChance spreads every estimate.
 */
export function dealInsideChance(
  deal: Pick<Deal, 'closeDate' | 'stage'>,
  today: LocalDate,
  periodEnd: LocalDate,
  cycleDays: number,
): number {
  if (deal.closeDate !== undefined && deal.closeDate >= today) return deal.closeDate <= periodEnd ? 1 : 0;
  const left = (dayNumber(periodEnd) ?? 0) - (dayNumber(today) ?? 0);
  const remaining = Math.max(MIN_DAYS_TO_CLOSE, cycleDays * (1 - stageProbability(deal.stage).probability));
  return closeInsideChance(left, remaining);
}

export function planFacts(input: PlanFactsInput): PlanFacts {
  const cycle = salesCycleOf(
    input.statedCycleDays,
    input.deals.filter((deal) => deal.state === 'won'),
  );
  const deals = { count: 0, inside: 0, next: 0, unknownStages: 0 };
  const stalled = { count: 0, insideValue: 0, nextValue: 0 };
  for (const deal of input.deals) {
    if (deal.state !== 'open') continue;
    // No rate to convert another currency with: such deals are left out, as wins are.
    if (input.unit === 'amount' && deal.currency !== undefined && deal.currency !== input.currency) continue;
    const value = input.unit === 'deals' ? 1 : (deal.amount ?? input.averageDealSize);
    const stage = stageProbability(deal.stage);
    const inside = dealInsideChance(deal, input.today, input.periodEnd, cycle.days);
    deals.count++;
    if (!stage.known) deals.unknownStages++;
    deals.inside += value * stage.probability * inside;
    deals.next += value * stage.probability * (1 - inside);
    if (isStalled(deal, input.now, input.today, input.stalledAfterDays)) {
      stalled.count++;
      stalled.insideValue += value * inside;
      stalled.nextValue += value * (1 - inside);
    }
  }
  if (stalled.count > 0) {
    stalled.insideValue /= stalled.count;
    stalled.nextValue /= stalled.count;
  }
  return { key: planFactsKey(input), cycle, deals, stalled };
}
