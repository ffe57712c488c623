import { request } from '../../messaging/client.ts';
import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { caretIn, insertAtCaret } from '../ui/editor-insert.ts';
import { closePrivateFrame, isFrameOpenFor, openPrivateFrame, prewarmPrivateFrame } from '../ui/private-frame.ts';
import { composeTokenFor } from './send-watch.ts';
import { setSubjectIfEmpty } from './subject.ts';
import type { ComposeInfo } from './types.ts';

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
  /** Opens the templates (the keyboard shortcut: the browser's command, never a page event). */
  openFromShortcut: () => void;
}

/**
 * The "Insert template" button of one compose window, the same for every recipient. Its list of
 * templates (and which of them suit who the recipient is) opens in the private frame; the text
 * the user chooses there comes back here to be inserted at the caret, with an empty subject
 * filled. Nothing is ever sent.
 */
export function createTemplateMenu(
  root: ShadowRoot,
  readCompose: () => ComposeInfo | null,
  body: HTMLElement,
  signal: AbortSignal,
): TemplateMenu {
  const trigger = el(
    'button',
    { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    t('webmailInsertTemplate'),
  );
  refreshShortcut(trigger);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  root.append(trigger, status);
  prewarmPrivateFrame(body.ownerDocument, signal);
  let caret: Range | null = null;

  function rememberCaret(): void {
    const range = caretIn(body);
    if (range) caret = range;
  }

  function open(): void {
    if (isFrameOpenFor(trigger)) return closePrivateFrame();
    // The recipient as the To field shows it now: the only thing the page tells the frame.
    const recipient = readCompose()?.recipients[0];
    status.textContent = '';
    openPrivateFrame(root, { view: 'templates', ...(recipient && { recipient }) }, trigger, signal, {
      insert(text, subject, signOff) {
        const compose = readCompose();
        if (!compose) return { inserted: false, subjectSet: false };
        // Above the compose's signature; the draft's own sign-off only when there is none.
        const { signedOff } = insertAtCaret(compose.body, text, caret, signOff);
        caret = caretIn(compose.body);
        return {
          inserted: true,
          subjectSet: setSubjectIfEmpty(compose.subject, subject),
          signedOff,
          // The draft is kept under this window's token; its Send marks it sent (send-watch.ts).
          composeToken: composeTokenFor(compose.container),
        };
      },
      closed(message) {
        if (message) status.textContent = message;
      },
    }).catch((error: unknown) => {
      status.textContent = t('webmailNotInserted', error instanceof Error ? error.message : t('webmailUnknownError'));
    });
  }

  const options = { signal };
  // Before focus leaves the message body, keep where its caret was.
  body.addEventListener('focusout', rememberCaret, options);
  trigger.addEventListener('pointerdown', rememberCaret, options);
  trigger.addEventListener(
    'click',
    (event) => {
      // A click the page's script dispatched is not the user's: it opens nothing.
      if (event.isTrusted) open();
    },
    options,
  );

  return {
    trigger,
    openFromShortcut: () => {
      rememberCaret();
      trigger.scrollIntoView({ block: 'nearest' });
      if (!isFrameOpenFor(trigger)) open();
    },
  };
}
