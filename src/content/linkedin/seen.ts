/**
 * The no-op CSS animation detect.css puts on top cards, their action items and main headings:
 * an `animationstart` of it means one of them was just rendered (inserted, moved or shown).
 * Listening to it costs nothing while the rest of the page changes, unlike a MutationObserver
 * on the document, which runs on every change of the feed.
 */
export const SEEN_ANIMATION = 'gap-closer-seen';

/** Calls `seen` with each element detect.css marks as it is rendered, until `signal` aborts. */
export function onSeen(doc: Document, signal: AbortSignal, seen: (element: Element) => void): void {
  doc.addEventListener(
    'animationstart',
    (event) => {
      if (event.animationName === SEEN_ANIMATION && event.target instanceof Element) seen(event.target);
    },
    { capture: true, signal },
  );
}
