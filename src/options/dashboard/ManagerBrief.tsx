import { useMemo } from 'preact/hooks';
import {
  asksPerDay,
  asksPerWeek,
  closedBySource,
  comparePace,
  funnels,
  rate,
  weeksWithoutProspecting,
} from '../../shared/analytics.ts';
import { t } from '../../i18n/t.ts';
import { managerBrief, valuePerAskOf } from '../../shared/brief.ts';
import { calendarOf, isWorkedDay, MONDAY_TO_FRIDAY } from '../../shared/calendar.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { formatMoney, formatPercent, formatValue, KIND_LABELS, STEP_LABELS } from '../../ui/format.ts';
import { formatCount } from '../i18n.ts';
import { briefText, formatLongDate } from './brief-text.ts';
import type { Book } from './data.ts';
import { relationshipLabels } from '../../i18n/relationships.ts';
import { rangeOf } from './period.ts';

/**
 * The manager brief: the quota period looked back on (key figures, then the brief's facts in
 * plain words) and the pace behind the gap, down to the conversion each playbook step uses. The
 * one brief of the extension (the popup's "beyond a realistic pace" warning links here); a page
 * meant to be printed (or saved as PDF) and brought to the conversation with the manager.
 */
export function ManagerBrief({ book, day }: { book: Book; day: DaySnapshot }) {
  const period = rangeOf('quota', day);
  // Looking back: from the period's start to today (or its end, if it is over).
  const range = { from: period.from, to: period.to < day.today ? period.to : day.today };
  const unit = day.pace?.unit ?? 'amount';
  const currency = day.quota?.currency ?? 'USD';
  const value = (n: number) => formatValue(n, unit, currency);
  const calendar = day.quota ? calendarOf(day.quota) : { weekdays: MONDAY_TO_FRIDAY, daysOff: [] };
  const brief = useMemo(() => {
    const days = asksPerDay(book.outreach, range);
    const f = funnels(book.outreach, range, book.relationshipOf);
    const closed = closedBySource(book.outreach, range, book.relationshipOf);
    const pace = comparePace(
      days,
      (date) => isWorkedDay(date, calendar),
      day.today,
      day.pace?.asksPlannedToday ?? null,
      day.paceSettings.realisticAsksPerDay,
    );
    const p = day.pace;
    const q = day.quota;
    const sections = managerBrief({
      range,
      funnels: f,
      closed,
      weeksWithout: weeksWithoutProspecting(days),
      weeks: asksPerWeek(days).length,
      pace,
      ...(p && q
        ? {
            quota: {
              unit: p.unit,
              target: q.target,
              closed: p.closed,
              baseline: q.closedBaseline,
              gap: p.gap,
              workingDaysLeft: p.workingDaysLeft,
              valuePerAsk: valuePerAskOf(p),
              beyondRealistic: p.beyondRealistic,
            },
          }
        : {}),
    });
    const text = briefText(sections, {
      kind: (k) => KIND_LABELS[k] ?? k,
      relationship: (k) => (relationshipLabels() as Record<string, string>)[k] ?? k,
      value,
      money: (n) => formatMoney(n, currency),
    });
    return { sections: text, f, closed, pace };
  }, [book, day]);

  const { f, closed, pace } = brief;
  const from = formatLongDate(period.from);
  const to = formatLongDate(period.to);
  const me = day.settings.me.name;
  return (
    <section id="manager-brief" aria-labelledby="retro-title" class="printable">
      <h2 id="retro-title">{t('retroTitle')}</h2>
      <p class="print-only">
        {me
          ? t('retroPrintLineBy', from, to, formatLongDate(day.today), me)
          : t('retroPrintLine', from, to, formatLongDate(day.today))}
      </p>
      <p class="no-print">{t('retroIntro', from, to)}</p>
      <button type="button" class="no-print" onClick={() => window.print()}>
        {t('retroPrint')}
      </button>
      <table class="data key-figures">
        <caption>{t('retroKeyFigures')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('retroAsksMade')}</th>
            <td>{formatCount(f.total.asked)}</td>
          </tr>
          <tr>
            <th scope="row">{t('retroRates')}</th>
            <td>
              {formatPercent(rate(f.total.replied, f.total.asked))} /{' '}
              {formatPercent(rate(f.total.helped, f.total.asked))} / {formatPercent(rate(f.total.won, f.total.asked))}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('retroWon')}</th>
            <td>{unit === 'deals' ? value(closed.deals) : formatMoney(closed.won, currency)}</td>
          </tr>
          {day.pace && day.quota && (
            <tr>
              <th scope="row">{t('retroClosedOfTarget')}</th>
              <td>{t('retroClosedOfTargetValue', value(day.pace.closed), value(day.quota.target))}</td>
            </tr>
          )}
          <tr>
            <th scope="row">{t('retroPace')}</th>
            <td>
              {t(
                'retroPaceValue',
                pace.achievedPerDay === null ? '—' : formatCount(Math.round(pace.achievedPerDay * 10) / 10),
                pace.neededPerDay === null ? '—' : formatCount(pace.neededPerDay),
                formatCount(pace.realisticPerDay),
              )}
            </td>
          </tr>
        </tbody>
      </table>
      {brief.sections.map((section) => (
        <div key={section.id} class="brief-part" data-testid={section.id === 'pace' ? 'brief-pace' : undefined}>
          <h3>{section.title}</h3>
          {section.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {section.id === 'pace' && day.pace?.steps && <StepTable steps={day.pace.steps} />}
        </div>
      ))}
    </section>
  );
}

/** The conversion each playbook step's plan uses: assumed, logged and the blend the pace is computed with. */
function StepTable({ steps }: { steps: NonNullable<NonNullable<DaySnapshot['pace']>['steps']> }) {
  return (
    <table class="data">
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
        {steps.map((step) => (
          <tr key={step.step}>
            <td>{STEP_LABELS[step.step]}</td>
            <td>{KIND_LABELS[step.kind]}</td>
            <td>{formatPercent(step.conversion.assumed)}</td>
            <td>
              {formatCount(step.conversion.wins)} / {formatCount(step.conversion.asks)}
            </td>
            <td>{formatPercent(step.conversion.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
