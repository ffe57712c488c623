import { emailIn, type Address } from '../../shared/email-address.ts';
import { cleanText } from '../../shared/names.ts';
import { addAddress } from '../webmail/recipients.ts';
import type { ThreadInfo } from '../webmail/types.ts';
import { OUTLOOK } from './selectors.ts';

const precedes = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Whether a chip sits in a message's header: outside every message body, and before the body of
 * the message it belongs to (the nearest ancestor holding a body). Where no body is recognised
 * the chip does not count: an email's own text must never choose whom an outcome is for.
 */
function inHeader(chip: Element): boolean {
  if (chip.closest(OUTLOOK.messageBody) || chip.closest(OUTLOOK.editable)) return false;
  for (let node = chip.parentElement; node; node = node.parentElement) {
    const body = node.querySelector(OUTLOOK.messageBody);
    if (body) return precedes(chip, body);
  }
  return false;
}

/**
 * The conversation open in Outlook's reading pane: its subject heading and the people its
 * message headers name (persona chips whose title or label holds the address), never anyone a
 * message body names. Recipient wells of a compose form in the same pane are not part of it.
 */
export function readThread(root: ParentNode): ThreadInfo | null {
  const anchor = root.querySelector(OUTLOOK.threadSubject);
  if (!anchor) return null;
  const view = anchor.closest(OUTLOOK.threadView) ?? root;
  const participants: Address[] = [];
  for (const person of view.querySelectorAll(OUTLOOK.threadPeople)) {
    if (!inHeader(person)) continue;
    const email = emailIn(person.getAttribute('title') ?? '') ?? emailIn(person.getAttribute('aria-label') ?? '');
    const text = cleanText(person.textContent ?? '');
    addAddress(participants, email, text.includes('@') ? undefined : text);
  }
  return participants.length ? { anchor, participants } : null;
}
