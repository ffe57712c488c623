import type { Recipient, TemplateSummary } from '../../messaging/contract.ts';
import { request } from '../../messaging/client.ts';
import type { OutreachKind, Relationship } from '../../shared/model.ts';
import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { caretIn, insertAtCaret } from '../ui/editor-insert.ts';
import { setSubjectIfEmpty } from './subject.ts';
import { bindMenuButton, createPopupMenu, menuItem } from './popup-menu.ts';
import type { ComposeInfo } from './types.ts';

/** Kinds in the menu, in the playbook's order, with the words the user sees. */
export const EMAIL_KINDS: readonly { kind: OutreachKind; label: () => string }[] = [
  { kind: 'referral-ask', label: () => t('webmailKindReferralAsk') },
  { kind: 'upsell', label: () => t('webmailKindUpsell') },
  { kind: 'stalled-revival', label: () => t('webmailKindStalledRevival') },
  { kind: 'favour-ask', label: () => t('webmailKindFavourAsk') },
  { kind: 'follow-up', label: () => t('webmailKindFollowUp') },
  { kind: 'thank-you', label: () => t('webmailKindThankYou') },
];

/** What to offer first for someone, by who they are to the user (the playbook's order). */
const SUGGESTED: Partial<Record<Relationship, readonly OutreachKind[]>> = {
  customer: ['referral-ask', 'upsell'],
  'stalled-prospect': ['stalled-revival'],
  coworker: ['favour-ask'],
  friend: ['favour-ask'],
  family: ['favour-ask'],
  neighbour: ['favour-ask'],
  'group-member': ['favour-ask'],
  community: ['favour-ask'],
};

const MISSING_HINTS: Record<string, () => string> = {
  myName: () => t('webmailHintMyName'),
  myCompany: () => t('webmailHintMyCompany'),
  product: () => t('webmailHintProduct'),
  signature: () => t('webmailHintSignature'),
};

function describeMissing(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const own = missing.flatMap((name) => MISSING_HINTS[name]?.() ?? []);
  const theirs = missing.filter((name) => !MISSING_HINTS[name]).map((name) => `{{${name}}}`);
  return [
    theirs.length ? ` ${t('webmailFillIn', theirs.join(', '))}` : '',
    own.length
      ? ` ${t(
          'webmailSetInPopup',
          own.reduce((list, item) => t('webmailAnd', list, item)),
        )}`
      : '',
  ].join('');
}

/**
 * Shows the key the user bound to the insert-template command (it can be changed or cleared in
 * the browser's shortcut settings), as the browser reports it; nothing when there is none.
 */
export function showShortcut(trigger: HTMLButtonElement, shortcut: string): void {
  if (shortcut) trigger.title = t('webmailInsertTemplateTitle', shortcut);
  else trigger.removeAttribute('title');
  const keys = ariaKeys(shortcut);
  if (keys) trigger.setAttribute('aria-keyshortcuts', keys);
  else trigger.removeAttribute('aria-keyshortcuts');
}

const ARIA_MODIFIERS: Record<string, string> = {
  Alt: 'Alt',
  Shift: 'Shift',
  Ctrl: 'Control',
  MacCtrl: 'Control',
  Command: 'Meta',
};

/**
 * The binding in ARIA's key names, or undefined when it cannot be said in them: the browser
 * reports it as its own settings show it, localised ("Alt+Umschalttaste+I") or as macOS symbols.
 */
function ariaKeys(shortcut: string): string | undefined {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const modifiers = parts.map((part) => ARIA_MODIFIERS[part]);
  if (!/^([A-Z0-9]|F\d{1,2}|Home|End|PageUp|PageDown|Insert|Delete|Space)$/.test(key)) return undefined;
  if (modifiers.length === 0 || modifiers.some((name) => name === undefined)) return undefined;
  return [...modifiers, key].join('+');
}

function refreshShortcut(trigger: HTMLButtonElement): void {
  request('shortcut.insertTemplate', {})
    .then(({ shortcut }) => showShortcut(trigger, shortcut))
    .catch(() => undefined);
}

export interface TemplateMenu {
  trigger: HTMLButtonElement;
  /** Opens the menu and focuses its first template (the keyboard shortcut). */
  openFromShortcut: () => void;
}

/**
 * The "Insert template" button of one compose window and its menu of email templates by kind.
 * Choosing one renders it for the first recipient (in the background), inserts it at the caret,
 * fills an empty subject, and logs the email against the recipient. Nothing is ever sent.
 */
