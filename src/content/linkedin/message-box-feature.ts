import { t } from '../../i18n/t.ts';
import { request } from '../../messaging/client.ts';
import { createDraftDialog, type DraftDialog } from '../ui/draft-dialog.ts';
import { el } from '../ui/dom.ts';
import { insertAtCaret, trackCaret } from '../ui/editor-insert.ts';
import { createHost } from '../ui/host.ts';
import type { Feature } from './feature.ts';
import { messageEditorOf, readConversationPartner } from './message-box-reader.ts';
import { MESSAGING } from './selectors.ts';

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
  let dialog: DraftDialog | undefined;

  button.addEventListener(
    'click',
    () => {
      dialog ??= createDraftDialog(host.root, local.signal);
      if (dialog.isOpen) return dialog.close();
      const partner = readConversationPartner(editor);
      const unknownName = t('linkedinUnknownPartnerName');
      const person = partner ?? { fullName: unknownName, firstName: unknownName };
      dialog.open(
        {
          heading: partner ? t('linkedinMessageTo', partner.fullName) : t('linkedinMessage'),
          channel: 'linkedin-message',
          kind: 'referral-ask',
          person,
          hint: partner ? undefined : t('linkedinPartnerUnknown'),
          actionLabel: t('linkedinInsertAndLog'),
          async act(draft) {
            if (!editor.isConnected) return { ok: false, message: t('linkedinBoxClosed') };
            if (partner) {
              // Log first: if logging fails the text is still in the dialog, nothing is half done.
              await request('outreach.log', {
                idempotencyKey: draft.idempotencyKey,
                kind: draft.kind,
                channel: 'linkedin-message',
                text: draft.text,
                person: partner,
              });
            }
            dialog?.close();
            insertAtCaret(editor, draft.text, caret());
            const message = partner
              ? t('linkedinInsertedAndLogged', partner.firstName ?? partner.fullName)
              : t('linkedinInsertedNotLogged');
            announcement.textContent = message;
            return { ok: true, message };
          },
        },
        button,
      );
    },
    { signal: local.signal },
  );

  const form = editor.closest(MESSAGING.form);
  (form ?? editor.parentElement ?? editor).append(host.element);
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
