import { t } from '../i18n/t.ts';
import { WEBMAILS, type Webmail } from '../shared/compose-url.ts';
import type { Quota } from '../shared/model.ts';
import type { Pace } from '../shared/pace.ts';
import { linesToShow, type Queue, type QueueAction, type QueueLine } from '../shared/queue.ts';
import { formatPercent, formatValue, KIND_LABELS, STEP_LABELS } from '../ui/format.ts';
import { QueueLines } from '../ui/QueueLines.tsx';

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

/** The named queue as the popup shows it: the top of each step, and what its buttons do. */
export interface TodayQueue {
  queue: Queue | undefined;
  /** Lines acted on in this popup: gone at once, before the worker recomputes. */
  hidden: ReadonlySet<string>;
  askedToday: ReadonlySet<string>;
  webmail: Webmail;
  onAct: (line: QueueLine, action: QueueAction) => void;
  onDraft: (line: QueueLine) => void;
  onWebmail: (webmail: Webmail) => void;
}

const WEBMAIL_NAMES: Record<Webmail, string> = { gmail: 'Gmail', outlook: 'Outlook' };

/** Today's target by playbook step, with the numbers behind each one and the people to ask. */
export function TodayPlan({ quota, pace, people }: { quota: Quota; pace: Pace; people?: TodayQueue }) {
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
            {pace.cycle
              ? t('popupPaceExplainerTimed', value(pace.gap), String(pace.workingDaysLeft), value(pace.valuePerDay))
              : t('popupPaceExplainer', value(pace.gap), String(pace.workingDaysLeft), value(pace.valuePerDay))}
          </p>
          {pace.nearDeadline && pace.cycle ? (
            <p class="hint" data-testid="near-deadline">
              {t('popupNearDeadline', String(pace.daysToDeadline), String(pace.cycle.days))}
            </p>
          ) : (
            pace.cycle && <p class="hint">{t('popupPlaybookOrder')}</p>
          )}
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
                  {pace.cycle
                    ? t('popupStepInside', value(step.valuePerAsk), formatPercent(step.insideChance))
                    : t('popupStepValue', value(step.valuePerAsk))}
                </span>
                {people?.queue && (
                  <QueueLines
                    step={STEP_LABELS[step.step]}
                    lines={linesToShow(
                      { ...people.queue.steps[step.step], planned: step.planned },
                      { made: step.made, asked: people.askedToday, hidden: people.hidden },
                    )}
                    thankFirst={people.queue.steps[step.step].thankFirst}
                    currency={people.queue.currency}
                    askedToday={people.askedToday}
                    onAct={people.onAct}
                    onDraft={people.onDraft}
                  />
                )}
              </li>
            ))}
          </ol>
          {people?.queue && (
            <label class="webmail-choice">
              {t('queueWebmailLabel')}{' '}
              <select
                value={people.webmail}
                onChange={(event) => people.onWebmail((event.target as HTMLSelectElement).value as Webmail)}
              >
                {WEBMAILS.map((webmail) => (
                  <option key={webmail} value={webmail}>
                    {WEBMAIL_NAMES[webmail]}
                  </option>
                ))}
              </select>
            </label>
          )}
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
