import { addDays } from '../../shared/dates.ts';
import type { DateRange } from '../../shared/analytics.ts';
import { t } from '../../i18n/t.ts';
import type { DaySnapshot } from '../../storage/day.ts';

export type PeriodChoice = 'quota' | '30' | '90' | '365';

/** The period choices' names in the UI language. */
export function periodLabels(): Record<PeriodChoice, string> {
  return {
    quota: t('optionsPeriodQuota'),
    '30': t('optionsPeriod30'),
    '90': t('optionsPeriod90'),
    '365': t('optionsPeriod365'),
  };
}

/** The dates a choice covers, ending today (the quota period runs to its end). */
export function rangeOf(choice: PeriodChoice, day: DaySnapshot): DateRange {
  if (choice === 'quota' && day.pace) return { from: day.pace.period.start, to: day.pace.period.end };
  const days = choice === 'quota' ? 90 : Number(choice);
  return { from: addDays(day.today, -(days - 1)), to: day.today };
}
