/**
 * Where a compose body's signature begins, so a draft goes above it. Gmail puts the `-- ` line in
 * `span.gmail_signature_prefix` before `div.gmail_signature[data-smartmail=gmail_signature]`;
 * Outlook on the web wraps the signature in `#Signature` (older builds `#signature`,
 * `[id^="Signature"]`); a signature typed by hand starts with a `-- ` line (the Usenet delimiter).
 */
const SIGNATURE_SELECTORS = [
  // Gmail: the delimiter line, then the signature block (either may be there alone).
  '.gmail_signature_prefix',
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  // Outlook on the web (new Outlook and OWA).
  '#Signature',
  '#signature',
  '[id^="Signature"]',
].join(', ');

/** "-- " or "--" alone on its line (the non-breaking space Gmail sometimes writes counts). */
const DELIMITER = /^--[\s\u00a0]?$/;

function firstDelimiterLine(editor: HTMLElement): Node | null {
  const walker = editor.ownerDocument.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!DELIMITER.test(text)) continue;
    // The line is the text node alone, or its parent block holds nothing else.
    const parent = node.parentElement;
    return parent && parent !== editor && DELIMITER.test(parent.textContent ?? '') ? parent : node;
  }
  return null;
}

/** The first node of the signature (its `-- ` line when there is one), or null when there is none. */
export function signatureStart(editor: HTMLElement): Node | null {
  const candidates = [editor.querySelector(SIGNATURE_SELECTORS), firstDelimiterLine(editor)].filter(
    (node): node is Element | ChildNode => node !== null,
  );
  let first = candidates.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  if (!first) return null;
  // A "-- " line just before a signature block belongs to it.
  const previous = first.previousSibling;
  if (previous && (previous.textContent ?? '').trim() === '--') first = previous;
  return first;
}

/** Whether the body holds nothing before `start` but empty lines. */
export function emptyBefore(editor: HTMLElement, start: Node): boolean {
  const range = editor.ownerDocument.createRange();
  range.setStart(editor, 0);
  range.setEndBefore(start);
  return range.toString().trim() === '';
}
