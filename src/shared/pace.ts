import { calendarOf, effectivePeriod, isWorkedDay, workedDaysBetween } from './calendar.ts';
import { dayNumber } from './dates.ts';
import { PRIOR_STRENGTH } from './defaults.ts';
import type { ConversionAssumptions, LocalDate, Outcome, OutreachKind, Quota, StepCapacity } from './model.ts';
import { decidesConversion, isAsk } from './asks.ts';
import type { PlanFacts } from './plan/pipeline.ts';
import { closeInsideChance, daysToClose, type SalesCycle } from './plan/timing.ts';

/**
 * The quota-gap engine: how far from the target, how many asks of which kind close it at the
 * user's own conversion, and whether that pace is humane. Pure and explainable: every number
 * the popup shows comes out of here with what it was computed from.
 */

/** The playbook's steps, in the order they are worked: customers, then stalled deals, then networks. */
export const PLAYBOOK_STEPS = ['customers', 'stalled', 'networks'] as const;
export type PlaybookStep = (typeof PLAYBOOK_STEPS)[number];

/** Kinds that belong to each step; the first is the one the step's conversion is read from. */
export const STEP_KINDS: Record<PlaybookStep, readonly OutreachKind[]> = {
  customers: ['referral-ask', 'upsell'],
  stalled: ['stalled-revival'],
  networks: ['favour-ask', 'group-post'],
};

/** Outcomes that end an ask; "won" is the one that counts as a conversion. */
export const WIN: Outcome = 'won';

/** Asks of a kind whose outcome was logged, and how many of those were won. */
export interface KindTally {
  asks: number;
  wins: number;
}
export type Tally = Partial<Record<OutreachKind, KindTally>>;

/** The ask kinds in a fixed order, for counting; a unit test keeps it equal to ASK_KINDS. */
export const TALLIED_KINDS = ['referral-ask', 'upsell', 'stalled-revival', 'favour-ask', 'group-post'] as const;

/**
 * Counts resolved asks and wins per kind; asks still waiting for an answer are not evidence yet.
 * One tight pass with plain counters and a switch on the kind: a year of history is tens of
 * thousands of records, and a map lookup per record costs several times more.
 */
export function tallyOutcomes(records: readonly { kind: OutreachKind; outcome?: Outcome | undefined }[]): Tally {
  let referral = 0;
  let upsell = 0;
  let stalled = 0;
  let favour = 0;
  let group = 0;
  let referralWins = 0;
  let upsellWins = 0;
  let stalledWins = 0;
  let favourWins = 0;
  let groupWins = 0;
  for (const record of records) {
    const outcome = record.outcome;
    // A referral received is not a decision: the ask lives on in the lead (asks.ts).
    if (!decidesConversion(outcome)) continue;
    const won = outcome === WIN ? 1 : 0;
    switch (record.kind) {
      case 'referral-ask':
        referral++;
        referralWins += won;
        break;
      case 'upsell':
        upsell++;
        upsellWins += won;
        break;
      case 'stalled-revival':
        stalled++;
        stalledWins += won;
        break;
      case 'favour-ask':
        favour++;
        favourWins += won;
        break;
      case 'group-post':
        group++;
        groupWins += won;
        break;
      default:
        break;
    }
  }
  const counts: [OutreachKind, number, number][] = [
    ['referral-ask', referral, referralWins],
    ['upsell', upsell, upsellWins],
    ['stalled-revival', stalled, stalledWins],
    ['favour-ask', favour, favourWins],
    ['group-post', group, groupWins],
  ];
  const tally: Tally = {};
  for (const [kind, asks, wins] of counts) if (asks > 0) tally[kind] = { asks, wins };
  return tally;
}

export interface Conversion {
  /** The stated assumption (the prior mean). */
  assumed: number;
  asks: number;
  wins: number;
  /** (wins + α) / (asks + α + β), with α = assumed × strength and β = (1 − assumed) × strength. */
  rate: number;
}

/** Beta-prior conversion: starts at the assumption and moves to the user's own history. */
export function conversionOf(assumed: number, observed: KindTally | undefined, strength = PRIOR_STRENGTH): Conversion {
  const p = Math.min(1, Math.max(0, assumed));
  const asks = observed?.asks ?? 0;
  const wins = Math.min(asks, observed?.wins ?? 0);
  const alpha = p * strength;
  const beta = (1 - p) * strength;
  const denominator = asks + alpha + beta;
  return { assumed: p, asks, wins, rate: denominator > 0 ? (wins + alpha) / denominator : 0 };
}

