import { useCallback, useEffect, useState } from 'preact/hooks';
import { DRAFT_PENDING_MS, type Draft } from '../shared/drafts.ts';
import { getDb } from '../storage/db.ts';
import { listDrafts } from '../storage/drafts.ts';
import { discardDraft, markSent } from './copy-and-log.ts';
import { KIND_LABELS } from './format.ts';
import { t, uiLocale } from '../i18n/t.ts';

function formatWhen(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLocale(), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(epochMs);
}

interface Props {
  /** Something was marked sent: the page's counts change. */
  onChanged: () => void;
  /** The section's heading level id prefix (the popup and the options page each have one). */
  idPrefix: string;
  /** The moment "over a day old" is measured from (the page's clock). */
  now?: () => number;
  /** The popup shows the section only when there is a draft; the options page always. */
  hideWhenEmpty?: boolean;
}

/**
 * Drafts copied or inserted but never sent (issue 15): each one the user finishes ("Mark sent":
 * logged and counted from now) or discards. Nothing here counts until it is marked sent.
 */
export function DraftsNotSent({ onChanged, idPrefix, now = Date.now, hideWhenEmpty = false }: Props) {
  const [drafts, setDrafts] = useState<Draft[]>();
  const [status, setStatus] = useState<{ message: string; error: boolean }>({ message: '', error: false });

  const reload = useCallback(async () => {
    setDrafts(await listDrafts(await getDb()));
  }, []);

  useEffect(() => {
    reload().catch(() => setDrafts([]));
  }, [reload]);

  async function act(draft: Draft, action: 'sent' | 'discard') {
    try {
      if (action === 'sent') await markSent(draft.idempotencyKey);
      else await discardDraft(draft.idempotencyKey);
      const message =
        action === 'sent' ? t('draftsMarkedSent', draft.contactName) : t('draftsDiscarded', draft.contactName);
      setStatus({ message, error: false });
      await reload();
      if (action === 'sent') onChanged();
    } catch (error) {
      setStatus({ message: t('draftsFailed', error instanceof Error ? error.message : String(error)), error: true });
    }
  }

  if (!drafts || (hideWhenEmpty && drafts.length === 0 && !status.message)) return null;
  const headingId = `${idPrefix}-drafts-title`;
  const at = now();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('draftsHeading')}</h2>
      <p class="hint">{t('draftsIntro')}</p>
      <p role="status" class={status.error ? 'error' : 'hint'}>
        {status.message}
      </p>
      {drafts.length === 0 ? (
        <p class="hint">{t('draftsNone')}</p>
      ) : (
        <ul aria-label={t('draftsHeading')} class="log">
          {drafts.map((draft) => (
            <li key={draft.idempotencyKey}>
              <div class="item">
                <span class="who">{draft.contactName}</span>
                <span class="what">{KIND_LABELS[draft.kind] ?? draft.kind}</span>
                <time dateTime={new Date(draft.createdAt).toISOString()}>{formatWhen(draft.createdAt)}</time>
                {at - draft.createdAt >= DRAFT_PENDING_MS && <span class="what">{t('draftsOld')}</span>}
              </div>
              <div class="row">
                <button
                  type="button"
                  aria-label={t('draftsMarkSentFor', draft.contactName)}
                  onClick={() => void act(draft, 'sent')}
                >
                  {t('draftsMarkSent')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('draftsDiscardFor', draft.contactName)}
                  onClick={() => void act(draft, 'discard')}
                >
                  {t('draftsDiscard')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
