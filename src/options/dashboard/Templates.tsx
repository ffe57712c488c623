import { useEffect, useRef, useState } from 'preact/hooks';
import { BUILTIN_TEMPLATES, BUILTIN_TEMPLATES_DE } from '../../shared/builtin-templates.ts';
import { RELATIONSHIP_TEMPLATES, RELATIONSHIP_TEMPLATES_DE } from '../../shared/builtin-templates-relationship.ts';
import { relationshipLabel } from '../../i18n/relationships.ts';
import {
  CHANNELS,
  OUTREACH_KINDS,
  type Channel,
  type OutreachKind,
  type Settings,
  type Template,
} from '../../shared/model.ts';
import { PLACEHOLDERS, renderTemplate, type Placeholder } from '../../shared/template.ts';
import { t, uiLocale } from '../../i18n/t.ts';
import { getDb } from '../../storage/db.ts';
import { removeTemplate, storeTemplate } from '../../storage/page-writes.ts';
import { allTemplates } from '../../storage/templates.ts';
import { KIND_LABELS } from '../../ui/format.ts';
import { formatCount } from '../i18n.ts';
import { channelLabels } from './data.ts';

/** LinkedIn's own length limits, shown under the editor. */
export function linkedinLimits(): { channel: Channel; label: string; max: number }[] {
  return [
    { channel: 'linkedin-message', label: t('optionsTplLimitConnection'), max: 300 },
    { channel: 'linkedin-message', label: t('optionsTplLimitMessage'), max: 8000 },
    { channel: 'linkedin-group', label: t('optionsTplLimitPost'), max: 3000 },
  ];
}

const SAMPLE = {
  firstName: 'Jordan',
  fullName: 'Jordan Lee',
  company: 'Northwind Traders',
  headline: 'Head of Operations at Northwind Traders',
  groupName: 'Regional SaaS Founders',
  // What the book may know about a person (src/shared/draft-facts.ts): the [[…]] parts show with these.
  role: 'Head of Operations',
  purchase: 'the support analytics rollout',
  result: 'first replies twice as fast',
  nextStep: 'a pilot with the support team',
  impedimentQuestion: 'Could you tell me honestly what is in the way right now?',
  favour: 'the introduction to your new CFO',
};

const BUILTIN_IDS = new Set(
  [...BUILTIN_TEMPLATES, ...BUILTIN_TEMPLATES_DE, ...RELATIONSHIP_TEMPLATES, ...RELATIONSHIP_TEMPLATES_DE].map(
    (t) => t.id,
  ),
);

