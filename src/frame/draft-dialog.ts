import type { Group, Person, TemplateSummary } from '../messaging/contract.ts';
import { request } from '../messaging/client.ts';
import { relationshipLabel } from '../i18n/relationships.ts';
import { t } from '../i18n/t.ts';
import { RELATIONSHIPS, type Channel, type OutreachKind, type Relationship } from '../shared/model.ts';
import { el } from '../ui/dom.ts';

/** The user's own settings a draft may lack, as the hint names them. */
function ownSetting(placeholder: string): string | undefined {
  const names: Record<string, () => string> = {
    myName: () => t('dialogMyName'),
    myCompany: () => t('dialogMyCompany'),
    product: () => t('dialogProduct'),
    signature: () => t('dialogSignature'),
  };
  return names[placeholder]?.();
}

/** Who the draft is for and what its main button does with the final text. */
export interface DraftRequest {
  heading: string;
  channel: Channel;
  kind: OutreachKind;
  person?: Person;
  group?: Group;
  /** Shown for people: the relationship select, and what to do when it changes. */
  relationship?: { current: Relationship | undefined; change: (value: Relationship) => Promise<void> };
  /** What may be asked of this person (an upsell for a customer…): a choice shown when more than one. */
  kindsFor?: (relationship: Relationship | undefined) => readonly KindChoice[];
  hint?: string | undefined;
  /** "Copy and log", "Insert and log", … */
  actionLabel: string;
  /** Does the action and says how it went. The key makes a repeated click log once. */
  act: (draft: { text: string; kind: OutreachKind; idempotencyKey: string }) => Promise<ActionResult>;
}

export interface KindChoice {
  kind: OutreachKind;
  label: string;
  heading: string;
}

export interface ActionResult {
  message: string;
  ok: boolean;
  /** The draft was kept unsent under this key: the dialog offers "Sent" to count it (issue 15). */
  draftKey?: string;
}

export interface DraftDialog {
  open: (draft: DraftRequest) => void;
  /** What was looked up after the dialog was painted: the relationship and the hint. */
  setContext: (context: { relationship?: Relationship | undefined; hint?: string | undefined }) => void;
}

let dialogCount = 0;

function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

function joinAnd(items: readonly string[]): string {
  return items.reduce((joined, item) => (joined ? t('dialogAnd', joined, item) : item), '');
}

function describeMissing(names: readonly string[]): string {
  if (names.length === 0) return '';
  const own = names.map(ownSetting).filter((name): name is string => Boolean(name));
  const others = names.filter((name) => !ownSetting(name)).map((name) => `{{${name}}}`);
  const parts = [];
  if (own.length) parts.push(t('dialogSetOwn', joinAnd(own)));
  if (others.length) parts.push(t('dialogFillIn', others.join(', ')));
  return parts.join(' ');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : t('dialogSomethingWrong');
}

/**
 * The draft dialog inside the private frame: pick what to ask and a template, edit the draft,
 * then the caller's action (copy, insert) runs with the final text. It lives in an extension
 * page, so the site can neither read it nor send it events; it still acts only on trusted ones.
 */
