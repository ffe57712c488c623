import { useMemo, useState } from 'preact/hooks';
import {
  asksPerDay,
  closedBySource,
  comparePace,
  funnels,
  rate,
  weeksWithoutProspecting,
  type FunnelRow,
  type SourceRow,
} from '../../shared/analytics.ts';
import { calendarOf, isWorkedDay, MONDAY_TO_FRIDAY } from '../../shared/calendar.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { formatMoney, formatPercent, KIND_LABELS } from '../../ui/format.ts';
import { Bars, AsksChart } from './Charts.tsx';
import { relationshipLabels, type Book } from './data.ts';
import { PERIOD_LABELS, rangeOf, type PeriodChoice } from './period.ts';

function FunnelTable<K extends string>({
  caption,
  rows,
  label,
}: {
  caption: string;
  rows: FunnelRow<K>[];
  label: (key: K) => string;
}) {
  const max = Math.max(0, ...rows.map((r) => r.asked));
  return (
    <table class="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption.includes('relationship') ? 'Relationship' : 'Kind'}</th>
          <th scope="col">Asked</th>
          <th scope="col">Replied</th>
          <th scope="col">Helped</th>
          <th scope="col">Won</th>
          <th scope="col">Won / asked</th>
          <th scope="col">
            <span class="visually-hidden">Chart</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{row.asked}</td>
            <td>{row.replied}</td>
            <td>{row.helped}</td>
            <td>{row.won}</td>
            <td>{formatPercent(rate(row.won, row.asked))}</td>
            <td>
              <Bars
                max={max}
                values={[
                  { part: row.asked, tone: 't-asked' },
                  { part: row.replied, tone: 't-replied' },
                  { part: row.helped, tone: 't-helped' },
                  { part: row.won, tone: 't-won' },
                ]}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SourceTable<K extends string>({
  caption,
  head,
  rows,
  label,
  money,
  total,
}: {
  caption: string;
  head: string;
  rows: SourceRow<K>[];
  label: (key: K) => string;
  money: (n: number) => string;
  total: number;
}) {
  const max = Math.max(0, ...rows.map((r) => r.amount));
  return (
    <table class="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">Closed</th>
          <th scope="col">Deals</th>
          <th scope="col">Share</th>
          <th scope="col">
            <span class="visually-hidden">Chart</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{money(row.amount)}</td>
            <td>{row.deals}</td>
            <td>{formatPercent(rate(row.amount, total))}</td>
            <td>
              <Bars max={max} values={[{ part: row.amount, tone: 't-won' }]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Analytics: asks per day against the needed pace, funnels, and where the closed amount came from. */
export function Analytics({ book, day }: { book: Book; day: DaySnapshot }) {
  const [choice, setChoice] = useState<PeriodChoice>(day.pace ? 'quota' : '90');
  const range = rangeOf(choice, day);
  const currency = day.quota?.currency ?? 'USD';
  const money = (n: number) => formatMoney(n, currency);
  const calendar = day.quota ? calendarOf(day.quota) : { weekdays: MONDAY_TO_FRIDAY, daysOff: [] };
  const stats = useMemo(() => {
    const days = asksPerDay(book.outreach, range);
    return {
      days,
      funnels: funnels(book.outreach, range, book.relationshipOf),
      closed: closedBySource(book.outreach, range, book.relationshipOf),
      // Only weeks that have begun can have gone without prospecting.
      dry: weeksWithoutProspecting(days.filter((d) => d.date <= day.today)),
      pace: comparePace(
        days,
        (date) => isWorkedDay(date, calendar),
        day.today,
        day.pace?.asksPlannedToday ?? null,
        day.paceSettings.realisticAsksPerDay,
      ),
    };
  }, [book, range.from, range.to, day]);
  const kindLabel = (k: string) => KIND_LABELS[k] ?? k;
  const relLabel = (k: string) => (relationshipLabels() as Record<string, string>)[k] ?? k;
  const { pace } = stats;
  const peak = Math.max(0, ...stats.days.map((d) => d.asks));
  const summary = `Asks per day from ${range.from} to ${range.to}: ${pace.asksSoFar} asks so far, at most ${peak} on one day; needed ${pace.neededPerDay ?? 'no number of'} a day, realistic ${pace.realisticPerDay} a day.`;

  return (
    <section id="analytics" aria-labelledby="analytics-title">
      <h2 id="analytics-title">Analytics</h2>
      <label>
        Period
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value as PeriodChoice)}>
          {(Object.keys(PERIOD_LABELS) as PeriodChoice[]).map((key) => (
            <option key={key} value={key} disabled={key === 'quota' && !day.pace}>
              {PERIOD_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <h3>Asks per day</h3>
      <dl class="figures" data-testid="pace-figures">
        <div>
          <dt>Achieved</dt>
          <dd>
            {pace.achievedPerDay === null ? '—' : (Math.round(pace.achievedPerDay * 10) / 10).toLocaleString('en')} a
            working day ({pace.asksSoFar} asks on {pace.workedDaysSoFar} working days)
          </dd>
        </div>
        <div>
          <dt>Needed from today</dt>
          <dd>{pace.neededPerDay === null ? 'no pace can be computed' : `${pace.neededPerDay} a day`}</dd>
        </div>
        <div>
          <dt>Realistic</dt>
          <dd>{pace.realisticPerDay} a day</dd>
        </div>
      </dl>
      <AsksChart
        dates={stats.days.map((d) => d.date)}
        asks={stats.days.map((d) => d.asks)}
        needed={pace.neededPerDay}
        realistic={pace.realisticPerDay}
        summary={summary}
      />
      <details>
        <summary>Asks per day as a table</summary>
        <table class="data">
          <caption>Asks per day</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Asks</th>
            </tr>
          </thead>
          <tbody>
            {stats.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td>{d.asks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p>
        {stats.dry.length === 0
          ? 'No week without prospecting in this period.'
          : `Weeks without a single ask: ${stats.dry.map((w) => w.weekStart).join(', ')}.`}
      </p>
      <h3>Funnel: asked → replied → helped → won</h3>
      <p class="hint">
        All asks: {stats.funnels.total.asked} asked, {stats.funnels.total.replied} replied, {stats.funnels.total.helped}{' '}
        helped, {stats.funnels.total.won} won.
      </p>
      <FunnelTable caption="Funnel per kind" rows={stats.funnels.byKind} label={kindLabel} />
      <FunnelTable caption="Funnel per relationship" rows={stats.funnels.byRelationship} label={relLabel} />
      <h3>Closed amount by source</h3>
      <p>
        {money(stats.closed.won)} won from {stats.closed.deals} logged deal{stats.closed.deals === 1 ? '' : 's'} in this
        period.
      </p>
      <SourceTable
        caption="Closed by kind of ask"
        head="Kind"
        rows={stats.closed.byKind}
        label={kindLabel}
        money={money}
        total={stats.closed.won}
      />
      <SourceTable
        caption="Closed by relationship"
        head="Relationship"
        rows={stats.closed.byRelationship}
        label={relLabel}
        money={money}
        total={stats.closed.won}
      />
    </section>
  );
}
