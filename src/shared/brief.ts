import type { ClosedBySource, DateRange, Funnels, PaceComparison, WeekCount } from './analytics.ts';
import { rate } from './analytics.ts';
import type { Pace } from './pace.ts';

/**
 * The manager brief in plain words: what was done, what it produced, where the money came
 * from, when prospecting stopped, and whether the remaining gap can be closed at a humane pace.
 * No spin: numbers the log supports, stated as they are.
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
  labels: { kind: (key: string) => string; relationship: (key: string) => string; value: (n: number) => string };
}

export interface BriefSection {
  title: string;
  sentences: string[];
}

const pct = (part: number, whole: number) => `${Math.round(rate(part, whole) * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en');

/** Blended value of one ask from today's plan: what the planned asks are expected to bring. */
export function valuePerAskOf(pace: Pick<Pace, 'valuePerDay' | 'asksPlannedToday'>): number | null {
  if (pace.valuePerDay === null || !pace.asksPlannedToday) return null;
  return pace.valuePerDay / pace.asksPlannedToday;
}

export function managerBrief(input: BriefInput): BriefSection[] {
  const { funnels, closed, pace, labels } = input;
  const t = funnels.total;
  const sections: BriefSection[] = [];

  const activity: string[] = [
    `From ${input.range.from} to ${input.range.to} I made ${plural(t.asked, 'ask')} on ${plural(pace.workedDaysSoFar, 'working day')}` +
      (pace.achievedPerDay === null ? '.' : `, ${oneDecimal(pace.achievedPerDay)} a working day on average.`),
  ];
  const topKind = funnels.byKind[0];
  if (topKind) activity.push(`Most were ${labels.kind(topKind.key).toLowerCase()}s (${plural(topKind.asked, 'ask')}).`);
  sections.push({ title: 'Activity', sentences: activity });

  const conversion: string[] = [];
  if (t.asked === 0) conversion.push('No ask was made in this period, so there is no conversion to report.');
  else {
    conversion.push(
      `${t.replied} of ${t.asked} asks got an answer (${pct(t.replied, t.asked)}), ${t.helped} led to help — a referral, an introduction, advice or a meeting — (${pct(t.helped, t.asked)}), and ${t.won} to a won deal (${pct(t.won, t.asked)}).`,
    );
    const best = [...funnels.byKind]
      .filter((row) => row.asked >= 5)
      .sort((a, b) => rate(b.won, b.asked) - rate(a.won, a.asked))[0];
    if (best && best.won > 0)
      conversion.push(
        `${labels.kind(best.key)}s converted best: ${best.won} won of ${best.asked} (${pct(best.won, best.asked)}).`,
      );
  }
  sections.push({ title: 'Conversion', sentences: conversion });

  const revenue: string[] = [];
  if (closed.deals === 0) revenue.push('No won deal was logged in this period.');
  else {
    revenue.push(`Logged outreach won ${plural(closed.deals, 'deal')} worth ${labels.value(closed.won)}.`);
    const parts = closed.byKind.map(
      (row) => `${labels.kind(row.key).toLowerCase()}s ${labels.value(row.amount)} (${pct(row.amount, closed.won)})`,
    );
    revenue.push(`By kind of ask: ${parts.join(', ')}.`);
    const rel = closed.byRelationship.map(
      (row) => `${labels.relationship(row.key).toLowerCase()} ${labels.value(row.amount)}`,
    );
    revenue.push(`By relationship: ${rel.join(', ')}.`);
  }
  if (input.quota && input.quota.baseline > 0)
    revenue.push(`${labels.value(input.quota.baseline)} was closed before I started logging in this tool.`);
  sections.push({ title: 'Where closed revenue came from', sentences: revenue });

  const gaps: string[] = [];
  if (input.weeksWithout.length === 0)
    gaps.push(`I prospected in every one of the ${plural(input.weeks, 'week')} so far.`);
  else
    gaps.push(
      `In ${plural(input.weeksWithout.length, 'week')} of the ${input.weeks} so far I made no ask at all (weeks of ${input.weeksWithout.map((w) => w.weekStart).join(', ')}). That is where the pipeline dried up.`,
    );
  sections.push({ title: 'Weeks without prospecting', sentences: gaps });

  const paceSentences: string[] = [];
  const q = input.quota;
  if (!q) paceSentences.push('No quota is set, so there is no required pace to compare with.');
  else if (q.gap === 0)
    paceSentences.push(`The target of ${labels.value(q.target)} is reached: ${labels.value(q.closed)} closed.`);
  else {
    paceSentences.push(
      `${labels.value(q.closed)} of ${labels.value(q.target)} is closed; ${labels.value(q.gap)} remains with ${plural(q.workingDaysLeft, 'working day')} left.`,
    );
    if (pace.neededPerDay === null)
      paceSentences.push('At my conversion so far no number of asks a day closes the remaining gap in time.');
    else
      paceSentences.push(
        `Closing it needs about ${plural(pace.neededPerDay, 'ask')} a working day at my own conversion; a realistic pace is ${plural(pace.realisticPerDay, 'ask')} a day${pace.achievedPerDay === null ? '' : `, and I have averaged ${oneDecimal(pace.achievedPerDay)}`}.`,
      );
    if (q.beyondRealistic) {
      const forecast =
        q.valuePerAsk === null ? null : q.closed + pace.realisticPerDay * q.workingDaysLeft * q.valuePerAsk;
      paceSentences.push(
        forecast === null
          ? 'The target cannot be reached at a realistic pace in this period.'
          : `At a realistic pace I expect to reach about ${labels.value(Math.min(q.target, forecast))} (${pct(Math.min(q.target, forecast), q.target)} of the target) by the end of the period. I would like to agree on a realistic target, or on what help would change that.`,
      );
    } else paceSentences.push('That pace is within reach.');
  }
  sections.push({ title: 'Needed vs. realistic pace', sentences: paceSentences });
  return sections;
}
