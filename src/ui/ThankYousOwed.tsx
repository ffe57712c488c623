import { useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import type { ThankYou } from '../shared/model.ts';
import { draftThankYou, markThanked } from './data.ts';
import { OUTCOME_LABELS } from './format.ts';

interface Props {
  thanks: readonly ThankYou[];
  onChanged: () => void;
}

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** One person owed a thank-you (several helps from one person are thanked together). */
function ThankYouItem({ thank, helps, onChanged }: { thank: ThankYou; helps: number; onChanged: () => void }) {
  const [draft, setDraft] = useState<{ note: string; gift: string } | undefined>();
  const [copied, setCopied] = useState(false);
  const noteId = `thanks-note-${thank.id}`;

  async function copy() {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.note);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <li>
      <div class="item">
        <span class="who">{thank.contactName}</span>
        <span class="what">
          {OUTCOME_LABELS[thank.outcome]}
          {helps > 1 ? ` ${t('uiAndMore', String(helps - 1))}` : ''}
        </span>
      </div>
      <div class="row">
        <button
          type="button"
          class="secondary"
          aria-label={t('uiDraftThankYouTo', thank.contactName)}
          onClick={() => void draftThankYou(thank.contactId, thank.contactName).then(setDraft)}
        >
          {t('uiDraftThankYou')}
        </button>
        <button
          type="button"
          onClick={() => void markThanked(thank, draft?.note || 'Thanked (marked in Gap Closer)').then(onChanged)}
        >
          {/* The name is read out but not shown, so the visible words stay part of the accessible name. */}
          {t('uiMarkThankedBefore')} <span style={VISUALLY_HIDDEN}>{thank.contactName} </span>
          {t('uiMarkThankedAfter')}
        </button>
      </div>
      {draft && (
        <div class="draft">
          <label for={noteId}>{t('uiThankYouNote')}</label>
          <textarea
            id={noteId}
            rows={7}
            value={draft.note}
            onInput={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
          />
          <div class="row">
            <button type="button" class="secondary" onClick={() => void copy()}>
              {t('uiCopyNote')}
            </button>
            {copied && <span role="status">{t('uiCopied')}</span>}
          </div>
          <p class="hint gift">{draft.gift}</p>
        </div>
      )}
    </li>
  );
}

export function ThankYousOwed({ thanks, onChanged }: Props) {
  const byContact = new Map<string, ThankYou[]>();
  for (const thank of thanks) byContact.set(thank.contactId, [...(byContact.get(thank.contactId) ?? []), thank]);
  return (
    <section aria-labelledby="thanks-title" id="thank-yous">
      <h2 id="thanks-title">{t('uiThankYousOwed')}</h2>
      {byContact.size === 0 ? (
        <p class="hint">{t('uiNobodyWaiting')}</p>
      ) : (
        <ul class="log" aria-label={t('uiThankYousOwed')}>
          {[...byContact.entries()].map(([contactId, group]) =>
            group[0] ? (
              <ThankYouItem key={contactId} thank={group[0]} helps={group.length} onChanged={onChanged} />
            ) : null,
          )}
        </ul>
      )}
    </section>
  );
}
