import { t } from '../../i18n/t.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { formatPercent, formatValue, KIND_LABELS, STEP_LABELS } from '../../ui/format.ts';
import { formatCount } from '../i18n.ts';

/** Required pace against a realistic one, with the conversion behind it: the numbers to bring a manager. */
export function ManagerBrief({ day }: { day: DaySnapshot }) {
  const { pace, quota } = day;
  return (
    <section aria-labelledby="brief-title" id="manager-brief">
      <h2 id="brief-title">{t('optionsBriefTitle')}</h2>
      {!pace || !quota ? (
        <p class="hint">{t('optionsBriefNoQuota')}</p>
      ) : (
        <>
          <p>
            {t(
              'optionsBriefGap',
              formatValue(pace.gap, pace.unit, quota.currency),
              formatValue(quota.target, pace.unit, quota.currency),
              formatCount(pace.workingDaysLeft),
              pace.period.start,
              pace.period.end,
            )}
          </p>
          <p data-testid="brief-pace">
            {pace.asksPlannedToday === null
              ? t('optionsBriefRequiredPaceNone')
              : t('optionsBriefRequiredPace', formatCount(pace.asksPlannedToday))}{' '}
            {t('optionsBriefRealisticPace', formatCount(pace.realisticAsksPerDay))}{' '}
            {pace.beyondRealistic ? t('optionsBriefBeyond') : t('optionsBriefWithin')}
          </p>
          {pace.steps && (
            <table>
              <caption>{t('optionsBriefTableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('optionsBriefColStep')}</th>
                  <th scope="col">{t('optionsBriefColKind')}</th>
                  <th scope="col">{t('optionsBriefColAssumed')}</th>
                  <th scope="col">{t('optionsBriefColLogged')}</th>
                  <th scope="col">{t('optionsBriefColUsed')}</th>
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
