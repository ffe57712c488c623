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
import { t, uiLocale } from '../../i18n/t.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { formatDate, formatMoney, formatPercent, KIND_LABELS } from '../../ui/format.ts';
import { Bars, AsksChart } from './Charts.tsx';
import { ReferralCredit } from './ReferralCredit.tsx';
import { dayLabel } from './chart-format.ts';
import type { Book } from './data.ts';
import { relationshipLabels } from '../../i18n/relationships.ts';
import { formatCount } from '../i18n.ts';
import { periodLabels, rangeOf, type PeriodChoice } from './period.ts';

function FunnelTable<K extends string>({
  caption,
  head,
  rows,
  label,
}: {
  caption: string;
  head: string;
  rows: FunnelRow<K>[];
  label: (key: K) => string;
}) {
  const max = Math.max(0, ...rows.map((r) => r.asked));
  return (
    <table class="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t('optionsAnalyticsColAsked')}</th>
          <th scope="col">{t('optionsAnalyticsColReplied')}</th>
          <th scope="col">{t('optionsAnalyticsColHelped')}</th>
          <th scope="col">{t('optionsAnalyticsColWon')}</th>
          <th scope="col">{t('optionsAnalyticsColRate')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('optionsAnalyticsColChart')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{formatCount(row.asked)}</td>
            <td>{formatCount(row.replied)}</td>
            <td>{formatCount(row.helped)}</td>
            <td>{formatCount(row.won)}</td>
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
          <th scope="col">{t('optionsAnalyticsColClosed')}</th>
          <th scope="col">{t('optionsAnalyticsColDeals')}</th>
          <th scope="col">{t('optionsAnalyticsColShare')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('optionsAnalyticsColChart')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{money(row.amount)}</td>
            <td>{formatCount(row.deals)}</td>
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
  // Dates as the chart's axis writes them: in the UI language, never ISO.
  const dayText = dayLabel(uiLocale());
  const summary =
    pace.neededPerDay === null
      ? t(
          'optionsAnalyticsSummaryNoNeed',
          dayText(range.from),
          dayText(range.to),
          formatCount(pace.asksSoFar),
          formatCount(peak),
          formatCount(pace.realisticPerDay),
        )
      : t(
          'optionsAnalyticsSummary',
          dayText(range.from),
          dayText(range.to),
          formatCount(pace.asksSoFar),
          formatCount(peak),
          formatCount(pace.neededPerDay),
          formatCount(pace.realisticPerDay),
        );
  const periods = periodLabels();

  return (
    <section id="analytics" aria-labelledby="analytics-title">
      <h2 id="analytics-title">{t('optionsAnalyticsTitle')}</h2>
      <label>
        {t('optionsAnalyticsPeriod')}
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value as PeriodChoice)}>
          {(Object.keys(periods) as PeriodChoice[]).map((key) => (
            <option key={key} value={key} disabled={key === 'quota' && !day.pace}>
              {periods[key]}
            </option>
          ))}
        </select>
      </label>
      <h3>{t('optionsAnalyticsAsksPerDay')}</h3>
      <dl class="figures" data-testid="pace-figures">
        <div>
          <dt>{t('optionsAnalyticsAchieved')}</dt>
          <dd>
            {t(
              'optionsAnalyticsAchievedValue',
              pace.achievedPerDay === null ? '—' : formatCount(Math.round(pace.achievedPerDay * 10) / 10),
              formatCount(pace.asksSoFar),
              formatCount(pace.workedDaysSoFar),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('optionsAnalyticsNeeded')}</dt>
          <dd>
            {pace.neededPerDay === null
              ? t('optionsAnalyticsNoPace')
              : t('optionsAnalyticsPerDay', formatCount(pace.neededPerDay))}
          </dd>
        </div>
        <div>
          <dt>{t('optionsAnalyticsRealistic')}</dt>
          <dd>{t('optionsAnalyticsPerDay', formatCount(pace.realisticPerDay))}</dd>
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
        <summary>{t('optionsAnalyticsAsTable')}</summary>
        <table class="data">
          <caption>{t('optionsAnalyticsAsksPerDay')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optionsAnalyticsDate')}</th>
              <th scope="col">{t('optionsAnalyticsAsks')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{dayText(d.date)}</th>
                <td>{formatCount(d.asks)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p>
        {stats.dry.length === 0
          ? t('optionsAnalyticsNoDryWeek')
          : t('optionsAnalyticsDryWeeks', stats.dry.map((w) => formatDate(w.weekStart)).join(', '))}
      </p>
      <h3>{t('optionsAnalyticsFunnelTitle')}</h3>
      <p class="hint">
        {t(
          'optionsAnalyticsFunnelTotal',
          formatCount(stats.funnels.total.asked),
          formatCount(stats.funnels.total.replied),
          formatCount(stats.funnels.total.helped),
          formatCount(stats.funnels.total.won),
        )}
      </p>
      <FunnelTable
        caption={t('optionsAnalyticsFunnelKind')}
        head={t('optionsAnalyticsColKind')}
        rows={stats.funnels.byKind}
        label={kindLabel}
      />
      <FunnelTable
        caption={t('optionsAnalyticsFunnelRelationship')}
        head={t('optionsAnalyticsColRelationship')}
        rows={stats.funnels.byRelationship}
        label={relLabel}
      />
      <h3>{t('optionsAnalyticsClosedTitle')}</h3>
      <p>
        {stats.closed.deals === 1
          ? t('optionsAnalyticsClosedOne', money(stats.closed.won), formatCount(stats.closed.deals))
          : t('optionsAnalyticsClosedMany', money(stats.closed.won), formatCount(stats.closed.deals))}
      </p>
      <SourceTable
        caption={t('optionsAnalyticsClosedKind')}
        head={t('optionsAnalyticsColKind')}
        rows={stats.closed.byKind}
        label={kindLabel}
        money={money}
        total={stats.closed.won}
      />
      <SourceTable
        caption={t('optionsAnalyticsClosedRelationship')}
        head={t('optionsAnalyticsColRelationship')}
        rows={stats.closed.byRelationship}
        label={relLabel}
        money={money}
        total={stats.closed.won}
      />
      <ReferralCredit money={money} version={day} />
    </section>
  );
}
