import { emailIn, parseAddressList, type Address } from '../../shared/email-address.ts';
import { cleanText } from '../../shared/names.ts';
import { addAddress } from '../webmail/recipients.ts';
import type { ComposeInfo } from '../webmail/types.ts';
import { OUTLOOK } from './selectors.ts';

const before = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/** The compose form around an editable: the nearest ancestor that also holds a text input before it. */
export function composeContainerOf(body: Element): Element | null {
  let node = body.parentElement;
  for (let depth = 0; node && depth < OUTLOOK.maxDepth; depth++, node = node.parentElement) {
    const inputs = node.querySelectorAll(OUTLOOK.textInput);
    for (const input of inputs) if (before(input, body)) return node;
  }
  return null;
}

/** The message body: the multi-line editable, else the last editable of the form. */
function isBodyOf(container: Element, candidate: HTMLElement): boolean {
  const editables = [...container.querySelectorAll<HTMLElement>(OUTLOOK.editable)];
  const multiline = editables.filter((element) => element.matches(OUTLOOK.multiline));
  return multiline.length > 0 ? multiline[0] === candidate : editables.at(-1) === candidate;
}

function subjectOf(container: Element, body: Element): HTMLInputElement | null {
  const inputs = [...container.querySelectorAll<HTMLInputElement>(OUTLOOK.textInput)].filter(
    (input) => before(input, body) && !input.closest(OUTLOOK.editable),
  );
  return inputs.at(-1) ?? null;
}

/** Recipients of the wells before the body (To first): chips' addresses, then typed text. */
export function readRecipients(container: Element, body: Element): Address[] {
  const list: Address[] = [];
  const wells = [...container.querySelectorAll<HTMLElement>(OUTLOOK.editable)].filter(
    (well) => well !== body && before(well, body),
  );
  for (const well of wells) {
    for (const carrier of well.querySelectorAll(OUTLOOK.addressCarriers)) {
      const email = OUTLOOK.addressAttributes
        .map((attribute) => emailIn(carrier.getAttribute(attribute) ?? ''))
        .find(Boolean);
      if (!email) continue;
      const text = cleanText(carrier.textContent ?? '');
      addAddress(list, email, text.includes('@') ? text.replace(/<[^>]*>/, '').trim() || undefined : text);
    }
    const typed = cleanText(well.textContent ?? '');
    if (typed.includes('@')) for (const entry of parseAddressList(typed)) addAddress(list, entry.email, entry.name);
  }
  return list;
}

/** The compose form a body belongs to, read now; null when the editable is not a message body. */
export function composeOf(body: HTMLElement): ComposeInfo | null {
  const container = composeContainerOf(body);
  if (!container || !isBodyOf(container, body)) return null;
  return { container, body, subject: subjectOf(container, body), recipients: readRecipients(container, body) };
}

/** The first compose form in `root`. */
export function readCompose(root: ParentNode): ComposeInfo | null {
  for (const editable of root.querySelectorAll<HTMLElement>(OUTLOOK.editable)) {
    const compose = composeOf(editable);
    if (compose) return compose;
  }
  return null;
}
