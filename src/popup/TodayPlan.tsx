import { t } from '../i18n/t.ts';
import type { Quota } from '../shared/model.ts';
import type { Pace } from '../shared/pace.ts';
import { formatPercent, formatValue, KIND_LABELS, STEP_LABELS } from '../ui/format.ts';

const MANAGER_BRIEF = 'src/options/index.html#manager-brief';

function stateSentence(pace: Pace): string | undefined {
  switch (pace.state) {
    case 'closed':
      return t('popupStateClosed');
    case 'period-over':
      return t('popupStatePeriodOver');
    case 'no-working-day-left':
      return t('popupStateNoWorkingDay');
    case 'not-started':
      return t('popupStateNotStarted');
    default:
      return pace.workingToday ? undefined : t('popupStateNotWorkingToday');
  }
}

/** Today's target by playbook step, with the numbers behind each one. */
export function TodayPlan({ quota, pace }: { quota: Quota; pace: Pace }) {
  const sentence = stateSentence(pace);
  const value = (v: number) => formatValue(v, pace.unit, quota.currency);
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">{t('popupTodayTitle')}</h2>
      <p class="big" data-testid="asks-today">
        {t('popupAsksToday', String(pace.asksMadeToday), String(pace.asksPlannedToday ?? '—'))}
      </p>
      {sentence && <p class="hint">{sentence}</p>}
      {pace.steps && pace.valuePerDay !== null && pace.valuePerDay > 0 && (
        <>
          <p class="hint">
            {t('popupPaceExplainer', value(pace.gap), String(pace.workingDaysLeft), value(pace.valuePerDay))}
          </p>
          <ol class="plan" aria-label={t('popupPlanLabel')}>
            {pace.steps.map((step) => (
              <li key={step.step} data-testid={`step-${step.step}`}>
                <span class="who">
                  {t('popupStepCount', STEP_LABELS[step.step], String(step.made), String(step.planned))}
                </span>
                <span class="hint">
                  {t('popupStepRate', KIND_LABELS[step.kind] ?? step.kind, formatPercent(step.conversion.rate))}{' '}
                  {step.conversion.asks > 0
                    ? t(
                        'popupStepHistory',
                        formatPercent(step.conversion.assumed),
                        String(step.conversion.wins),
                        String(step.conversion.asks),
                      )
                    : t('popupStepAssumption')}{' '}
                  {t('popupStepValue', value(step.valuePerAsk))}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {pace.state === 'on-the-way' && pace.asksPlannedToday === null && (
        <p class="warning" role="alert">
          {t('popupZeroConversion')}
        </p>
      )}
      {pace.beyondRealistic && pace.asksPlannedToday !== null && (
        <p class="warning" role="alert">
          {t('popupBeyondRealistic', String(pace.asksPlannedToday), String(pace.realisticAsksPerDay))}{' '}
          <a href={`/${MANAGER_BRIEF}`} target="_blank" rel="noreferrer">
            {t('popupManagerBrief')}
          </a>
        </p>
      )}
    </section>
  );
}
