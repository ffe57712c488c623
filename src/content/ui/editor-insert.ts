/**
 * Text into a site's own editor (LinkedIn's message boxes, Gmail and Outlook compose bodies), the
 * way typing would put it there. `execCommand('insertText')` goes through the browser's editing
 * pipeline: the editor gets its beforeinput/input events, the whole insertion is one step on its
 * undo stack, newlines become paragraphs, and no markup is ever parsed (so it works under Gmail's
 * Trusted Types). Only if the browser refuses does a DOM-range fallback build text nodes and
 * <div> lines by hand.
 */

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

function placeCaret(editor: HTMLElement, saved: Range | null): Selection | null {
  const selection = selectionOf(editor);
  if (!selection) return null;
  let range = saved && editor.contains(saved.startContainer) && editor.contains(saved.endContainer) ? saved : null;
  if (!range) {
    // No caret recorded: the start of the editor, above any signature or quoted text.
    range = editor.ownerDocument.createRange();
    range.setStart(editor, 0);
    range.collapse(true);
  }
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
 * lines, replacing any selected text, and leaves the caret after it. Returns how it was done.
 */
export function insertAtCaret(editor: HTMLElement, text: string, saved: Range | null): 'editing-command' | 'dom-range' {
  editor.focus({ preventScroll: true });
  const selection = placeCaret(editor, saved);
  const normalised = padToOwnLines(selection, text.replace(/\r\n?/g, '\n'));
  if (editor.ownerDocument.execCommand('insertText', false, normalised)) return 'editing-command';
  if (selection) insertWithRange(editor, selection, normalised);
  return 'dom-range';
}