export interface OpenAsk {
  kind: OutreachKind;
  /** Potential value of the deal in the target's unit; absent means one average deal. */
  potentialValue?: number | undefined;
  /** The day it was sent: a lead started earlier has more of its cycle behind it. */
  sentOn?: LocalDate | undefined;
  /** A revival of a deal the pipeline already counts (not counted twice). */
  dealId?: string | undefined;
}

/**
 * The deadline side of the plan: the sales cycle each kind's time to close is read from, and
 * what the pipeline can close inside the period (the worker's PlanFacts). Without it every ask
 * is valued as if it could close by the deadline (the engine's behaviour before timing).
 */
export interface PlanTiming {
  cycle: SalesCycle;
  facts?: Pick<PlanFacts, 'deals' | 'stalled'> | undefined;
}

export interface PaceInput {
  quota: Quota;
  today: LocalDate;
  /** Won inside the effective period: the amounts, and the number of deals. */
  wonInPeriod: { amount: number; deals: number };
  /** Asks made today, per kind. */
  asksToday: Partial<Record<OutreachKind, number>>;
  assumptions: ConversionAssumptions;
  history: Tally;
  /** Asks still waiting for an answer (for pipeline coverage). */
  open: readonly OpenAsk[];
  stepCapacity: StepCapacity;
  realisticAsksPerDay: number;
  priorStrength?: number;
  timing?: PlanTiming | undefined;
}

export type PaceState = 'closed' | 'on-the-way' | 'period-over' | 'not-started' | 'no-working-day-left';

export interface StepPlan {
  step: PlaybookStep;
  kind: OutreachKind;
  conversion: Conversion;
  /** Expected value of one ask at this step that closes inside the period, in the target's unit. */
  valuePerAsk: number;
  /** Expected value of one ask that closes after the period: it seeds the next one. */
  seedsPerAsk: number;
  /** The chance an ask of this step that wins closes before the period ends (1 without timing). */
  insideChance: number;
  /** Asks planned for today at this step. */
  planned: number;
  made: number;
  left: number;
}

export interface Pace {
  unit: 'amount' | 'deals';
  period: { start: LocalDate; end: LocalDate };
  closed: number;
  gap: number;
  /** Share of the target reached, 0..1. */
  progress: number;
  state: PaceState;
  workingDaysLeft: number;
  /** Whether today is a worked day (asks made on other days still count). */
  workingToday: boolean;
  /** Value to produce per working day to close the gap; null when no working day is left. */
  valuePerDay: number | null;
  /** Today's plan in playbook order; null when no pace can be computed. */
  steps: StepPlan[] | null;
  asksPlannedToday: number | null;
  asksMadeToday: number;
  asksLeftToday: number | null;
  /**
   * What can close inside the period: open deals × stage probability plus open asks × conversion
   * (each × its chance to close in time), and that against the gap.
   */
  pipelineValue: number;
  pipelineDeals: number;
  pipelineAsks: number;
  /** What the pipeline is expected to close after the period (seeds the next one). */
  pipelineNext: number;
  /** Open deals counted; of them, deals whose stage took the stated default probability. */
  openDeals: number;
  unknownStages: number;
  coverage: number | null;
  /** Expected value today's planned asks close after the period. */
  seedsToday: number;
  /** Value per day no ask can close in time any more (the plan falls short by it). */
  shortToday: number;
  /** The cycle the timing used, null without timing. */
  cycle: SalesCycle | null;
  /** Calendar days from today (or the period's start) to its end. */
  daysToDeadline: number;
  /**
   * Fewer days left than a new lead takes: the plan leads with what can still close (stalled
   * deals, upsells) and says why.
   */
  nearDeadline: boolean;
  realisticAsksPerDay: number;
  /** The plan needs more asks a day than the realistic limit: time for the manager brief. */
  beyondRealistic: boolean;
}

function conversionFor(kind: OutreachKind, input: PaceInput): Conversion {
  return conversionOf(input.assumptions[kind], input.history[kind], input.priorStrength);
}

/** Calendar days an ask started on `from` has until `end` (negative after it). */
function daysUntil(from: LocalDate, end: LocalDate): number {
  return (dayNumber(end) ?? 0) - (dayNumber(from) ?? 0);
}

