import { useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import { WEBMAILS, type Webmail } from '../shared/compose-url.ts';
import type { Pace, StepPlan } from '../shared/pace.ts';
import { linesToShow, type Queue, type QueueAction, type QueueLine } from '../shared/queue.ts';
import { STEP_LABELS } from '../ui/format.ts';
import { QueueLines } from '../ui/QueueLines.tsx';
import { sentAgainstPlan } from './counts.ts';
import { FIRST_LINES } from './layout.ts';

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

function hasEmail(queue: Queue): boolean {
  return Object.values(queue.steps).some((step) => step.lines.some((line) => line.email));
}

const WEBMAIL_NAMES: Record<Webmail, string> = { gmail: 'Gmail', outlook: 'Outlook' };

function StepAsks({
  step,
  people,
  made,
  planned,
}: {
  step: StepPlan;
  people: TodayQueue;
  made: number;
  planned: number;
}) {
  const [all, setAll] = useState(false);
  const queue = people.queue;
  const lines = queue
    ? linesToShow({ ...queue.steps[step.step], planned }, { made, asked: people.askedToday, hidden: people.hidden })
    : [];
  const open = lines.filter((line) => !line.done && !people.askedToday.has(line.contactId));
  const done = lines.length - open.length;
  const shown = all ? lines : lines.slice(0, done + FIRST_LINES);
  const more = lines.length - shown.length;
  const name = STEP_LABELS[step.step];
  return (
    <li data-testid={`step-${step.step}`}>
      <span class="who">{t('popupStepSent', name, sentAgainstPlan(made, planned))}</span>
      {queue && (
        <QueueLines
          step={name}
          lines={shown}
          thankFirst={queue.steps[step.step].thankFirst}
          currency={queue.currency}
          askedToday={people.askedToday}
          onAct={people.onAct}
          onDraft={people.onDraft}
        />
      )}
      {more > 0 && (
        <button type="button" class="link" aria-expanded="false" onClick={() => setAll(true)}>
          {t('popupShowMore', more, name)}
        </button>
      )}
    </li>
  );
}

/**
 * The first thing of the morning: how many asks are sent against today's plan, and the people to
 * ask at each playbook step, named, with what to do.
 */
export function TodaysAsks({ pace, people }: { pace: Pace; people: TodayQueue }) {
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">{t('popupTodayTitle')}</h2>
      <p class="big-line" data-testid="asks-today">
        {sentAgainstPlan(pace.asksMadeToday, pace.asksPlannedToday)}
      </p>
      {pace.steps && pace.valuePerDay !== null && pace.valuePerDay > 0 && (
        <>
          <ol class="plan" aria-label={t('popupPlanLabel')}>
            {pace.steps.map((step) => (
              <StepAsks key={step.step} step={step} people={people} made={step.made} planned={step.planned} />
            ))}
          </ol>
          {/* Where "Draft email" opens: only asked when a named person has an email address. */}
          {people.queue && hasEmail(people.queue) && (
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
    </section>
  );
}
