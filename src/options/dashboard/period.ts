import { addDays } from '../../shared/dates.ts';
import type { DateRange } from '../../shared/analytics.ts';
import type { DaySnapshot } from '../../storage/day.ts';

export type PeriodChoice = 'quota' | '30' | '90' | '365';

export const PERIOD_LABELS: Record<PeriodChoice, string> = {
  quota: 'This quota period',
  '30': 'Last 30 days',
  '90': 'Last 90 days',
  '365': 'Last 12 months',
};

/** The dates a choice covers, ending today (the quota period runs to its end). */
export function rangeOf(choice: PeriodChoice, day: DaySnapshot): DateRange {
  if (choice === 'quota' && day.pace) return { from: day.pace.period.start, to: day.pace.period.end };
  const days = choice === 'quota' ? 90 : Number(choice);
  return { from: addDays(day.today, -(days - 1)), to: day.today };
}
