import { t } from '../i18n/t.ts';
import type { Quota } from '../shared/model.ts';
import type { Pace } from '../shared/pace.ts';
import { UNKNOWN_STAGE_PROBABILITY } from '../shared/plan/stages.ts';
import { formatDate, formatPercent, formatValue } from '../ui/format.ts';

/** The public holidays left out of the working days still ahead, by name (the user works the rest). */
function holidaysAhead(quota: Quota, pace: Pace, today: string): string[] {
  const worked = new Set(quota.workedHolidays ?? []);
  const from = today > pace.period.start ? today : pace.period.start;
  return (quota.holidays?.days ?? [])
    .filter((day) => day.date >= from && day.date <= pace.period.end && !worked.has(day.date))
    .map((day) => `${day.name} (${formatDate(day.date)})`);
}

function cycleSentence(pace: Pace): string | undefined {
  const cycle = pace.cycle;
  if (!cycle) return undefined;
  if (cycle.source === 'learned') return t('popupCycleLearned', String(cycle.days), String(cycle.deals ?? 0));
  if (cycle.source === 'stated') return t('popupCycleStated', String(cycle.days));
  return t('popupCycleDefault', String(cycle.days));
}

/** The gap, how much of the target is closed, the days left and the pipeline that can close it in time. */
export function Gap({ quota, pace, today }: { quota: Quota; pace: Pace; today: string }) {
  const money = (value: number) => formatValue(value, pace.unit, quota.currency);
  const percent = Math.round(pace.progress * 100);
  const holidays = holidaysAhead(quota, pace, today);
  const cycle = cycleSentence(pace);
  const deadline = formatDate(pace.period.end);
  return (
    <section aria-labelledby="gap-title">
      <h2 id="gap-title">{t('popupGapTitle')}</h2>
      <p class="big" data-testid="gap">
        {money(pace.gap)}
      </p>
      <progress max={100} value={percent} aria-label={t('popupProgressLabel', String(percent))} />
      <p>
        {t('popupGapClosedOf', money(pace.closed), money(quota.target))} ·{' '}
        <span data-testid="days-left">{pace.workingDaysLeft}</span> {t('popupGapDaysLeft', deadline)}
      </p>
      {holidays.length > 0 && (
        <p class="hint" data-testid="holidays">
          {t('popupHolidaysLeftOut', holidays.join(', '))}
        </p>
      )}
      {pace.coverage !== null && (
        <p class="hint" data-testid="coverage">
          {pace.cycle
            ? t(
                'popupCoverageDeals',
                formatPercent(pace.coverage),
                money(pace.pipelineDeals),
                money(pace.pipelineAsks),
                deadline,
                money(pace.gap),
              )
            : t('popupCoverage', formatPercent(pace.coverage), money(pace.pipelineValue), money(pace.gap))}
        </p>
      )}
      {pace.unknownStages > 0 && (
        <p class="hint" data-testid="unknown-stages">
          {t(
            'popupUnknownStages',
            String(pace.unknownStages),
            String(pace.openDeals),
            formatPercent(UNKNOWN_STAGE_PROBABILITY),
          )}
        </p>
      )}
      {pace.gap > 0 && pace.pipelineNext > 0 && (
        <p class="hint" data-testid="seeds-next">
          {t('popupSeedsNext', money(pace.pipelineNext), deadline)}
        </p>
      )}
      {cycle && (
        <p class="hint" data-testid="sales-cycle">
          {cycle}
        </p>
      )}
    </section>
  );
}
