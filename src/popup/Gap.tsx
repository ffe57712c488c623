import { t } from '../i18n/t.ts';
import type { Quota } from '../shared/model.ts';
import type { Pace } from '../shared/pace.ts';
import { formatDate, formatPercent, formatValue } from '../ui/format.ts';

/** The gap, how much of the target is closed, the days left and the pipeline behind it. */
export function Gap({ quota, pace }: { quota: Quota; pace: Pace }) {
  const money = (value: number) => formatValue(value, pace.unit, quota.currency);
  const percent = Math.round(pace.progress * 100);
  return (
    <section aria-labelledby="gap-title">
      <h2 id="gap-title">{t('popupGapTitle')}</h2>
      <p class="big" data-testid="gap">
        {money(pace.gap)}
      </p>
      <progress max={100} value={percent} aria-label={t('popupProgressLabel', String(percent))} />
      <p>
        {t('popupGapClosedOf', money(pace.closed), money(quota.target))} ·{' '}
        <span data-testid="days-left">{pace.workingDaysLeft}</span> {t('popupGapDaysLeft', formatDate(pace.period.end))}
      </p>
      {pace.coverage !== null && (
        <p class="hint" data-testid="coverage">
          {t('popupCoverage', formatPercent(pace.coverage), money(pace.pipelineValue), money(pace.gap))}
        </p>
      )}
    </section>
  );
}
