/**
 * Text into a site's own editor (LinkedIn's message boxes, Gmail and Outlook compose bodies), the
 * way typing would put it there. `execCommand('insertText')` goes through the browser's editing
 * pipeline: the editor gets its beforeinput/input events, the whole insertion is one step on its
 * undo stack, newlines become paragraphs, and no markup is ever parsed (so it works under Gmail's
 * Trusted Types). Only if the browser refuses does a DOM-range fallback build text nodes and
 * <div> lines by hand.
 */

import { emptyBefore, signatureStart } from './signature.ts';

/** The selection an editor lives in: its shadow root's (Chromium) when it sits in one (LinkedIn). */
function selectionOf(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  return typeof root.getSelection === 'function' ? root.getSelection() : editor.ownerDocument.getSelection();
}

/** The selection inside `editor`, if the caret is there now. */
export function caretIn(editor: HTMLElement): Range | null {
  const selection = selectionOf(editor);
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return editor.contains(range.startContainer) && editor.contains(range.endContainer) ? range.cloneRange() : null;
}

/** Remembers the caret inside an editor so it can be restored after the user clicks elsewhere. */
export function trackCaret(editor: HTMLElement, signal: AbortSignal): () => Range | null {
  let last: Range | null = null;
  const remember = () => {
    last = caretIn(editor) ?? last;
  };
  editor.ownerDocument.addEventListener('selectionchange', remember, { signal });
  remember();
  return () => last;
}

/** Whether the range's start lies inside `node` or after it. */
function atOrAfter(range: Range, node: Node): boolean {
  const position = node.compareDocumentPosition(range.startContainer);
  return (
    node === range.startContainer ||
    Boolean(position & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING))
  );
}

/**
 * Where the text goes: the recorded caret, else the start of the editor; never inside or below a
 * signature (a caret there moves to just above the signature's `-- ` line). Returns the range and
 * the signature it must stay above, if any.
 */
function targetRange(editor: HTMLElement, saved: Range | null): { range: Range; signature: Node | null } {
  const signature = signatureStart(editor);
  let range = saved && editor.contains(saved.startContainer) && editor.contains(saved.endContainer) ? saved : null;
  if (signature && range && atOrAfter(range, signature)) range = null;
  if (!range) {
    range = editor.ownerDocument.createRange();
    // No caret (or one in the signature): the start of the editor when only empty lines come before
    // the signature (a fresh compose), else right before the signature.
    if (signature && !emptyBefore(editor, signature)) range.setStartBefore(signature);
    else range.setStart(editor, 0);
    range.collapse(true);
  }
  return { range, signature };
}

function placeCaret(selection: Selection | null, range: Range): Selection | null {
  if (!selection) return null;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

function insertWithRange(editor: HTMLElement, selection: Selection, text: string): void {
  const doc = editor.ownerDocument;
  const range = selection.getRangeAt(0);
  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  let last: Node | null = null;
  text.split('\n').forEach((line, index) => {
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
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
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
 * Inserts `text` at the caret recorded in `saved` (else at the start of the editor), on its own
 * lines, replacing any selected text, and leaves the caret after it — always above a signature.
 * `signOff` (the draft's closing lines) goes below the text only when the editor has no signature
 * of its own. Returns how it was done and whether the sign-off went in.
 */
export function insertAtCaret(
  editor: HTMLElement,
  text: string,
  saved: Range | null,
  signOff?: string,
): { how: 'editing-command' | 'dom-range'; signedOff: boolean } {
  editor.focus({ preventScroll: true });
  const { range, signature } = targetRange(editor, saved);
  const selection = placeCaret(selectionOf(editor), range);
  const signedOff = !signature && Boolean(signOff);
  // Trailing blank lines are trimmed only where something follows (a sign-off, a signature):
  // elsewhere the text goes in as written.
  const full = signedOff
    ? `${text.replace(/\s+$/, '')}\n\n${signOff ?? ''}`
    : signature
      ? text.replace(/\s+$/, '')
      : text;
  let normalised = padToOwnLines(selection, full.replace(/\r\n?/g, '\n'));
  // Above a signature: end on a line of our own, or the editor joins our last line to the
  // signature's first (Chromium merges the last inserted line into the block after the caret).
  if (signature && !normalised.endsWith('\n')) normalised += '\n';
  if (editor.ownerDocument.execCommand('insertText', false, normalised)) return { how: 'editing-command', signedOff };
  if (selection) insertWithRange(editor, selection, normalised);
  return { how: 'dom-range', signedOff };
}
