import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
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
import { briefRange, holidayWeeks, keepablePace, managerBrief, valuePerAskOf } from '../../shared/brief.ts';
import { EMPTY_BRIEF_SETTINGS, type BriefSettings } from '../../shared/brief-settings.ts';
import { calendarOf, isWorkedDay, MONDAY_TO_FRIDAY } from '../../shared/calendar.ts';
import { localDateOf } from '../../shared/dates.ts';
import type { Deal } from '../../shared/deals.ts';
import { forecastCalls, reviewDeals } from '../../shared/forecast.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { getDb } from '../../storage/db.ts';
import { listDeals } from '../../storage/deals.ts';
import { getBriefSettings, installedAt } from '../../storage/settings.ts';
import { BriefChoices, helpLabel } from './BriefChoices.tsx';
import { DealReviewTable } from './DealReviewTable.tsx';
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
interface BriefExtras {
  deals: Deal[];
  choices: BriefSettings;
  installed: number | undefined;
}

/** The deals, the brief's choices and the day of installation: read when the brief mounts and after a save. */
function useBriefExtras(): [BriefExtras | undefined, () => void] {
  const [extras, setExtras] = useState<BriefExtras>();
  const load = useCallback(() => {
    void (async () => {
      const db = await getDb();
      const [deals, choices, installed] = await Promise.all([listDeals(db), getBriefSettings(db), installedAt(db)]);
      setExtras({ deals, choices, installed });
    })();
  }, []);
  useEffect(load, [load]);
  return [extras, load];
}

export function ManagerBrief({ book, day }: { book: Book; day: DaySnapshot }) {
  const [extras, reloadExtras] = useBriefExtras();
  const period = rangeOf('quota', day);
  const unit = day.pace?.unit ?? 'amount';
  const currency = day.quota?.currency ?? 'USD';
  const value = (n: number) => formatValue(n, unit, currency);
  const calendar = day.quota ? calendarOf(day.quota) : { weekdays: MONDAY_TO_FRIDAY, daysOff: [] };
  const choices = extras?.choices ?? EMPTY_BRIEF_SETTINGS;
  const brief = useMemo(() => {
    // The first use: installation, or the oldest record when the log (an import) reaches further back.
    const oldest = book.outreach.reduce<number | undefined>(
      (min, row) => (min === undefined || row.createdAt < min ? row.createdAt : min),
      undefined,
    );
    const firstUseAt = [extras?.installed, oldest].filter((at): at is number => at !== undefined);
    const firstUse = firstUseAt.length ? localDateOf(new Date(Math.min(...firstUseAt))) : undefined;
    // Looking back: from the period's start (or the first use) to today (or the period's end).
    const range = briefRange(period, day.today, firstUse);
    const isWorked = (date: string) => isWorkedDay(date, calendar);
    const days = asksPerDay(book.outreach, range);
    const f = funnels(book.outreach, range, book.relationshipOf);
    const closed = closedBySource(book.outreach, range, book.relationshipOf);
    const keepable = keepablePace(choices.keepablePerDay, days, isWorked, day.today, firstUse);
    const pace = comparePace(
      days,
      isWorked,
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
      keepable,
      ...(firstUse !== undefined && firstUse > period.from ? { firstUse } : {}),
      ...(p && day.today <= p.period.end
        ? {
            holidayWeeks: holidayWeeks(day.today > p.period.start ? day.today : p.period.start, p.period.end, calendar),
          }
        : {}),
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
    const review = reviewDeals(extras?.deals ?? [], period.to, currency);
    return { sections: text, f, closed, pace, keepable, review };
  }, [book, day, extras]);

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
                brief.keepable ? formatCount(brief.keepable.perDay) : '—',
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <div class="brief-part" data-testid="brief-deals">
        <h3>{t('briefDealsTitle')}</h3>
        {brief.review.open + brief.review.later.length === 0 ? (
          <p>{t('briefDealsNone')}</p>
        ) : (
          <>
            {unit === 'amount' && day.pace && (
              <p>
                {(() => {
                  const calls = forecastCalls(brief.review, day.pace.closed);
                  return t(
                    'briefCalls',
                    formatMoney(day.pace.closed, currency),
                    formatMoney(calls.commit, currency),
                    formatMoney(calls.bestCase, currency),
                    formatMoney(calls.pipeline, currency),
                  );
                })()}
              </p>
            )}
            <DealReviewTable review={brief.review} currency={currency} />
          </>
        )}
      </div>
      {brief.sections.map((section) => (
        <div key={section.id} class="brief-part" data-testid={section.id === 'pace' ? 'brief-pace' : undefined}>
          <h3>{section.title}</h3>
          {section.sentences.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          {section.id === 'pace' && day.pace?.steps && <StepTable steps={day.pace.steps} />}
        </div>
      ))}
      <div class="brief-part" data-testid="brief-help">
        <h3>{t('briefHelpTitle')}</h3>
        {choices.help.length === 0 ? (
          <p>{t('briefHelpNone')}</p>
        ) : (
          <ul>
            {choices.help.map((help) => (
              <li key={help.kind}>
                <strong>{helpLabel(help.kind)}</strong>
                {help.text ? `: ${help.text}` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
      {extras && <BriefChoices key={JSON.stringify(choices)} choices={choices} onSaved={reloadExtras} />}
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
