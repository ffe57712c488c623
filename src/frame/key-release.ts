/**
 * Holds work back until the keys pressed in this frame are up again, and then for one more task.
 *
 * Closing the frame removes it from the site's page. When that happens while a key event is still
 * on its way through the frame (the keydown that chose "close", then its keyup, in an extension
 * process busy with other work), Chromium never acknowledges the keyup: nothing a user notices, but
 * anything that waits for the acknowledgement (an automated test, the bench) waits forever.
 * Work given here runs once the last key is released and its keyup has been handled, when focus
 * leaves the frame (the keyup then goes elsewhere), or after `longestWaitMs` for a held key.
 */
export interface KeyRelease {
  afterKeysReleased(work: () => void): void;
}

export function watchKeyRelease(target: EventTarget, longestWaitMs = 2_000): KeyRelease {
  const down = new Set<string>();
  let waiting: (() => void)[] = [];
  let fallback: ReturnType<typeof setTimeout> | undefined;

  function release(): void {
    clearTimeout(fallback);
    fallback = undefined;
    const work = waiting;
    waiting = [];
    for (const run of work) run();
  }
  // A task after the keyup: its acknowledgement has left the frame by then.
  const releaseLater = () => setTimeout(release);

  target.addEventListener('keydown', (event) => down.add(keyOf(event)), true);
  target.addEventListener(
    'keyup',
    (event) => {
      down.delete(keyOf(event));
      if (down.size === 0 && waiting.length > 0) releaseLater();
    },
    true,
  );
  target.addEventListener('blur', () => {
    down.clear();
    if (waiting.length > 0) releaseLater();
  });

  return {
    afterKeysReleased(work) {
      if (down.size === 0) return work();
      waiting.push(work);
      fallback ??= setTimeout(() => {
        down.clear();
        release();
      }, longestWaitMs);
    },
  };
}

function keyOf(event: Event): string {
  const { code, key } = event as KeyboardEvent;
  return code || key;
}
