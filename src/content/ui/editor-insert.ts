/** The selection an editor lives in: its shadow root's (Chromium) when it sits in one. */
function selectionOf(editor: HTMLElement): Selection | null {
  const root = editor.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  return typeof root.getSelection === 'function' ? root.getSelection() : editor.ownerDocument.getSelection();
}

/**
 * Inserts text at the caret of a rich-text editor the way typing would: through the editing
 * commands, so the site's editor sees ordinary input and its undo history keeps working.
 * Lines become paragraphs. `range` is where the caret was before the user left the editor.
 */
export function insertIntoEditor(editor: HTMLElement, text: string, range: Range | null): void {
  editor.focus();
  const selection = selectionOf(editor);
  if (selection && range && editor.contains(range.startContainer)) {
    selection.removeAllRanges();
    selection.addRange(range);
  } else if (selection && !editor.contains(selection.anchorNode)) {
    // No remembered caret: append at the end.
    selection.selectAllChildren(editor);
    selection.collapseToEnd();
  }
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index > 0 && !editor.ownerDocument.execCommand('insertParagraph')) insertFallback(editor, '\n');
    if (line && !editor.ownerDocument.execCommand('insertText', false, line)) insertFallback(editor, line);
  });
}

/** Where editing commands are unavailable: a text node at the caret and an input event. */
function insertFallback(editor: HTMLElement, text: string): void {
  const selection = selectionOf(editor);
  const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
  const node = text === '\n' ? editor.ownerDocument.createElement('br') : editor.ownerDocument.createTextNode(text);
  if (range && editor.contains(range.startContainer)) {
    range.deleteContents();
    range.insertNode(node);
    range.setStartAfter(node);
    range.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(range);
  } else {
    editor.append(node);
  }
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}

/** Remembers the caret inside an editor so it can be restored after the user clicks elsewhere. */
export function trackCaret(editor: HTMLElement, signal: AbortSignal): () => Range | null {
  let last: Range | null = null;
  const remember = () => {
    const selection = selectionOf(editor);
    if (selection?.rangeCount && editor.contains(selection.anchorNode)) last = selection.getRangeAt(0).cloneRange();
  };
  editor.ownerDocument.addEventListener('selectionchange', remember, { signal });
  remember();
  return () => last;
}
