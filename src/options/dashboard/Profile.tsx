import { useState } from 'preact/hooks';
import type { Me, Settings } from '../../shared/model.ts';
import { t } from '../../i18n/t.ts';
import { saveMe } from '../../storage/page-writes.ts';
import { InPageButtonsToggle } from '../../ui/InPageButtonsToggle.tsx';

function fields(): { key: keyof Me; label: string; hint?: string; multiline?: boolean }[] {
  return [
    { key: 'name', label: t('optionsProfileName'), hint: t('optionsProfileNameHint', '{{myName}}') },
    { key: 'company', label: t('optionsProfileCompany'), hint: '{{myCompany}}' },
    { key: 'product', label: t('optionsProfileProduct'), hint: '{{product}}' },
    { key: 'idealReferral', label: t('optionsProfileIdealReferral'), hint: t('optionsProfileIdealReferralHint') },
    { key: 'signature', label: t('optionsProfileSignature'), hint: '{{signature}}', multiline: true },
  ];
}

/** Who you are (what fills the templates) and the in-page buttons switch. */
export function Profile({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const [me, setMe] = useState<Me>(settings.me);
  const [status, setStatus] = useState<string | undefined>();

  async function save(event: Event) {
    event.preventDefault();
    const trimmed: Me = {
      name: me.name.trim(),
      company: me.company.trim(),
      product: me.product.trim(),
      signature: me.signature,
      ...(me.idealReferral?.trim() && { idealReferral: me.idealReferral.trim() }),
    };
    await saveMe(trimmed);
    setStatus(t('optionsSaved'));
    onSaved();
  }

  return (
    <section id="you" aria-labelledby="you-title">
      <h2 id="you-title">{t('optionsProfileTitle')}</h2>
      <form class="fields profile" onSubmit={(e) => void save(e)}>
        {fields().map((field) => (
          <label key={field.key}>
            {field.label}
            {field.multiline ? (
              <textarea
                rows={3}
                value={me[field.key] ?? ''}
                onInput={(e) => setMe({ ...me, [field.key]: e.currentTarget.value })}
              />
            ) : (
              <input
                value={me[field.key] ?? ''}
                onInput={(e) => setMe({ ...me, [field.key]: e.currentTarget.value })}
              />
            )}
            {field.hint && <span class="hint">{field.hint}</span>}
          </label>
        ))}
        <button type="submit">{t('optionsProfileSave')}</button>
        {status && <span role="status">{status}</span>}
      </form>
      <InPageButtonsToggle label={t('optionsProfileButtons')} />
    </section>
  );
}
