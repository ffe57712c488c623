import type { Group, Person, TemplateSummary } from '../messaging/contract.ts';
import { request } from '../messaging/client.ts';
import { relationshipLabel } from '../i18n/relationships.ts';
import { t, uiLocale } from '../i18n/t.ts';
import { fillPlaceholders, gapsIn } from '../shared/template.ts';
import { RELATIONSHIPS, type Channel, type OutreachKind, type Relationship } from '../shared/model.ts';
import { el } from '../ui/dom.ts';
import { labelOf, missingValuesForm } from './missing-form.ts';

/**
 * How long a text each way into LinkedIn may be (characters): a connection request's note, a
 * message (to a connection or InMail), a post in a group or the feed.
 */
export const LINKEDIN_LIMITS = { 'connection-note': 300, message: 8000, post: 3000 } as const;
export type LinkedinVia = keyof typeof LINKEDIN_LIMITS;

function viaLabel(via: LinkedinVia): string {
  const labels: Record<LinkedinVia, () => string> = {
    'connection-note': () => t('dialogViaConnectionNote'),
    message: () => t('dialogViaMessage'),
    post: () => t('dialogViaPost'),
  };
  return labels[via]();
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
  /** Where the text goes on LinkedIn, each with its length limit; the first is the default (a choice when more). */
  via?: readonly LinkedinVia[];
  /** "Copy and log", "Insert and log", … */
  actionLabel: string;
  /** Does the action and says how it went. The key makes a repeated click log once. */
  act: (draft: {
    text: string;
    kind: OutreachKind;
    idempotencyKey: string;
    via?: LinkedinVia;
  }) => Promise<ActionResult>;
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
  const viaSelect = el('select', { id: `${id}-via` });
  const viaRow = el('div', { class: 'field' }, el('label', { for: viaSelect.id }, t('dialogVia')), viaSelect);
  const draft = el('textarea', { id: `${id}-draft`, spellcheck: 'true', 'aria-describedby': `${id}-count` });
  // The length against the channel's limit, live; over the limit is said in words, not only colour.
  // A polite live region (not a second role=status: the dialog's status line stays the one status).
  const count = el('p', { class: 'count', id: `${id}-count`, 'aria-live': 'polite', 'aria-atomic': 'true' });
  const missing = el('div', { class: 'missing' });
  // A setting of the user's own that would make the draft better, and where it is set.
  const suggestion = el('p', { class: 'hint' });
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
    viaRow,
    suggestion,
    missing,
    el('label', { for: draft.id }, t('dialogDraft')),
    draft,
    count,
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
      suggestion.textContent = result.suggest?.includes('idealReferral')
        ? t('dialogSetOwn', t('hintIdealReferral'))
        : '';
      showCount();
      askForGaps();
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

  function currentVia(): LinkedinVia | undefined {
    return (viaSelect.value || undefined) as LinkedinVia | undefined;
  }

  /** Characters used (as LinkedIn counts them: UTF-16 code units) against the channel's limit. */
  function overBy(): number {
    const via = currentVia();
    return via ? draft.value.length - LINKEDIN_LIMITS[via] : 0;
  }

  function showCount(): void {
    const via = currentVia();
    if (!via) {
      count.textContent = '';
      return;
    }
    const format = new Intl.NumberFormat(uiLocale());
    const limit = format.format(LINKEDIN_LIMITS[via]);
    const over = overBy();
    count.textContent =
      over > 0
        ? t('dialogCountOver', format.format(draft.value.length), limit, viaLabel(via), format.format(over))
        : t('dialogCount', format.format(draft.value.length), limit, viaLabel(via));
    count.classList.toggle('error', over > 0);
  }

  function showVia(choices: readonly LinkedinVia[], preferred?: LinkedinVia): void {
    viaSelect.replaceChildren(
      ...choices.map((via) =>
        el(
          'option',
          { value: via },
          t('dialogViaOption', viaLabel(via), new Intl.NumberFormat(uiLocale()).format(LINKEDIN_LIMITS[via])),
        ),
      ),
    );
    viaRow.hidden = choices.length < 2;
    if (preferred && choices.includes(preferred)) viaSelect.value = preferred;
    showCount();
  }

  /**
   * Placeholders the draft still holds (a fact the book lacks, a typo): asked for in a form above
   * the draft, and the draft is never copied or inserted until they are filled.
   */
  function askForGaps(): boolean {
    const gaps = gapsIn(draft.value);
    if (gaps.length === 0) {
      missing.replaceChildren();
      return false;
    }
    const form = missingValuesForm(
      gaps,
      t('fillInsertIntoDraft'),
      (values) => {
        // Into the text as the user has it now (their edits stay).
        draft.value = fillPlaceholders(draft.value, values);
        missing.replaceChildren();
        showCount();
        draft.focus();
      },
      signal,
    );
    missing.replaceChildren(form);
    return true;
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
    missing.replaceChildren();
    showVia(next.via ?? []);
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
    // Never copied or inserted with a gap: the form asks for the value first.
    if (askForGaps()) {
      setStatus(t('fillMissingFirst', gapsIn(draft.value).map(labelOf).join(', ')), true);
      missing.querySelector('input')?.focus();
      return;
    }
    const over = overBy();
    const via = currentVia();
    if (over > 0 && via) {
      const format = new Intl.NumberFormat(uiLocale());
      setStatus(t('dialogTooLong', viaLabel(via), format.format(LINKEDIN_LIMITS[via]), format.format(over)), true);
      draft.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await current.act({ text: draft.value, kind, idempotencyKey, ...(via && { via }) });
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
  viaSelect.addEventListener('change', showCount, options);
  draft.addEventListener('input', showCount, options);
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
        .then(async () => {
          showKinds(value);
          // The text follows who the person is: a customer's ask is redrafted as one.
          await draftWith();
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
