import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';

/**
 * Records clicks made by script (untrusted events) anywhere in the page: the user's own clicks
 * are trusted, so anything recorded means code clicked the site's controls, which the
 * extension must never do. Read with `siteClicks(page)`.
 */
export async function watchSiteClicks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { __siteClicksByOthers: string[] }).__siteClicksByOthers = record;
    document.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) record.push((event.target as Element).outerHTML.slice(0, 80));
      },
      true,
    );
  });
}

export function siteClicks(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __siteClicksByOthers?: string[] }).__siteClicksByOthers ?? []);
}

export function hostCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('gap-closer').length);
}

/**
 * The private frame the extension opens on a button's click (an extension page inside the site's
 * page, in our element's shadow root): the draft dialog and everything private live in it.
 */
export function privateFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.private-frame');
}

/** The private frame as a Playwright Frame, to evaluate inside it (focus, what it holds). */
export async function privateFrameHandle(page: Page): Promise<Frame> {
  // The frame opened for a click, not the hidden one loaded ahead of the next click.
  const element = await page.locator('iframe.private-frame').elementHandle({ timeout: 2500 });
  const frame = await element.contentFrame();
  if (!frame) throw new Error('no private frame');
  return frame;
}
