import type { Person } from '../../messaging/contract.ts';
import type { Channel, OutreachKind } from '../../shared/model.ts';
import { request } from '../../messaging/client.ts';
import { copyText } from './clipboard.ts';
import { el } from './dom.ts';

export interface AskAction {
  kind: OutreachKind;
  channel: Channel;
  /** The button's text, also its accessible name: "Ask for referral". */
  label: string;
  /** The dialog's heading for this person: "Ask Jordan for a referral". */
  title: (person: Person) => string;
}

const MISSING_HINTS: Record<string, string> = {
  myName: 'your name',
  myCompany: 'your company',
  product: 'your product',
  signature: 'your signature',
};

let panelCount = 0;

function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

function describeMissing(missing: readonly string[]): string {
  const own = missing.map((name) => MISSING_HINTS[name]).filter(Boolean);
  if (own.length === 0) return missing.length ? `Fill in: ${missing.map((name) => `{{${name}}}`).join(', ')}.` : '';
  return `Set ${own.join(' and ')} in the Gap Closer popup to fill the {{…}} gaps.`;
}

/**
 * A trigger button and its dialog: the draft in an editable box, "Copy and log" to copy it and
 * record the outreach. Only the user's click does anything; the site's controls are never used.
 */
export function createAskButton(
  root: ShadowRoot,
  action: AskAction,
  getPerson: () => Person,
  signal: AbortSignal,
): HTMLButtonElement {
  const id = `gc-${++panelCount}`;
  const trigger = el(
    'button',
    { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    action.label,
  );
  const heading = el('h2', { id: `${id}-title` });
  const templateLine = el('p', { class: 'hint' });
  const draft = el('textarea', { id: `${id}-draft`, spellcheck: 'true' });
  const missingLine = el('p', { class: 'hint' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const close = el('button', { type: 'button', class: 'secondary' }, 'Close');
  const copyAndLog = el('button', { type: 'button', class: 'primary' }, 'Copy and log');
  const panel = el(
    'div',
    { class: 'panel', role: 'dialog', 'aria-labelledby': heading.id, hidden: true },
    heading,
    templateLine,
    el('label', { for: draft.id }, 'Draft message'),
    draft,
    missingLine,
    status,
    el('div', { class: 'row' }, close, copyAndLog),
  );
  root.append(trigger, panel);

  let person: Person | undefined;
  let idempotencyKey = '';

  function setStatus(message: string, isError = false): void {
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  async function open(): Promise<void> {
    person = getPerson();
    idempotencyKey = newIdempotencyKey();
    heading.textContent = action.title(person);
    templateLine.textContent = '';
    missingLine.textContent = '';
    draft.value = '';
    setStatus('Preparing your draft…');
    copyAndLog.disabled = true;
    panel.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    draft.focus();
    try {
      const result = await request('draft.compose', { kind: action.kind, channel: action.channel, person });
      draft.value = result.text;
      templateLine.textContent = `Template: ${result.templateName}. Edit it, then send it yourself on LinkedIn.`;
      missingLine.textContent = describeMissing([...result.missing, ...result.unknown]);
      setStatus('');
      copyAndLog.disabled = false;
      draft.focus();
      draft.setSelectionRange(0, 0);
      draft.scrollTop = 0;
    } catch (error) {
      setStatus(error instanceof Error ? error.message : 'Could not prepare the draft.', true);
    }
  }

  function hide(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    trigger.focus();
  }

  async function copyThenLog(): Promise<void> {
    const text = draft.value.trim();
    if (!person || !text) {
      setStatus('The draft is empty: write something first.', true);
      return;
    }
    copyAndLog.disabled = true;
    const copied = await copyText(draft.value, draft);
    try {
      await request('outreach.log', {
        idempotencyKey,
        kind: action.kind,
        channel: action.channel,
        text: draft.value,
        person,
      });
      setStatus(
        copied
          ? `Copied and logged. Paste it into your message to ${person.firstName || person.fullName} and send it.`
          : 'Logged, but the browser blocked copying: the text is selected, press Ctrl+C (⌘C).',
        !copied,
      );
    } catch (error) {
      setStatus(`Not logged: ${error instanceof Error ? error.message : 'unknown error'}`, true);
    } finally {
      copyAndLog.disabled = false;
    }
  }

  const options = { signal };
  trigger.addEventListener('click', () => (panel.hidden ? void open() : hide()), options);
  close.addEventListener('click', hide, options);
  copyAndLog.addEventListener('click', () => void copyThenLog(), options);
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
  return trigger;
}
