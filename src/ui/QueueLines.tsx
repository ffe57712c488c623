import { t } from '../i18n/t.ts';
import type { QueueAction, QueueLine } from '../shared/queue.ts';
import { profileUrl } from '../shared/compose-url.ts';
import { reasonText, thankFirstText } from './queue-text.ts';

export interface QueueLinesProps {
  /** The step's name (Customers, Stalled deals, Networks): names both lists. */
  step: string;
  lines: readonly QueueLine[];
  thankFirst?: readonly QueueLine[];
  currency: string;
  /** People asked today (their lines are ticked off even before the worker recomputes). */
  askedToday: ReadonlySet<string>;
  onAct: (line: QueueLine, action: QueueAction) => void;
  onDraft: (line: QueueLine) => void;
}

/** One step's named people: full name, the reason beside it, and what to do. */
export function QueueLines({ step, lines, thankFirst = [], currency, askedToday, onAct, onDraft }: QueueLinesProps) {
  // Each label read once per list, not once per line: every t() is a call into the extension API.
  const label = {
    asked: t('queueAskedToday'),
    profile: t('queueOpenProfile'),
    draft: t('queueDraftEmail'),
    skip: t('queueSkip'),
    snooze: t('queueSnooze'),
    notAFit: t('queueNotAFit'),
  };
  return (
    <>
      <ul class="queue" aria-label={t('queueListLabel', step)}>
        {lines.map((line) => {
          const done = line.done || askedToday.has(line.contactId);
          return (
            <li key={line.id} class={done ? 'queue-line done' : 'queue-line'} data-testid="queue-line">
              <span class="queue-name">
                {done && <span aria-label={label.asked}>✓ </span>}
                {line.fullName}
              </span>{' '}
              <span class="queue-reason">{reasonText(line.reason, currency)}</span>
              {!done && (
                <span class="queue-actions">
                  <a
                    href={profileUrl(line)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={`${label.profile}: ${line.fullName}`}
                  >
                    {label.profile}
                  </a>
                  {line.email && (
                    <button
                      type="button"
                      class="link"
                      aria-label={`${label.draft}: ${line.fullName}`}
                      onClick={() => onDraft(line)}
                    >
                      {label.draft}
                    </button>
                  )}
                  <button
                    type="button"
                    class="link"
                    aria-label={`${label.skip}: ${line.fullName}`}
                    onClick={() => onAct(line, 'skip')}
                  >
                    {label.skip}
                  </button>
                  <button
                    type="button"
                    class="link"
                    aria-label={`${label.snooze}: ${line.fullName}`}
                    onClick={() => onAct(line, 'snooze')}
                  >
                    {label.snooze}
                  </button>
                  <button
                    type="button"
                    class="link"
                    aria-label={`${label.notAFit}: ${line.fullName}`}
                    onClick={() => onAct(line, 'not-a-fit')}
                  >
                    {label.notAFit}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {thankFirst.length > 0 && (
        <ul class="queue thank-first" aria-label={t('queueThankFirstLabel', step)}>
          {thankFirst.map((line) => (
            <li key={line.id} class="queue-line">
              <span class="queue-name">{line.fullName}</span> <span class="queue-reason">{thankFirstText(line)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
