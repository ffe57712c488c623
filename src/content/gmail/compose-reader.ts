import type { Address } from '../../shared/email-address.ts';
import { addAddress, addTypedAddresses } from '../webmail/recipients.ts';
import type { ComposeInfo } from '../webmail/types.ts';
import { GMAIL } from './selectors.ts';

/** Every compose body in `root`, in document order. */
export function findComposeBodies(root: ParentNode): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(GMAIL.body)];
  return found.length ? found : [...root.querySelectorAll<HTMLElement>(GMAIL.bodyByClass)];
}

function isBody(element: Element): boolean {
  return element.matches(GMAIL.body) || element.matches(GMAIL.bodyByClass);
}

/** The compose window around a body: `.M9`, else the nearest region or dialog holding a toolbar. */
export function composeContainerOf(body: Element): Element | null {
  const m9 = body.closest(GMAIL.container);
  if (m9) return m9;
  for (
    let node = body.parentElement?.closest(GMAIL.containerFallback);
    node;
    node = node.parentElement?.closest(GMAIL.containerFallback)
  ) {
    if (node.querySelector(GMAIL.toolbar)) return node;
  }
  return null;
}

/** To-recipients of one compose window: chips (current, then older), then typed text. */
export function readRecipients(container: ParentNode): Address[] {
  const list: Address[] = [];
  for (const chip of container.querySelectorAll(GMAIL.toChips)) {
    addAddress(list, chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name') ?? chip.textContent);
  }
  for (const chip of container.querySelectorAll(GMAIL.toChipsOld)) {
    addAddress(list, chip.getAttribute('email'), chip.getAttribute('name') ?? chip.textContent);
  }
  addTypedAddresses(list, container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(GMAIL.toText));
  return list;
}

/** The compose window a body belongs to, read now; null when it is not a Gmail compose body. */
export function composeOf(body: HTMLElement): ComposeInfo | null {
  if (!isBody(body)) return null;
  const container = composeContainerOf(body);
  if (!container) return null;
  return {
    container,
    body,
    subject: container.querySelector<HTMLInputElement>(GMAIL.subject),
    recipients: readRecipients(container),
  };
}

/** The first compose window in `root` (a saved page, a dialog): body, subject, recipients. */
export function readCompose(root: ParentNode): ComposeInfo | null {
  const body = findComposeBodies(root)[0];
  return body ? composeOf(body) : null;
}

/** The bottom toolbar's send cell, where the button goes after Gmail's own Send group. */
export function toolbarSlotOf(compose: ComposeInfo): Element | null {
  return (
    compose.container.querySelector(`${GMAIL.toolbar} ${GMAIL.sendCell}`) ??
    compose.container.querySelector(GMAIL.toolbar)
  );
}
