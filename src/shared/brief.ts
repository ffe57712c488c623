import type { ClosedBySource, DateRange, Funnels, PaceComparison, WeekCount } from './analytics.ts';
import { rate } from './analytics.ts';
import type { LocalDate } from './model.ts';
import type { Pace } from './pace.ts';

/**
 * The manager brief as facts: what was done, what it produced, where the money came from, when
 * prospecting stopped, and whether the remaining gap can be closed at a humane pace. No spin:
 * only numbers the log supports. The UI words each fact in the user's language
 * (src/options/dashboard/brief-text.ts); nothing here is English.
 */

export interface BriefInput {
  range: DateRange;
  funnels: Funnels;
  closed: ClosedBySource;
  weeksWithout: readonly WeekCount[];
  weeks: number;
  pace: PaceComparison;
  /** The quota engine's view of today; absent without a quota. */
  quota?: {
    unit: 'amount' | 'deals';
    target: number;
    closed: number;
    baseline: number;
    gap: number;
    workingDaysLeft: number;
    /** Value one ask brings on average at the user's conversion (the plan's blend); null when unknown. */
    valuePerAsk: number | null;
    beyondRealistic: boolean;
  };
}

/**
 * One statement of the brief. Amounts (`won`, `amount`) are money won from logged outreach;
 * values (`value`, `target`, `closed`, `gap`, `forecast`) are in the quota's unit. Shares are
 * fractions of 1.
 */
export type BriefFact =
  | { id: 'activity'; from: LocalDate; to: LocalDate; asks: number; workedDays: number; perDay: number | null }
  | { id: 'top-kind'; kind: string; asks: number }
  | { id: 'no-asks' }
  | { id: 'conversion'; asked: number; replied: number; helped: number; won: number }
  | { id: 'best-kind'; kind: string; won: number; asked: number }
  | { id: 'no-wins' }
  | { id: 'won'; deals: number; won: number }
  | { id: 'won-by-kind'; parts: { kind: string; amount: number; share: number }[] }
  | { id: 'won-by-relationship'; parts: { relationship: string; amount: number }[] }
  | { id: 'closed-before-logging'; value: number }
  | { id: 'every-week'; weeks: number }
  | { id: 'weeks-without'; without: number; weeks: number; weekStarts: LocalDate[] }
  | { id: 'no-quota' }
  | { id: 'target-reached'; target: number; closed: number }
  | { id: 'gap'; closed: number; target: number; gap: number; workingDaysLeft: number }
  | { id: 'no-pace-closes' }
  | { id: 'needed-pace'; needed: number; realistic: number; achieved: number | null }
  | { id: 'unreachable' }
  | { id: 'forecast'; forecast: number; share: number }
  | { id: 'within-reach' };

export type BriefSectionId = 'activity' | 'conversion' | 'revenue' | 'weeks' | 'pace';

export interface BriefSection {
  id: BriefSectionId;
  facts: BriefFact[];
}

/** Blended value of one ask from today's plan: what the planned asks are expected to bring. */
export function valuePerAskOf(pace: Pick<Pace, 'valuePerDay' | 'asksPlannedToday'>): number | null {
  if (pace.valuePerDay === null || !pace.asksPlannedToday) return null;
  return pace.valuePerDay / pace.asksPlannedToday;
}

/** One decimal, as the brief states averages. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function managerBrief(input: BriefInput): BriefSection[] {
  const { funnels, closed, pace } = input;
  const total = funnels.total;

  const activity: BriefFact[] = [
    {
      id: 'activity',
      from: input.range.from,
      to: input.range.to,
      asks: total.asked,
      workedDays: pace.workedDaysSoFar,
      perDay: pace.achievedPerDay === null ? null : oneDecimal(pace.achievedPerDay),
    },
  ];
  const topKind = funnels.byKind[0];
  if (topKind) activity.push({ id: 'top-kind', kind: topKind.key, asks: topKind.asked });

  const conversion: BriefFact[] = [];
  if (total.asked === 0) conversion.push({ id: 'no-asks' });
  else {
    conversion.push({
      id: 'conversion',
      asked: total.asked,
      replied: total.replied,
      helped: total.helped,
      won: total.won,
    });
    const best = [...funnels.byKind]
      .filter((row) => row.asked >= 5)
      .sort((a, b) => rate(b.won, b.asked) - rate(a.won, a.asked))[0];
    if (best && best.won > 0) conversion.push({ id: 'best-kind', kind: best.key, won: best.won, asked: best.asked });
  }

  const revenue: BriefFact[] = [];
  if (closed.deals === 0) revenue.push({ id: 'no-wins' });
  else {
    revenue.push({ id: 'won', deals: closed.deals, won: closed.won });
    revenue.push({
      id: 'won-by-kind',
      parts: closed.byKind.map((row) => ({ kind: row.key, amount: row.amount, share: rate(row.amount, closed.won) })),
    });
    revenue.push({
      id: 'won-by-relationship',
      parts: closed.byRelationship.map((row) => ({ relationship: row.key, amount: row.amount })),
    });
  }
  if (input.quota && input.quota.baseline > 0)
    revenue.push({ id: 'closed-before-logging', value: input.quota.baseline });

  const weeks: BriefFact[] =
    input.weeksWithout.length === 0
      ? [{ id: 'every-week', weeks: input.weeks }]
      : [
          {
            id: 'weeks-without',
            without: input.weeksWithout.length,
            weeks: input.weeks,
            weekStarts: input.weeksWithout.map((week) => week.weekStart),
          },
        ];

  const paceFacts: BriefFact[] = [];
  const q = input.quota;
  if (!q) paceFacts.push({ id: 'no-quota' });
  else if (q.gap === 0) paceFacts.push({ id: 'target-reached', target: q.target, closed: q.closed });
  else {
    paceFacts.push({ id: 'gap', closed: q.closed, target: q.target, gap: q.gap, workingDaysLeft: q.workingDaysLeft });
    if (pace.neededPerDay === null) paceFacts.push({ id: 'no-pace-closes' });
    else
      paceFacts.push({
        id: 'needed-pace',
        needed: pace.neededPerDay,
        realistic: pace.realisticPerDay,
        achieved: pace.achievedPerDay === null ? null : oneDecimal(pace.achievedPerDay),
      });
    if (q.beyondRealistic) {
      if (q.valuePerAsk === null) paceFacts.push({ id: 'unreachable' });
      else {
        const forecast = Math.min(q.target, q.closed + pace.realisticPerDay * q.workingDaysLeft * q.valuePerAsk);
        paceFacts.push({ id: 'forecast', forecast, share: rate(forecast, q.target) });
      }
    } else paceFacts.push({ id: 'within-reach' });
  }

  return [
    { id: 'activity', facts: activity },
    { id: 'conversion', facts: conversion },
    { id: 'revenue', facts: revenue },
    { id: 'weeks', facts: weeks },
    { id: 'pace', facts: paceFacts },
  ];
}
