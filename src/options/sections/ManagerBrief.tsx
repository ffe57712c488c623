import type { DaySnapshot } from '../../storage/day.ts';
import { formatPercent, formatValue, KIND_LABELS, STEP_LABELS } from '../../ui/format.ts';

/** Required pace against a realistic one, with the conversion behind it: the numbers to bring a manager. */
export function ManagerBrief({ day }: { day: DaySnapshot }) {
  const { pace, quota } = day;
  return (
    <section aria-labelledby="brief-title" id="manager-brief">
      <h2 id="brief-title">Manager brief</h2>
      {!pace || !quota ? (
        <p class="hint">Set your quota first.</p>
      ) : (
        <>
          <p>
            Gap {formatValue(pace.gap, pace.unit, quota.currency)} of{' '}
            {formatValue(quota.target, pace.unit, quota.currency)} with {pace.workingDaysLeft} working days left (
            {pace.period.start} to {pace.period.end}).
          </p>
          <p data-testid="brief-pace">
            Required pace: {pace.asksPlannedToday ?? 'no number of'} asks a day. Realistic pace:{' '}
            {pace.realisticAsksPerDay} asks a day.
            {pace.beyondRealistic ? ' The gap cannot be closed at a realistic pace.' : ' The pace is within reach.'}
          </p>
          {pace.steps && (
            <table>
              <caption>Conversion per playbook step</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Assumed</th>
                  <th scope="col">Logged (won / asks)</th>
                  <th scope="col">Used</th>
                </tr>
              </thead>
              <tbody>
                {pace.steps.map((step) => (
                  <tr key={step.step}>
                    <td>{STEP_LABELS[step.step]}</td>
                    <td>{KIND_LABELS[step.kind]}</td>
                    <td>{formatPercent(step.conversion.assumed)}</td>
                    <td>
                      {step.conversion.wins} / {step.conversion.asks}
                    </td>
                    <td>{formatPercent(step.conversion.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
