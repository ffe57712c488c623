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

/**
 * The plan's numbers, below the people and the gap: why today's asks are what they are — the
 * value a day the gap needs, each step's conversion and what an ask there is worth.
 */
export function TodayPlan({ quota, pace }: { quota: Quota; pace: Pace }) {
  const sentence = stateSentence(pace);
  const value = (v: number) => formatValue(v, pace.unit, quota.currency);
  return (
    <section aria-labelledby="plan-numbers-title">
      <h2 id="plan-numbers-title">{t('popupPlanNumbersTitle')}</h2>
      {sentence && <p class="hint">{sentence}</p>}
      {pace.steps && pace.valuePerDay !== null && pace.valuePerDay > 0 && (
        <>
          <p class="hint">
            {pace.cycle
              ? t('popupPaceExplainerTimed', value(pace.gap), String(pace.workingDaysLeft), value(pace.valuePerDay))
              : t('popupPaceExplainer', value(pace.gap), String(pace.workingDaysLeft), value(pace.valuePerDay))}
          </p>
          {/* Why the steps are in the order the named asks above show them. */}
          {pace.nearDeadline && pace.cycle ? (
            <p class="hint" data-testid="near-deadline">
              {t('popupNearDeadline', String(pace.daysToDeadline), String(pace.cycle.days))}
            </p>
          ) : (
            pace.cycle && <p class="hint">{t('popupPlaybookOrder')}</p>
          )}
          <ul class="plan-rates">
            {pace.steps.map((step) => (
              <li key={step.step} data-testid={`rate-${step.step}`}>
                <span class="who">{STEP_LABELS[step.step]}</span>{' '}
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
                  {pace.cycle
                    ? t('popupStepInside', value(step.valuePerAsk), formatPercent(step.insideChance))
                    : t('popupStepValue', value(step.valuePerAsk))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {pace.state === 'on-the-way' && pace.asksPlannedToday === null && (
        <p class="warning" role="alert">
          {t('popupZeroConversion')}
        </p>
      )}
      {pace.seedsToday > 0 && pace.state === 'on-the-way' && (
        <p class="hint" data-testid="seeds-today">
          {t('popupSeedsToday', value(pace.seedsToday))}
        </p>
      )}
      {pace.shortToday > 0 && pace.state === 'on-the-way' && (
        <p class="warning" data-testid="short-today">
          {t('popupShortToday', value(pace.shortToday))}
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
