import { emailIn, type Address } from '../../shared/email-address.ts';
import { cleanText } from '../../shared/names.ts';
import { addAddress } from '../webmail/recipients.ts';
import type { ThreadInfo } from '../webmail/types.ts';
import { OUTLOOK } from './selectors.ts';

/**
 * The conversation open in Outlook's reading pane: its subject heading and the people its
 * message headers name (persona chips whose title or label holds the address). Recipient wells
 * of a compose form in the same pane are not part of it.
 */
export function readThread(root: ParentNode): ThreadInfo | null {
  const anchor = root.querySelector(OUTLOOK.threadSubject);
  if (!anchor) return null;
  const view = anchor.closest(OUTLOOK.threadView) ?? root;
  const participants: Address[] = [];
  for (const person of view.querySelectorAll(OUTLOOK.threadPeople)) {
    if (person.closest(OUTLOOK.editable)) continue;
    const email = emailIn(person.getAttribute('title') ?? '') ?? emailIn(person.getAttribute('aria-label') ?? '');
    const text = cleanText(person.textContent ?? '');
    addAddress(participants, email, text.includes('@') ? undefined : text);
  }
  return participants.length ? { anchor, participants } : null;
}
