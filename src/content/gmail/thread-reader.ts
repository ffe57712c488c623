import type { Address } from '../../shared/email-address.ts';
import { addAddress } from '../webmail/recipients.ts';
import type { ThreadInfo } from '../webmail/types.ts';
import { GMAIL } from './selectors.ts';

/**
 * The conversation open in Gmail's reading pane: its subject heading and the senders and
 * recipients its message headers show (never anyone a message body names).
 */
export function readThread(root: ParentNode): ThreadInfo | null {
  const anchor = root.querySelector(GMAIL.threadSubject);
  if (!anchor) return null;
  const view = anchor.closest(GMAIL.threadView) ?? root;
  const participants: Address[] = [];
  for (const person of view.querySelectorAll(GMAIL.threadPeople)) {
    if (person.closest(GMAIL.messageBody)) continue;
    addAddress(participants, person.getAttribute('email'), person.getAttribute('name') ?? person.textContent);
  }
  return participants.length ? { anchor, participants } : null;
}
