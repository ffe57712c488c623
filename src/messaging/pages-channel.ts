/**
 * Extension pages tell the worker they just opened, without waking it: a BroadcastChannel of the
 * extension's own origin reaches the worker only while it runs (it has nothing to step aside
 * from otherwise), and content scripts, which run in the site's origin, cannot post to it.
 */
const CHANNEL = 'gap-closer:pages';
const POPUP_OPENED = 'popup.opened';

/** The popup, before its first reads: the archive move in flight, if any, steps aside. */
export function announcePopupOpened(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage(POPUP_OPENED);
    channel.close();
  } catch {
    // No channel (an old browser): the popup only waits for the move in flight, as before.
  }
}

/** The worker: `listener` runs whenever a popup opens. */
export function onPopupOpened(listener: () => void): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data === POPUP_OPENED) listener();
  };
}
