/**
 * Text into a site's own editor, the way typing would put it there. `execCommand('insertText')`
 * goes through the browser's editing pipeline: the editor gets its beforeinput/input events,
 * the insertion is one step on its undo stack, newlines become paragraphs, and no markup is
 * ever parsed (so it works under Gmail's Trusted Types). Only if the browser refuses does a
 * DOM-range fallback build text nodes and <div> lines by hand.
 */

/** The selection inside `body`, if the caret is there now. */
export function caretIn(body: HTMLElement): Range | null {
  const selection = body.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return body.contains(range.startContainer) && body.contains(range.endContainer) ? range.cloneRange() : null;
}

function placeCaret(body: HTMLElement, saved: Range | null): Selection | null {
  const selection = body.ownerDocument.getSelection();
  if (!selection) return null;
  let range = saved && body.contains(saved.startContainer) && body.contains(saved.endContainer) ? saved : null;
  if (!range) {
    // No caret recorded: the start of the message, above any signature or quoted text.
    range = body.ownerDocument.createRange();
    range.setStart(body, 0);
    range.collapse(true);
  }
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

function insertWithRange(body: HTMLElement, selection: Selection, text: string): void {
  const doc = body.ownerDocument;
  const range = selection.getRangeAt(0);
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  const lines = text.split('\n');
  let last: Node | null = null;
  lines.forEach((line, index) => {
    if (index === 0) {
      last = doc.createTextNode(line);
    } else {
      last = doc.createElement('div');
      last.appendChild(line ? doc.createTextNode(line) : doc.createElement('br'));
    }
    fragment.appendChild(last);
  });
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  body.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Starts and ends the insertion on its own lines when the caret sits inside a line of text. */
function padToOwnLines(selection: Selection | null, text: string): string {
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  const node = range?.startContainer;
  if (!range || !(node instanceof Text)) return text;
  const before = node.data.slice(0, range.startOffset).trim() !== '';
  const after = range.endContainer === node && node.data.slice(range.endOffset).trim() !== '';
  return `${before ? '\n' : ''}${text}${after ? '\n' : ''}`;
}

/**
 * Inserts `text` at the caret recorded in `saved` (else at the start of the body), replacing
 * any selected text, and leaves the caret after it. Returns how it was done.
 */
export function insertAtCaret(body: HTMLElement, text: string, saved: Range | null): 'editing-command' | 'dom-range' {
  body.focus({ preventScroll: true });
  const selection = placeCaret(body, saved);
  const normalised = padToOwnLines(selection, text.replace(/\r\n?/g, '\n'));
  if (body.ownerDocument.execCommand('insertText', false, normalised)) return 'editing-command';
  if (selection) insertWithRange(body, selection, normalised);
  return 'dom-range';
}

/**
 * Fills an empty subject field. The native setter plus input/change events reach frameworks
 * that track the value (Outlook's React); a subject the user already wrote is left alone.
 */
export function setSubjectIfEmpty(field: HTMLInputElement | null, subject: string | undefined): boolean {
  if (!field || !subject || field.value.trim() !== '') return false;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (setter) setter.call(field, subject);
  else field.value = subject;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}
