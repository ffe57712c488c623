/**
 * The deal review of the manager brief: open deals sorted into the forecast categories a sales
 * manager reviews (commit, best case, pipeline), what lies beyond the period, and the sums.
 * Plain data, no browser APIs.
 */
import type { Deal } from './deals.ts';
import type { LocalDate } from './model.ts';

export const FORECAST_CATEGORIES = ['commit', 'best-case', 'pipeline'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/*
 * CRM stages named by the exports the import reads (HubSpot's internal ids, Salesforce's and
 * Pipedrive's default stages). Commit: paper is out or being negotiated — the deal closes this
 * period unless something breaks. Best case: a proposal or a decision is pending — it can close
 * this period with help. Everything earlier is pipeline.
 */
const COMMIT = /commit|contract|negotiat|verbal|closing|signature|decisionmakerboughtin|procurement/i;
const BEST_CASE = /proposal|quote|pric|decision|perception|evaluat|trial|pilot|proof|\bpoc\b|presentationscheduled/i;

/** The category a stage name falls in; a deal without a stage is pipeline. */
export function categoryOfStage(stage: string | undefined): ForecastCategory {
  if (!stage) return 'pipeline';
  if (COMMIT.test(stage)) return 'commit';
  if (BEST_CASE.test(stage)) return 'best-case';
  return 'pipeline';
}

export interface ReviewedDeal {
  id: string;
  name: string;
  company?: string;
  stage?: string;
  /** Absent when the deal has no amount, or one in another currency than the quota's. */
  amount?: number;
  /** The deal's own currency when it differs from the quota's (its amount is then not summed). */
  otherCurrency?: { amount: number; currency: string };
  closeDate?: LocalDate;
  nextStep?: string;
  impediment?: Deal['impediment'];
}

export interface CategoryReview {
  category: ForecastCategory;
  deals: ReviewedDeal[];
  /** Sum of the amounts in the quota's currency. */
  amount: number;
}

export interface DealReview {
  categories: CategoryReview[];
  /** Open deals whose close date is after the period's end: they seed the next period. */
  later: ReviewedDeal[];
  laterAmount: number;
  /** Open deals counted in the categories. */
  open: number;
}

function reviewed(deal: Deal, currency: string): ReviewedDeal {
  const sameCurrency = deal.currency === undefined || deal.currency === currency;
  return {
    id: deal.id,
    name: deal.name,
    ...(deal.company ? { company: deal.company } : {}),
    ...(deal.stage ? { stage: deal.stage } : {}),
    ...(deal.amount !== undefined && sameCurrency ? { amount: deal.amount } : {}),
    ...(deal.amount !== undefined && !sameCurrency && deal.currency
      ? { otherCurrency: { amount: deal.amount, currency: deal.currency } }
      : {}),
    ...(deal.closeDate ? { closeDate: deal.closeDate } : {}),
    ...(deal.nextStep ? { nextStep: deal.nextStep } : {}),
    ...(deal.impediment ? { impediment: deal.impediment } : {}),
  };
}

const sum = (deals: readonly ReviewedDeal[]) => deals.reduce((total, deal) => total + (deal.amount ?? 0), 0);

/**
 * Open deals by category, largest first. A deal due after `periodEnd` is listed apart (it cannot
 * close this period by its own date); one past its close date stays in its category — it is
 * stalled, and the review shows what was learned about it.
 */
export function reviewDeals(deals: readonly Deal[], periodEnd: LocalDate, currency: string): DealReview {
  const open = deals.filter((deal) => deal.state === 'open');
  const inPeriod = open.filter((deal) => deal.closeDate === undefined || deal.closeDate <= periodEnd);
  const bySize = (a: ReviewedDeal, b: ReviewedDeal) =>
    (b.amount ?? 0) - (a.amount ?? 0) || a.name.localeCompare(b.name);
  const categories = FORECAST_CATEGORIES.map((category) => {
    const rows = inPeriod
      .filter((deal) => categoryOfStage(deal.stage) === category)
      .map((deal) => reviewed(deal, currency))
      .sort(bySize);
    return { category, deals: rows, amount: sum(rows) };
  });
  const later = open
    .filter((deal) => deal.closeDate !== undefined && deal.closeDate > periodEnd)
    .map((deal) => reviewed(deal, currency))
    .sort(bySize);
  return { categories, later, laterAmount: sum(later), open: inPeriod.length };
}

/**
 * The forecast calls of the review, cumulative as managers read them: closed plus commit, then
 * plus best case, then plus the rest of the pipeline.
 */
export function forecastCalls(
  review: DealReview,
  closed: number,
): { commit: number; bestCase: number; pipeline: number } {
  const amountOf = (category: ForecastCategory) =>
    review.categories.find((row) => row.category === category)?.amount ?? 0;
  const commit = closed + amountOf('commit');
  const bestCase = commit + amountOf('best-case');
  return { commit, bestCase, pipeline: bestCase + amountOf('pipeline') };
}
