import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { MANAGER_HELP_KINDS, type BriefSettings, type ManagerHelpKind } from '../../shared/brief-settings.ts';
import { saveBriefSettings } from '../../storage/page-writes.ts';

export function helpLabel(kind: ManagerHelpKind): string {
  switch (kind) {
    case 'pricing-approval':
      return t('briefHelpPricing');
    case 'executive-sponsor':
      return t('briefHelpSponsor');
    case 'solution-engineer':
      return t('briefHelpEngineer');
    case 'other':
      return t('briefHelpOther');
  }
}

/** A preset's wording to start from; the user edits it to name the deal and the ask. */
function presetText(kind: ManagerHelpKind): string {
  switch (kind) {
    case 'pricing-approval':
      return t('briefHelpPricingText');
    case 'executive-sponsor':
      return t('briefHelpSponsorText');
    case 'solution-engineer':
      return t('briefHelpEngineerText');
    case 'other':
      return '';
  }
}

/**
 * The user's side of the brief (not printed): the pace they can keep, in their own figure, and
 * the specific help they ask the manager for — chosen from the usual asks and worded by them.
 */
export function BriefChoices({ choices, onSaved }: { choices: BriefSettings; onSaved: () => void }) {
  const [keepable, setKeepable] = useState(choices.keepablePerDay === undefined ? '' : String(choices.keepablePerDay));
  const [texts, setTexts] = useState<Record<ManagerHelpKind, string | undefined>>(
    () =>
      Object.fromEntries(
        MANAGER_HELP_KINDS.map((kind) => [kind, choices.help.find((help) => help.kind === kind)?.text]),
      ) as Record<ManagerHelpKind, string | undefined>,
  );
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    const trimmed = keepable.trim();
    const perDay = trimmed === '' ? undefined : Number(trimmed);
    if (perDay !== undefined && (!Number.isInteger(perDay) || perDay < 1)) {
      setError(t('briefKeepableError'));
      return;
    }
    setError(undefined);
    await saveBriefSettings({
      ...(perDay !== undefined ? { keepablePerDay: perDay } : {}),
      help: MANAGER_HELP_KINDS.flatMap((kind) => {
        const text = texts[kind];
        return text === undefined ? [] : [{ kind, text: text.trim() }];
      }),
    });
    setSaved(true);
    onSaved();
  }

  return (
    <form class="no-print brief-choices" aria-labelledby="brief-choices-title" onSubmit={save}>
      <h3 id="brief-choices-title">{t('briefChoicesTitle')}</h3>
      <label>
        {t('briefKeepableLabel')}{' '}
        <input
          type="text"
          inputMode="numeric"
          size={4}
          value={keepable}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby="brief-keepable-hint"
          onInput={(e) => {
            setKeepable(e.currentTarget.value);
            setSaved(false);
          }}
        />
      </label>
      <p class="hint" id="brief-keepable-hint">
        {t('briefKeepableHint')}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <fieldset>
        <legend>{t('briefHelpLegend')}</legend>
        {MANAGER_HELP_KINDS.map((kind) => {
          const text = texts[kind];
          return (
            <div key={kind} class="help-choice">
              <label>
                <input
                  type="checkbox"
                  checked={text !== undefined}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setTexts((before) => ({ ...before, [kind]: on ? (before[kind] ?? presetText(kind)) : undefined }));
                    setSaved(false);
                  }}
                />{' '}
                {helpLabel(kind)}
              </label>
              {text !== undefined && (
                <label class="help-text">
                  <span class="visually-hidden">{t('briefHelpTextLabel', helpLabel(kind))}</span>
                  <textarea
                    rows={2}
                    value={text}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setTexts((before) => ({ ...before, [kind]: value }));
                      setSaved(false);
                    }}
                  />
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
      <button type="submit">{t('briefSave')}</button>
      {saved && (
        <span role="status" class="hint">
          {' '}
          {t('briefSaved')}
        </span>
      )}
    </form>
  );
}