export function createTemplateMenu(
  root: ShadowRoot,
  readCompose: () => ComposeInfo | null,
  body: HTMLElement,
  signal: AbortSignal,
): TemplateMenu {
  const trigger = el(
    'button',
    {
      type: 'button',
      class: 'trigger',
    },
    t('webmailInsertTemplate'),
  );
  refreshShortcut(trigger);
  const popup = createPopupMenu(trigger, signal);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  root.append(trigger, status, popup.panel);

  let caret: Range | null = null;
  let recipient: Recipient | undefined;
  let loading = 0;

  function setStatus(message: string, isError = false): void {
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  function rememberCaret(): void {
    const range = caretIn(body);
    if (range) caret = range;
  }

  function showItems(templates: readonly TemplateSummary[], suggested: readonly OutreachKind[]): void {
    const order = [...EMAIL_KINDS].sort(
      (a, b) => Number(suggested.includes(b.kind)) - Number(suggested.includes(a.kind)),
    );
    const groups = order.flatMap(({ kind, label: labelOf }) => {
      const label = labelOf();
      const ofKind = templates.filter((template) => template.kind === kind);
      if (ofKind.length === 0) return [];
      const labelId = `${popup.menu.id}-${kind}`;
      const title = suggested.includes(kind) ? t('webmailSuggested', label) : label;
      return [
        el(
          'div',
          { role: 'group', 'aria-labelledby': labelId },
          el('p', { class: 'group-label', id: labelId, role: 'presentation' }, title),
          ...ofKind.map((template) => menuItem(template.name, () => void choose(template), signal)),
        ),
      ];
    });
    popup.menu.replaceChildren(...groups);
    if (groups.length === 0) {
      popup.menu.append(
        el('div', { role: 'menuitem', 'aria-disabled': 'true', tabindex: '-1' }, t('webmailNoTemplates')),
      );
    }
  }

  async function open(focusLast = false): Promise<void> {
    const compose = readCompose();
    recipient = compose?.recipients[0];
    const who = recipient ? (recipient.name ?? recipient.email) : '';
    popup.heading.textContent = who ? t('webmailTemplatesFor', who) : t('webmailEmailTemplates');
    popup.menu.replaceChildren(
      el('div', { role: 'menuitem', 'aria-disabled': 'true', tabindex: '-1' }, t('webmailLoading')),
    );
    popup.open();
    const ticket = ++loading;
    try {
      const [list, known] = await Promise.all([
        request('templates.list', { channel: 'email' }),
        recipient ? request('contact.lookup', { emails: [recipient.email] }) : Promise.resolve({ contacts: [] }),
      ]);
      if (ticket !== loading || !popup.isOpen()) return;
      const relationship = known.contacts[0]?.relationship;
      showItems(list.templates, (relationship && SUGGESTED[relationship]) ?? []);
      // The menu pattern: opening moves focus to the first item (arrow up: the last).
      popup.focusItem(focusLast ? 'last' : 'first');
    } catch (error) {
      if (ticket !== loading) return;
      popup.close(false);
      setStatus(error instanceof Error ? error.message : t('webmailLoadFailed'), true);
    }
  }

  async function choose(template: TemplateSummary): Promise<void> {
    popup.close(false);
    setStatus(t('webmailInserting', template.name));
    try {
      const compose = readCompose();
      if (!compose) throw new Error(t('webmailComposeClosed'));
      const first = compose.recipients[0] ?? recipient;
      const draft = await request('webmail.draft', { templateId: template.id, ...(first && { recipient: first }) });
      insertAtCaret(compose.body, draft.text, caret);
      caret = caretIn(compose.body);
      const subjectSet = setSubjectIfEmpty(compose.subject, draft.subject);
      const gaps = describeMissing([...draft.missing, ...draft.unknown]);
      if (!first) {
        setStatus(`${t('webmailInsertedNoRecipient', draft.templateName)}${gaps}`, true);
        return;
      }
      await request('webmail.log', {
        idempotencyKey: crypto.randomUUID().replaceAll('-', ''),
        templateId: draft.templateId,
        text: draft.text,
        recipient: first,
      });
      setStatus(
        `${
          subjectSet
            ? t('webmailInsertedWithSubjectLogged', first.name ?? first.email)
            : t('webmailInsertedLogged', first.name ?? first.email)
        }${gaps}`,
        gaps !== '',
      );
    } catch (error) {
      setStatus(t('webmailNotInserted', error instanceof Error ? error.message : t('webmailUnknownError')), true);
    }
  }

  const options = { signal };
  // Before focus leaves the message body, keep where its caret was.
  body.addEventListener('focusout', rememberCaret, options);
  trigger.addEventListener('pointerdown', rememberCaret, options);
  bindMenuButton(trigger, popup, (from) => void open(from === 'last'), signal);

  return {
    trigger,
    openFromShortcut: () => {
      rememberCaret();
      trigger.scrollIntoView({ block: 'nearest' });
      trigger.focus({ preventScroll: true });
      if (!popup.isOpen()) void open();
      else popup.focusItem('first');
    },
  };
}