export function createDraftDialog(root: HTMLElement, signal: AbortSignal, onClose: () => void): DraftDialog {
  const id = `gc-dialog-${++dialogCount}`;
  const heading = el('h2', { id: `${id}-title` });
  const hint = el('p', { class: 'hint person-hint' });
  const relationshipSelect = el(
    'select',
    { id: `${id}-relationship` },
    el('option', { value: '' }, relationshipLabel('unset')),
    ...RELATIONSHIPS.map((value) => el('option', { value }, relationshipLabel(value))),
  );
  const relationshipRow = el(
    'div',
    { class: 'field' },
    el('label', { for: relationshipSelect.id }, t('dialogRelationship')),
    relationshipSelect,
  );
  const kindSelect = el('select', { id: `${id}-kind` });
  const kindRow = el('div', { class: 'field' }, el('label', { for: kindSelect.id }, t('dialogWhatToAsk')), kindSelect);
  const templateSelect = el('select', { id: `${id}-template` });
  const draft = el('textarea', { id: `${id}-draft`, spellcheck: 'true' });
  const missing = el('p', { class: 'hint' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const close = el('button', { type: 'button', class: 'secondary' }, t('dialogClose'));
  const action = el('button', { type: 'button', class: 'primary' });
  // "Sent": shown once a copy was kept as a draft; the user's click counts it as sent.
  const sent = el('button', { type: 'button', class: 'secondary', hidden: true }, t('sentButton'));
  const panel = el(
    'div',
    { class: 'panel', role: 'dialog', 'aria-labelledby': heading.id, hidden: true },
    heading,
    hint,
    relationshipRow,
    kindRow,
    el('div', { class: 'field' }, el('label', { for: templateSelect.id }, t('dialogTemplate')), templateSelect),
    el('label', { for: draft.id }, t('dialogDraft')),
    draft,
    missing,
    status,
    el('div', { class: 'row' }, close, action, sent),
  );
  root.append(panel);

  let current: DraftRequest | undefined;
  let kind: OutreachKind = 'referral-ask';
  let idempotencyKey = '';
  let generation = 0;
  let draftKey: string | undefined;

  function offerSent(key: string | undefined): void {
    draftKey = key;
    sent.hidden = !key;
  }

  // aria-disabled rather than disabled: disabling the focused button would drop keyboard focus
  // out of the dialog (to the page's body) in the middle of the user's action.
  function setBusy(busy: boolean): void {
    action.setAttribute('aria-disabled', String(busy));
  }

  function setStatus(message: string, isError = false): void {
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  async function draftWith(templateId?: string): Promise<void> {
    if (!current) return;
    const mine = ++generation;
    const request_ = current;
    setBusy(true);
    setStatus(t('dialogPreparing'));
    try {
      const result = await request('draft.compose', {
        kind,
        channel: request_.channel,
        ...(templateId && { templateId }),
        ...(request_.person && { person: request_.person }),
        ...(request_.group && { group: request_.group }),
      });
      if (mine !== generation) return;
      kind = result.kind;
      if (kinds.some((choice) => choice.kind === kind)) kindSelect.value = kind;
      idempotencyKey = newIdempotencyKey();
      offerSent(undefined);
      draft.value = result.text;
      templateSelect.value = result.templateId;
      missing.textContent = describeMissing([...result.missing, ...result.unknown]);
      setStatus('');
      setBusy(false);
      draft.setSelectionRange(0, 0);
      draft.scrollTop = 0;
      performance.mark('gap-closer:draft-ready');
    } catch (error) {
      if (mine === generation) setStatus(messageOf(error), true);
    }
  }

  async function loadTemplates(channel: Channel): Promise<void> {
    const { templates } = await request('templates.list', { channel });
    templateSelect.replaceChildren(
      ...templates.map((template: TemplateSummary) => el('option', { value: template.id }, template.name)),
    );
  }

  let kinds: readonly KindChoice[] = [];
  function showKinds(relationship: Relationship | undefined): void {
    kinds = current?.kindsFor?.(relationship) ?? [];
    kindRow.hidden = kinds.length < 2;
    kindSelect.replaceChildren(...kinds.map((choice) => el('option', { value: choice.kind }, choice.label)));
    kindSelect.value = kind;
  }

  function open(next: DraftRequest): void {
    current = next;
    kind = next.kind;
    heading.textContent = next.heading;
    showKinds(next.relationship?.current);
    hint.textContent = next.hint ?? '';
    hint.hidden = !next.hint;
    relationshipRow.hidden = !next.relationship;
    relationshipSelect.value = next.relationship?.current ?? '';
    action.textContent = next.actionLabel;
    draft.value = '';
    missing.textContent = '';
    offerSent(undefined);
    panel.hidden = false;
    draft.focus();
    // The bench times the click → painted dialog from this mark (a task after the next frame).
    requestAnimationFrame(() => setTimeout(() => performance.mark('gap-closer:dialog-painted')));
    void loadTemplates(next.channel)
      .catch(() => templateSelect.replaceChildren())
      .then(() => draftWith());
  }

  function hide(): void {
    generation++;
    onClose();
  }

  async function runAction(): Promise<void> {
    if (!current || action.getAttribute('aria-disabled') === 'true') return;
    if (!draft.value.trim()) {
      setStatus(t('dialogEmpty'), true);
      return;
    }
    setBusy(true);
    try {
      const result = await current.act({ text: draft.value, kind, idempotencyKey });
      setStatus(result.message, !result.ok);
      if (result.draftKey) offerSent(result.draftKey);
    } catch (error) {
      setStatus(t('dialogNotLogged', messageOf(error)), true);
    } finally {
      setBusy(false);
    }
  }

  async function markSent(): Promise<void> {
    if (!draftKey || sent.getAttribute('aria-disabled') === 'true') return;
    sent.setAttribute('aria-disabled', 'true');
    try {
      await request('outreach.markSent', { idempotencyKey: draftKey });
      setStatus(t('sentCounted'));
      // Focus to the main button before the "Sent" button goes, so the keyboard stays in the dialog.
      action.focus();
      offerSent(undefined);
    } catch (error) {
      setStatus(t('sentNotCounted', messageOf(error)), true);
    } finally {
      sent.setAttribute('aria-disabled', 'false');
    }
  }

  const options = { signal };
  // Only the user's own events act: a script (ours included) dispatching one does nothing.
  const trusted =
    <E extends Event>(handler: (event: E) => void) =>
    (event: E) => {
      if (event.isTrusted) handler(event);
    };
  close.addEventListener('click', trusted(hide), options);
  action.addEventListener(
    'click',
    trusted(() => void runAction()),
    options,
  );
  sent.addEventListener(
    'click',
    trusted(() => void markSent()),
    options,
  );
  // A select's change cannot be told from script (Playwright's selectOption is not trusted
  // either); no page can reach this frame to dispatch one, so selects act on any change.
  templateSelect.addEventListener('change', () => void draftWith(templateSelect.value), options);
  kindSelect.addEventListener(
    'change',
    () => {
      const choice = kinds.find((entry) => entry.kind === kindSelect.value);
      if (!choice) return;
      kind = choice.kind;
      heading.textContent = choice.heading;
      void draftWith();
    },
    options,
  );
  relationshipSelect.addEventListener(
    'change',
    () => {
      const value = relationshipSelect.value as Relationship | '';
      if (!value || !current?.relationship) return;
      current.relationship
        .change(value)
        .then(() => {
          showKinds(value);
          setStatus(t('dialogSaved', relationshipLabel(value)));
        })
        .catch((error: unknown) => setStatus(t('dialogNotSaved', messageOf(error)), true));
    },
    options,
  );
  panel.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        hide();
      }
    },
    options,
  );
  signal.addEventListener('abort', () => panel.remove(), { once: true });

  function setContext(context: { relationship?: Relationship | undefined; hint?: string | undefined }): void {
    if (!current) return;
    if (current.relationship) current.relationship.current = context.relationship;
    relationshipSelect.value = context.relationship ?? '';
    hint.textContent = context.hint ?? '';
    hint.hidden = !context.hint;
    showKinds(context.relationship);
  }

  return { open, setContext };
}
