import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { insertAtCaret, trackCaret } from '../ui/editor-insert.ts';
import { createHost } from '../ui/host.ts';
import { closePrivateFrame, isFrameOpenFor, openPrivateFrame, prewarmPrivateFrame } from '../ui/private-frame.ts';
import type { Feature } from './feature.ts';
import { messageEditorOf, readConversationPartner } from './message-box-reader.ts';
import { MESSAGING } from './selectors.ts';
import { expectSent, watchSentBubbles } from './sent-watch.ts';

const attached = new WeakSet<HTMLElement>();

/**
 * Adds "Insert template" to a message box the first time the user focuses it: no observer
 * watches LinkedIn's DOM for message boxes, so a busy feed costs nothing.
 */
function attach(editor: HTMLElement, signal: AbortSignal): void {
  if (attached.has(editor)) return;
  attached.add(editor);
  const local = new AbortController();
  signal.addEventListener('abort', () => local.abort(), { once: true, signal: local.signal });
  const caret = trackCaret(editor, local.signal);
  const host = createHost('inline');
  host.element.setAttribute('data-gap-closer-message-box', '');
  const button = el(
    'button',
    { type: 'button', class: 'trigger small', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    t('linkedinInsertTemplate'),
  );
  const announcement = el('span', { class: 'visually-hidden', role: 'status' });
  host.root.append(button, announcement);

  button.addEventListener(
    'click',
    (event) => {
      // A click the page's script dispatched is not the user's: it opens nothing.
      if (!event.isTrusted) return;
      if (isFrameOpenFor(button)) return closePrivateFrame();
      const partner = readConversationPartner(editor) ?? undefined;
      openPrivateFrame(host.root, { view: 'message', ...(partner && { person: partner }) }, button, local.signal, {
        // The draft the user chose, into the box they were writing in.
        insert(text) {
          if (!editor.isConnected) return { inserted: false, subjectSet: false };
          insertAtCaret(editor, text, caret());
          // A draft under this box's token, counted when the text shows up in the conversation.
          return { inserted: true, subjectSet: false, composeToken: expectSent(editor, text) };
        },
        closed(message) {
          if (message) announcement.textContent = message;
        },
      }).catch(() => undefined);
    },
    { signal: local.signal },
  );

  const form = editor.closest(MESSAGING.form);
  (form ?? editor.parentElement ?? editor).append(host.element);
  prewarmPrivateFrame(editor.ownerDocument, local.signal);
  // The box goes away with its conversation; so do we. An IntersectionObserver reports the
  // editor leaving the document without observing the page's DOM (the feed churns on).
  const leaving = new IntersectionObserver(() => {
    if (!editor.isConnected) local.abort();
  });
  leaving.observe(editor);
  local.signal.addEventListener(
    'abort',
    () => {
      leaving.disconnect();
      host.element.remove();
      attached.delete(editor);
    },
    { once: true },
  );
}

export const messageBoxFeature: Feature = {
  name: 'message box templates',
  appliesTo: (url) => new URL(url).origin === 'https://www.linkedin.com',
  mount(doc, signal) {
    watchSentBubbles(doc, signal);
    doc.addEventListener(
      'focusin',
      (event) => {
        // composedPath()[0] is the real target even inside LinkedIn's open shadow roots.
        const target = event.composedPath()[0];
        if (!(target instanceof Element)) return;
        const editor = messageEditorOf(target);
        if (editor) attach(editor, signal);
      },
      { capture: true, signal },
    );
  },
};
