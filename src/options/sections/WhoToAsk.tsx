import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { notifyWorker } from '../../messaging/client.ts';
import { PLAYBOOK_STEPS, type PlaybookStep } from '../../shared/pace.ts';
import type { Queue, QueueAction, QueueLine } from '../../shared/queue.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { getDb } from '../../storage/db.ts';
import { actOnQueue } from '../../storage/page-writes.ts';
import { getDraftWebmail, readWholeQueue } from '../../storage/queue.ts';
import { STEP_LABELS } from '../../ui/format.ts';
import { QueueLines } from '../../ui/QueueLines.tsx';
import { draftEmailUrl, openTab } from '../../ui/queue-draft.ts';
import { formatCount } from '../i18n.ts';

/** People shown per step before "Show more" (a step can hold thousands of connections). */
const PAGE = 100;

/** The whole named queue, step by step, with the same actions as the popup and what was left out. */
export function WhoToAsk({ day }: { day: DaySnapshot }) {
  const [queue, setQueue] = useState<Queue | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState<Record<PlaybookStep, number>>({ customers: PAGE, stalled: PAGE, networks: PAGE });
  const [error, setError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    setQueue(await readWholeQueue(await getDb()));
    setLoaded(true);
  }, []);
  // Re-read whenever the page reloads its day (after any change made on it).
  useEffect(() => {
    void reload();
  }, [reload, day]);

  const onAct = useCallback(
    (line: QueueLine, action: QueueAction) => {
      setHidden((before) => new Set([...before, line.id]));
      void actOnQueue({ lineId: line.id, action })
        .then(() => notifyWorker())
        .then(reload)
        .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
    },
    [reload],
  );
  const onDraft = useCallback(
    (line: QueueLine) => {
      void getDb()
        .then(getDraftWebmail)
        .then((webmail) => draftEmailUrl(line, webmail, day.settings.me))
        .then(openTab);
    },
    [day],
  );

  const asked = new Set(day.todaysOutreach.flatMap((record) => (record.contactId ? [record.contactId] : [])));
  return (
    <section aria-labelledby="who-to-ask-title" id="who-to-ask">
      <h2 id="who-to-ask-title">{t('queueOptionsTitle')}</h2>
      {error && <p role="alert">{error}</p>}
      {!queue ? (
        loaded && <p class="hint">{t('queueOptionsNotComputed')}</p>
      ) : (
        <>
          <p class="hint">{t('queueOptionsIntro')}</p>
          <p class="hint" data-testid="queue-left-out">
            {t(
              'queueLeftOut',
              formatCount(queue.leftOut['thank-first']),
              formatCount(queue.leftOut['asked-recently']),
              formatCount(queue.leftOut.declined),
              formatCount(queue.leftOut.snoozed),
              formatCount(queue.leftOut.skipped),
              formatCount(queue.leftOut['not-a-fit']),
            )}
          </p>
          {PLAYBOOK_STEPS.map((step) => {
            const lines = queue.steps[step].lines.filter((line) => !hidden.has(line.id));
            const more = lines.length - shown[step];
            return (
              <div key={step} class="queue-step">
                <h3>
                  {STEP_LABELS[step]} <span class="hint">{t('queueOptionsCount', formatCount(lines.length))}</span>
                </h3>
                {lines.length === 0 && queue.steps[step].thankFirst.length === 0 ? (
                  <p class="hint">{t('queueOptionsEmpty')}</p>
                ) : (
                  <QueueLines
                    step={STEP_LABELS[step]}
                    lines={lines.slice(0, shown[step])}
                    thankFirst={queue.steps[step].thankFirst}
                    currency={queue.currency}
                    askedToday={asked}
                    onAct={onAct}
                    onDraft={onDraft}
                  />
                )}
                {more > 0 && (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => setShown((before) => ({ ...before, [step]: before[step] + PAGE }))}
                  >
                    {t('queueOptionsMore', formatCount(Math.min(PAGE, more)))}
                  </button>
                )}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