interface KindValue {
  kind: OutreachKind;
  conversion: Conversion;
  valuePerAsk: number;
  seedsPerAsk: number;
  insideChance: number;
}

/** One ask of `kind` made today: its value inside the period and after it. */
function valueOfKind(kind: OutreachKind, unitValue: number, daysLeft: number, input: PaceInput): KindValue {
  const conversion = conversionFor(kind, input);
  const timing = input.timing;
  if (!timing) return { kind, conversion, valuePerAsk: unitValue * conversion.rate, seedsPerAsk: 0, insideChance: 1 };
  const stalled = timing.facts?.stalled;
  if (kind === 'stalled-revival' && stalled && stalled.count > 0) {
    // The stalled deals' own amounts, close dates and stages (the mean over them).
    const total = stalled.insideValue + stalled.nextValue;
    return {
      kind,
      conversion,
      valuePerAsk: stalled.insideValue * conversion.rate,
      seedsPerAsk: stalled.nextValue * conversion.rate,
      insideChance: total > 0 ? stalled.insideValue / total : 0,
    };
  }
  // A stalled deal with no pipeline data: half of its cycle is assumed behind it.
  const expected = kind === 'stalled-revival' ? timing.cycle.days / 2 : daysToClose(kind, timing.cycle.days);
  const insideChance = closeInsideChance(daysLeft, expected);
  return {
    kind,
    conversion,
    valuePerAsk: unitValue * conversion.rate * insideChance,
    seedsPerAsk: unitValue * conversion.rate * (1 - insideChance),
    insideChance,
  };
}

/**
 * The kind a step asks for: its first; near the deadline, the one that closes more inside the
 * period (customers: an upsell rather than a referral that cannot close in time).
 */
function stepKind(step: PlaybookStep, unitValue: number, daysLeft: number, input: PaceInput, near: boolean): KindValue {
  const kinds = step === 'networks' ? STEP_KINDS[step].slice(0, 1) : STEP_KINDS[step];
  let best = valueOfKind(kinds[0] as OutreachKind, unitValue, daysLeft, input);
  if (!near) return best;
  for (const kind of kinds.slice(1)) {
    const candidate = valueOfKind(kind, unitValue, daysLeft, input);
    if (candidate.valuePerAsk > best.valuePerAsk) best = candidate;
  }
  return best;
}

/** The order the steps are worked in: the playbook's, or near the deadline what can still close first. */
export function stepOrder(nearDeadline: boolean): readonly PlaybookStep[] {
  return nearDeadline ? ['stalled', 'customers', 'networks'] : PLAYBOOK_STEPS;
}

/** Fills the day's value in order: each early step up to its capacity, networks take the rest. */
function planSteps(
  valueToday: number,
  unitValue: number,
  input: PaceInput,
  countMade: boolean,
  daysLeft: number,
  near: boolean,
): { plans: StepPlan[]; short: number } | null {
  let remaining = valueToday;
  const plans: StepPlan[] = [];
  let anyConverts = false;
  for (const step of stepOrder(near)) {
    const { kind, conversion, valuePerAsk, seedsPerAsk, insideChance } = stepKind(
      step,
      unitValue,
      daysLeft,
      input,
      near,
    );
    const capacity =
      step === 'networks' ? Infinity : Math.max(0, Math.floor(input.stepCapacity[step as keyof StepCapacity]));
    let planned = 0;
    if (conversion.rate > 0) anyConverts = true;
    // Asks are sized at their whole expected value (inside the period and after it) but only
    // what closes in time counts against the day's share: near a deadline each step still gets
    // its asks (they seed the next period, shown apart) and what cannot close in time is short.
    const sizing = valuePerAsk + seedsPerAsk;
    if (sizing > 0 && remaining > 0) {
      // A tiny epsilon keeps 10 000 / 2 500 from becoming 5 through floating-point noise.
      planned = Math.min(capacity, Math.ceil(remaining / sizing - 1e-9));
      remaining -= planned * valuePerAsk;
    }
    const made = countMade ? STEP_KINDS[step].reduce((sum, k) => sum + (input.asksToday[k] ?? 0), 0) : 0;
    plans.push({
      step,
      kind,
      conversion,
      valuePerAsk,
      seedsPerAsk,
      insideChance,
      planned,
      made,
      left: Math.max(0, planned - made),
    });
  }
  return anyConverts || valueToday === 0 ? { plans, short: Math.max(0, remaining) } : null;
}

