/** What the user reads when the browser refuses to store more (QuotaExceededError). */
export const STORAGE_FULL_MESSAGE =
  "Your browser's storage for Gap Closer is full, so nothing was saved. Free some disk space, then try again.";

/** True when `error` (or what caused it) is the browser's storage quota being exceeded. */
export function isStorageFull(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Aborts a transaction after a failed step so none of its earlier writes commit. */
export function abortQuietly(tx: { abort: () => void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already aborted (a quota error does that) or finished.
  }
}
