import type { Address } from '../../shared/email-address.ts';
import { addAddress } from '../webmail/recipients.ts';
import type { ThreadInfo } from '../webmail/types.ts';
import { GMAIL } from './selectors.ts';

/** The conversation open in Gmail's reading pane: its subject heading and everyone named in it. */
export function readThread(root: ParentNode): ThreadInfo | null {
  const anchor = root.querySelector(GMAIL.threadSubject);
  if (!anchor) return null;
  const view = anchor.closest(GMAIL.threadView) ?? root;
  const participants: Address[] = [];
  for (const person of view.querySelectorAll(GMAIL.threadPeople)) {
    addAddress(participants, person.getAttribute('email'), person.getAttribute('name') ?? person.textContent);
  }
  return participants.length ? { anchor, participants } : null;
}