function Editor({
  template,
  settings,
  edited,
  onSaved,
  onClose,
}: {
  template: Template;
  settings: Settings;
  edited: boolean;
  onSaved: (id?: string) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Template>(template);
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const body = useRef<HTMLTextAreaElement>(null);
  const set = (patch: Partial<Template>) => setDraft((d) => ({ ...d, ...patch }));
  const builtIn = BUILTIN_IDS.has(template.id);
  const values = {
    ...SAMPLE,
    myName: settings.me.name || 'Sam Seller',
    myCompany: settings.me.company || t('optionsTplSampleCompany'),
    product: settings.me.product || t('optionsTplSampleProduct'),
    signature: settings.me.signature,
    ...(settings.me.idealReferral && { idealReferral: settings.me.idealReferral }),
  };
  const preview = renderTemplate(draft.body, values);
  const subject = draft.subject ? renderTemplate(draft.subject, values) : undefined;
  const unknown = [...new Set([...preview.unknown, ...(subject?.unknown ?? [])])];
  const length = preview.text.length;

  function insert(name: Placeholder) {
    const el = body.current;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? draft.body.length;
    set({ body: draft.body.slice(0, start) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!draft.name.trim() || !draft.body.trim()) {
      setError(t('optionsTplNeedsNameBody'));
      return;
    }
    setError(undefined);
    const stored: Template = { ...draft, name: draft.name.trim() };
    if (stored.channel !== 'email') delete stored.subject;
    await storeTemplate(stored);
    setStatus(t('optionsTplSaved'));
    onSaved(stored.id);
  }

  async function duplicate() {
    const copy: Template = {
      ...draft,
      id: `user:${crypto.randomUUID()}`,
      name: t('optionsTplCopyName', draft.name),
      builtIn: false,
    };
    await storeTemplate(copy);
    onSaved(copy.id);
  }

  async function remove() {
    await removeTemplate({ id: template.id });
    onSaved(builtIn ? template.id : undefined);
  }

  return (
    <form class="editor template-editor" aria-labelledby="tpl-edit-title" onSubmit={(e) => void save(e)}>
      <h3 id="tpl-edit-title">
        {builtIn ? t('optionsTplBuiltInTitle', template.name) : template.name || t('optionsTplNew')}
      </h3>
      <div class="fields">
        <label>
          {t('optionsTplName')}
          <input value={draft.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </label>
        <label>
          {t('optionsTplKind')}
          <select value={draft.kind} onChange={(e) => set({ kind: e.currentTarget.value as OutreachKind })}>
            {OUTREACH_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsTplChannel')}
          <select value={draft.channel} onChange={(e) => set({ channel: e.currentTarget.value as Channel })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabels()[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.channel === 'email' && (
        <label class="wide">
          {t('optionsTplSubject')}
          <input value={draft.subject ?? ''} onInput={(e) => set({ subject: e.currentTarget.value })} />
        </label>
      )}
      <div class="palette" role="group" aria-label={t('optionsTplPalette')}>
        {PLACEHOLDERS.map((name) => (
          <button type="button" class="chip" key={name} onClick={() => insert(name)}>
            {`{{${name}}}`}
          </button>
        ))}
      </div>
      <p class="hint">{t('optionsTplSections')}</p>
      <label class="wide">
        {t('optionsTplBody')}
        <textarea ref={body} rows={10} value={draft.body} onInput={(e) => set({ body: e.currentTarget.value })} />
      </label>
      {unknown.length > 0 && (
        <p role="alert" class="error">
          {unknown.length === 1
            ? t('optionsTplUnknownOne', unknown.map((u) => `{{${u}}}`).join(', '))
            : t('optionsTplUnknownMany', unknown.map((u) => `{{${u}}}`).join(', '))}
        </p>
      )}
      <div class="preview" aria-labelledby="tpl-preview-title">
        <h4 id="tpl-preview-title">{t('optionsTplPreviewTitle', SAMPLE.fullName, SAMPLE.company)}</h4>
        {subject && <p class="subject">{t('optionsTplPreviewSubject', subject.text)}</p>}
        <pre class="draft" data-testid="template-preview">
          {preview.text}
        </pre>
        <ul class="limits" aria-label={t('optionsTplLength')}>
          <li>{t('optionsTplCharacters', formatCount(length))}</li>
          {linkedinLimits()
            .filter((l) => l.channel === draft.channel)
            .map((l) => (
              <li key={l.label} class={length > l.max ? 'over' : ''}>
                {t('optionsTplLimit', l.label, formatCount(length), formatCount(l.max))}
                {length > l.max ? ` ${t('optionsTplTooLong', formatCount(length - l.max))}` : ''}
              </li>
            ))}
        </ul>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit">{t('optionsTplSave')}</button>
        <button type="button" class="secondary" onClick={() => void duplicate()}>
          {t('optionsTplDuplicate')}
        </button>
        {builtIn
          ? edited && (
              <button type="button" class="secondary" onClick={() => void remove()}>
                {t('optionsTplReset')}
              </button>
            )
          : template.name && (
              <button type="button" class="secondary" onClick={() => void remove()}>
                {t('optionsTplDelete')}
              </button>
            )}
        <button type="button" class="secondary" onClick={onClose}>
          {t('optionsTplClose')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

/** Templates: the honest built-ins and the user's own, with placeholders and a live preview. */
export function Templates({ settings }: { settings: Settings }) {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [storedIds, setStoredIds] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Template | undefined>();
  const [version, setVersion] = useState(0);

  async function load(selectId?: string) {
    const db = await getDb();
    const [all, stored] = await Promise.all([allTemplates(db, uiLocale()), db.getAllKeys('templates')]);
    setTemplates(all);
    setStoredIds(new Set(stored));
    setSelected(selectId ? all.find((tpl) => tpl.id === selectId) : undefined);
    setVersion((v) => v + 1);
  }
  useEffect(() => {
    void load();
  }, []);

  function create() {
    setSelected({
      id: `user:${crypto.randomUUID()}`,
      kind: 'referral-ask',
      channel: 'email',
      name: '',
      subject: '',
      body: '',
      builtIn: false,
    });
    setVersion((v) => v + 1);
  }

  return (
    <section id="templates" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('optionsTplTitle')}</h2>
      <p class="hint">{t('optionsTplIntro')}</p>
      <button type="button" onClick={create}>
        {t('optionsTplNew')}
      </button>
      <ul class="template-list" aria-label={t('optionsTplListLabel')}>
        {templates.map((tpl) => (
          <li key={tpl.id}>
            <button
              type="button"
              class="link"
              aria-current={selected?.id === tpl.id ? 'true' : undefined}
              onClick={() => {
                setSelected(tpl);
                setVersion((v) => v + 1);
              }}
            >
              {tpl.name}
            </button>{' '}
            <span class="hint">
              {KIND_LABELS[tpl.kind]} · {channelLabels()[tpl.channel]}
              {tpl.relationships
                ? ` · ${t('optionsTplFor', tpl.relationships.map((r) => relationshipLabel(r)).join(', '))}`
                : ''}
              {BUILTIN_IDS.has(tpl.id)
                ? ` · ${storedIds.has(tpl.id) ? t('optionsTplBuiltInEdited') : t('optionsTplBuiltIn')}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
      {selected && (
        <Editor
          key={`${selected.id}:${version}`}
          template={selected}
          settings={settings}
          edited={storedIds.has(selected.id)}
          onSaved={(id) => void load(id)}
          onClose={() => setSelected(undefined)}
        />
      )}
    </section>
  );
}
