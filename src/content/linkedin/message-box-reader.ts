import type { Person } from '../../messaging/contract.ts';
import { cleanText, firstNameOf } from '../../shared/names.ts';
import { profileUrlOf } from './profile-reader.ts';
import { MESSAGING } from './selectors.ts';

/** The message editor an element belongs to, if it is (inside) one. */
export function messageEditorOf(element: Element): HTMLElement | null {
  const editor = element.closest<HTMLElement>(`${MESSAGING.editor}, ${MESSAGING.editorFallback}`);
  return editor?.isContentEditable ? editor : null;
}

/**
 * The person a message box writes to, from its conversation's header: the profile link
 * (language-independent), else the header title. Null when the header names nobody.
 */
export function readConversationPartner(editor: Element): Person | null {
  const conversation = editor.closest(MESSAGING.conversation) ?? editor.getRootNode();
  if (!(conversation instanceof Element || conversation instanceof Document || conversation instanceof ShadowRoot)) {
    return null;
  }
  const link = conversation.querySelector<HTMLAnchorElement>(MESSAGING.partnerLink);
  const linkName = link ? cleanText(link.textContent ?? '') : '';
  const titleName = cleanText(conversation.querySelector(MESSAGING.partnerTitle)?.textContent ?? '');
  const fullName = linkName || titleName;
  if (!fullName || fullName.length > 300) return null;
  const linkedinUrl = link
    ? profileUrlOf(new URL(link.getAttribute('href') ?? '', 'https://www.linkedin.com').href)
    : null;
  return { fullName, firstName: firstNameOf(fullName), ...(linkedinUrl && { linkedinUrl }) };
}
