import { useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import type { ThankYou } from '../shared/model.ts';
import { draftThankYou, markThanked, undoThanked } from './data.ts';
import { OUTCOME_LABELS } from './format.ts';

interface Props {
  thanks: readonly ThankYou[];
  onChanged: () => void;
}

/** A thank-you just given by copying its note: kept above the list (the person's line is gone) for the undo. */
interface JustThanked {
  name: string;
  outreachId: string;
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
function ThankYouItem({
  thank,
  helps,
  onThanked,
  onChanged,
}: {
  thank: ThankYou;
  helps: number;
  onThanked: (given: JustThanked) => void;
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState<{ note: string; gift: string } | undefined>();
  const [copyFailed, setCopyFailed] = useState(false);
  const noteId = `thanks-note-${thank.id}`;

  /** Copying the note is giving the thanks: it is logged at once, with an undo above the list. */
  async function copy() {
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.note);
    } catch {
      setCopyFailed(true);
      return;
    }
    const outreachId = await markThanked(thank, draft.note);
    onThanked({ name: thank.contactName, outreachId });
    onChanged();
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
            {copyFailed && <span role="alert">{t('uiCopyFailed')}</span>}
          </div>
          <p class="hint gift">{draft.gift}</p>
        </div>
      )}
    </li>
  );
}

export function ThankYousOwed({ thanks, onChanged }: Props) {
  const [justThanked, setJustThanked] = useState<JustThanked | undefined>();
  const byContact = new Map<string, ThankYou[]>();
  for (const thank of thanks) byContact.set(thank.contactId, [...(byContact.get(thank.contactId) ?? []), thank]);
  return (
    <section aria-labelledby="thanks-title" id="thank-yous">
      <h2 id="thanks-title">{t('uiThankYousOwed')}</h2>
      <p role="status" class="row">
        {justThanked && (
          <>
            {t('uiCopiedAndThanked', justThanked.name)}{' '}
            <button
              type="button"
              class="secondary"
              aria-label={t('uiUndoThanked', justThanked.name)}
              onClick={() =>
                void undoThanked(justThanked.outreachId).then(() => {
                  setJustThanked(undefined);
                  onChanged();
                })
              }
            >
              {t('uiUndoVisible')}
            </button>
          </>
        )}
      </p>
      {byContact.size === 0 ? (
        <p class="hint">{t('uiNobodyWaiting')}</p>
      ) : (
        <ul class="log" aria-label={t('uiThankYousOwed')}>
          {[...byContact.entries()].map(([contactId, group]) =>
            group[0] ? (
              <ThankYouItem
                key={contactId}
                thank={group[0]}
                helps={group.length}
                onThanked={setJustThanked}
                onChanged={onChanged}
              />
            ) : null,
          )}
        </ul>
      )}
    </section>
  );
}