export function computePace(input: PaceInput): Pace {
  const { quota, today } = input;
  const unit = quota.targetKind === 'deals' ? 'deals' : 'amount';
  const period = effectivePeriod(quota, today);
  const calendar = calendarOf(quota);
  const won = unit === 'deals' ? input.wonInPeriod.deals : input.wonInPeriod.amount;
  const closed = period.closedBaseline + won;
  const gap = Math.max(0, quota.target - closed);
  const progress = quota.target > 0 ? Math.min(1, closed / quota.target) : 1;

  const todayDay = dayNumber(today) ?? 0;
  const startDay = dayNumber(period.start) ?? 0;
  const endDay = dayNumber(period.end) ?? 0;
  const from = startDay > todayDay ? period.start : today;
  const workingDaysLeft = workedDaysBetween(from, period.end, calendar);
  const workingToday = isWorkedDay(today, calendar);

  let state: PaceState = 'on-the-way';
  if (gap === 0) state = 'closed';
  else if (todayDay > endDay) state = 'period-over';
  else if (todayDay < startDay) state = 'not-started';
  else if (workingDaysLeft === 0) state = 'no-working-day-left';

  const unitValue = unit === 'deals' ? 1 : quota.averageDealSize;
  const valuePerDay = gap === 0 ? 0 : workingDaysLeft > 0 && state !== 'period-over' ? gap / workingDaysLeft : null;
  const countMade = state === 'on-the-way' || state === 'closed';
  const daysToDeadline = Math.max(0, daysUntil(from, period.end));
  const cycle = input.timing?.cycle ?? null;
  const nearDeadline = cycle !== null && gap > 0 && state !== 'period-over' && daysToDeadline < cycle.days;
  const planned =
    valuePerDay === null ? null : planSteps(valuePerDay, unitValue, input, countMade, daysToDeadline, nearDeadline);
  const steps = planned?.plans ?? null;
  const asksMadeToday = Object.entries(input.asksToday).reduce(
    (sum, [kind, count]) => sum + (isAsk(kind as OutreachKind) ? (count ?? 0) : 0),
    0,
  );
  const asksPlannedToday = steps ? steps.reduce((sum, step) => sum + step.planned, 0) : null;
  const asksLeftToday = steps ? steps.reduce((sum, step) => sum + step.left, 0) : null;

  let pipelineAsks = 0;
  let asksNext = 0;
  const facts = input.timing?.facts;
  for (const ask of input.open) {
    if (!isAsk(ask.kind)) continue;
    // A revival of a deal in the pipeline is counted once, as the deal.
    if (facts && ask.dealId !== undefined) continue;
    const rate = conversionFor(ask.kind, input).rate;
    const value = unit === 'deals' ? 1 : (ask.potentialValue ?? quota.averageDealSize);
    const inside = cycle
      ? closeInsideChance(
          daysUntil(ask.sentOn ?? from, period.end),
          ask.kind === 'stalled-revival' ? cycle.days / 2 : daysToClose(ask.kind, cycle.days),
        )
      : 1;
    pipelineAsks += value * rate * inside;
    asksNext += value * rate * (1 - inside);
  }
  const pipelineDeals = facts?.deals.inside ?? 0;
  const pipelineValue = pipelineAsks + pipelineDeals;
  const seedsToday = steps ? steps.reduce((sum, step) => sum + step.planned * step.seedsPerAsk, 0) : 0;
  const shortToday = planned?.short ?? 0;

  return {
    unit,
    period: { start: period.start, end: period.end },
    closed,
    gap,
    progress,
    state,
    workingDaysLeft,
    workingToday,
    valuePerDay,
    steps,
    asksPlannedToday,
    asksMadeToday,
    asksLeftToday,
    pipelineValue,
    pipelineDeals,
    pipelineAsks,
    pipelineNext: asksNext + (facts?.deals.next ?? 0),
    openDeals: facts?.deals.count ?? 0,
    unknownStages: facts?.deals.unknownStages ?? 0,
    coverage: gap > 0 ? pipelineValue / gap : null,
    seedsToday,
    shortToday,
    cycle,
    daysToDeadline,
    nearDeadline,
    realisticAsksPerDay: input.realisticAsksPerDay,
    beyondRealistic:
      state === 'on-the-way' &&
      (asksPlannedToday === null || asksPlannedToday > input.realisticAsksPerDay || shortToday > 0),
  };
}
