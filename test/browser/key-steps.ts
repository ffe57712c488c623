import type { Frame, Page } from 'playwright-core';

/**
 * Makes a frame slow to handle every keyup, as an extension process busy with other work is
 * (the worker, the popup and our frames share it). A frame removed while its keyup is still being
 * handled never acknowledges the key, and Playwright then waits for it forever.
 */
export async function slowKeyupsIn(frame: Frame, ms = 1_500): Promise<void> {
  await frame.evaluate((busyMs) => {
    window.addEventListener(
      'keyup',
      () => {
        const end = Date.now() + busyMs;
        while (Date.now() < end);
      },
      true,
    );
  }, ms);
}

/** Presses `key`, failing with a clear message (not a test timeout) if Chromium never acknowledges it. */
export async function pressAcknowledged(page: Page, key: string, withinMs = 15_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lost = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${key} was never acknowledged: its frame went away while the key was in flight`)),
      withinMs,
    );
  });
  try {
    await Promise.race([page.keyboard.press(key), lost]);
  } finally {
    clearTimeout(timer);
  }
}
