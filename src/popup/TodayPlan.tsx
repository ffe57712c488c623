import type { Quota } from '../shared/model.ts';
import type { Pace } from '../shared/pace.ts';
import { formatPercent, formatValue, KIND_LABELS, STEP_LABELS } from '../ui/format.ts';

const MANAGER_BRIEF = 'src/options/index.html#manager-brief';

function stateSentence(pace: Pace): string | undefined {
  switch (pace.state) {
    case 'closed':
      return 'The gap is closed. Time to thank everyone who helped.';
    case 'period-over':
      return 'This quota period is over. Set the next one to keep going.';
    case 'no-working-day-left':
      return 'No working day is left in this period.';
    case 'not-started':
      return 'The period has not started yet; this is the pace from its first day.';
    default:
      return pace.workingToday ? undefined : 'Today is not a working day; this is the pace for the next one.';
  }
}

/** Today's target by playbook step, with the numbers behind each one. */
export function TodayPlan({ quota, pace }: { quota: Quota; pace: Pace }) {
  const sentence = stateSentence(pace);
  const value = (v: number) => formatValue(v, pace.unit, quota.currency);
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">Today</h2>
      <p class="big" data-testid="asks-today">
        {pace.asksMadeToday} of {pace.asksPlannedToday ?? '—'} asks
      </p>
      {sentence && <p class="hint">{sentence}</p>}
      {pace.steps && pace.valuePerDay !== null && pace.valuePerDay > 0 && (
        <>
          <p class="hint">
            To close {value(pace.gap)} in {pace.workingDaysLeft} working days you need about {value(pace.valuePerDay)} a
            day. Playbook order: customers first, then stalled deals, then networks.
          </p>
          <ol class="plan" aria-label="Today's plan">
            {pace.steps.map((step) => (
              <li key={step.step} data-testid={`step-${step.step}`}>
                <span class="who">
                  {STEP_LABELS[step.step]}: {step.made} of {step.planned}
                </span>
                <span class="hint">
                  {KIND_LABELS[step.kind]} at {formatPercent(step.conversion.rate)}
                  {step.conversion.asks > 0
                    ? ` (assumed ${formatPercent(step.conversion.assumed)}; you: ${step.conversion.wins} won of ${step.conversion.asks})`
                    : ' (your assumption)'}{' '}
                  ≈ {value(step.valuePerAsk)} an ask
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {pace.state === 'on-the-way' && pace.asksPlannedToday === null && (
        <p class="warning" role="alert">
          With a conversion of 0%, no number of asks closes the gap: adjust the assumptions in the settings.
        </p>
      )}
      {pace.beyondRealistic && pace.asksPlannedToday !== null && (
        <p class="warning" role="alert">
          Closing this gap takes {pace.asksPlannedToday} asks a day, beyond a realistic {pace.realisticAsksPerDay}. No
          pace you can keep up closes it: bring the numbers to your manager.{' '}
          <a href={`/${MANAGER_BRIEF}`} target="_blank" rel="noreferrer">
            Open the manager brief
          </a>
        </p>
      )}
    </section>
  );
}
