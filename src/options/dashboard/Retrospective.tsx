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
import { managerBrief, valuePerAskOf } from '../../shared/brief.ts';
import { calendarOf, isWorkedDay, MONDAY_TO_FRIDAY } from '../../shared/calendar.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { formatPercent, formatValue, KIND_LABELS } from '../../ui/format.ts';
import { relationshipLabels, type Book } from './data.ts';
import { rangeOf } from './period.ts';

/**
 * The retrospective and manager brief for the quota period: a page meant to be printed (or
 * saved as PDF from the print dialog) and brought to the conversation with the manager.
 */
export function Retrospective({ book, day }: { book: Book; day: DaySnapshot }) {
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
      labels: {
        kind: (k) => KIND_LABELS[k] ?? k,
        relationship: (k) => (relationshipLabels() as Record<string, string>)[k] ?? k,
        value,
      },
    });
    return { sections, f, closed, pace };
  }, [book, day]);

  const { f, closed, pace } = brief;
  return (
    // Not translated yet: marked English so that a screen reader in another UI language reads it right.
    <section id="retrospective" aria-labelledby="retro-title" class="printable" lang="en">
      <h2 id="retro-title">Retrospective and manager brief</h2>
      <p class="print-only">
        Gap Closer · {period.from} to {period.to} · prepared {day.today}
        {day.settings.me.name ? ` by ${day.settings.me.name}` : ''}
      </p>
      <p class="no-print">
        The period {period.from} to {period.to} so far, in plain words. Print it, or choose “Save as PDF” in the print
        dialog.
      </p>
      <button type="button" class="no-print" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <table class="data key-figures">
        <caption>Key figures</caption>
        <tbody>
          <tr>
            <th scope="row">Asks made</th>
            <td>{f.total.asked}</td>
          </tr>
          <tr>
            <th scope="row">Answered / helped / won</th>
            <td>
              {formatPercent(rate(f.total.replied, f.total.asked))} /{' '}
              {formatPercent(rate(f.total.helped, f.total.asked))} / {formatPercent(rate(f.total.won, f.total.asked))}
            </td>
          </tr>
          <tr>
            <th scope="row">Won from logged outreach</th>
            <td>{value(unit === 'deals' ? closed.deals : closed.won)}</td>
          </tr>
          {day.pace && day.quota && (
            <tr>
              <th scope="row">Closed of target</th>
              <td>
                {value(day.pace.closed)} of {value(day.quota.target)}
              </td>
            </tr>
          )}
          <tr>
            <th scope="row">Pace: achieved / needed / realistic</th>
            <td>
              {pace.achievedPerDay === null ? '—' : Math.round(pace.achievedPerDay * 10) / 10} /{' '}
              {pace.neededPerDay ?? '—'} / {pace.realisticPerDay} asks a working day
            </td>
          </tr>
        </tbody>
      </table>
      {brief.sections.map((section) => (
        <div key={section.title} class="brief-part">
          <h3>{section.title}</h3>
          {section.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      ))}
    </section>
  );
}
