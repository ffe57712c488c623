import { effectivePeriod } from '../shared/calendar.ts';
import { localDateOf } from '../shared/dates.ts';
import type { Deal } from '../shared/deals.ts';
import type { PaceSettings, Quota } from '../shared/model.ts';
import { planFacts, planFactsKey, type PlanFacts, type PlanFactsInput } from '../shared/plan/pipeline.ts';
import type { Db } from './db.ts';

/**
 * The plan's pipeline facts (shared/plan/pipeline.ts): computed by the worker with the named
 * queue from the deals it reads anyway, stored as one settings row the popup reads by key.
 */

function factsInput(quota: Quota, pace: PaceSettings, nowDate: Date): Omit<PlanFactsInput, 'deals'> {
  const today = localDateOf(nowDate);
  return {
    now: nowDate.getTime(),
    today,
    periodEnd: effectivePeriod(quota, today).end,
    unit: quota.targetKind === 'deals' ? 'deals' : 'amount',
    currency: quota.currency,
    averageDealSize: quota.averageDealSize,
    statedCycleDays: pace.salesCycleDays,
    stalledAfterDays: pace.stalledAfterDays,
  };
}

/** The stored facts when they were computed for today's quota, period and settings; else undefined. */
export async function readPlanFacts(
  db: Db,
  quota: Quota,
  pace: PaceSettings,
  nowDate: Date,
): Promise<PlanFacts | undefined> {
  const row = await db.get('settings', 'planFacts');
  const facts = row?.key === 'planFacts' ? row.value : undefined;
  return facts?.key === planFactsKey(factsInput(quota, pace, nowDate)) ? facts : undefined;
}

/** Computes and stores the facts from every deal (the worker, with the queue). */
export async function refreshPlanFacts(
  db: Db,
  deals: readonly Deal[],
  quota: Quota,
  pace: PaceSettings,
  nowDate: Date,
): Promise<PlanFacts> {
  const facts = planFacts({ ...factsInput(quota, pace, nowDate), deals });
  await db.put('settings', { key: 'planFacts', value: facts });
  return facts;
}
