import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame, privateFrameHandle } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';
import { recordFigure } from './reliability-figures.ts';

/**
 * Hostile page content: a LinkedIn profile (the saved 2024 page) whose name and headline carry
 * markup, script, `javascript:` URLs, bidi and zero-width characters, or sheer length, and
 * whose stylesheet targets our element. A page-script probe (`window.__probeFired`) proves
 * nothing ran; the draft dialog (in the private frame, an extension page framed in the site) and
 * the popup show the text as text; the page cannot read stored data, nor what the frame shows.
 */

const PROBE = 'window.__probeFired=(window.__probeFired||0)+1';
const NAME = `<img src=x onerror="${PROBE}">Eve\u200B \u202Egnirts\u202C Hacker<script>${PROBE}</script>`;
const HEADLINE = `<a href="javascript:${PROBE}">click</a> <svg onload="${PROBE}"></svg> \u2066RTL\u2069 ${'long '.repeat(200)}`;
const SECRET_CONTACT = 'Zelda Secretcontact';
const SECRET_ME = 'Samantha Secretseller';

const HOSTILE_CSS = `
  gap-closer, gap-closer *, gap-closer-frame, gap-closer-frame * { display: none !important; visibility: hidden !important; opacity: 0 !important;
    color: red !important; font-size: 40px !important; letter-spacing: 9px !important; text-transform: uppercase !important;
    transform: scale(0.1) !important; filter: blur(4px) !important; pointer-events: none !important; }
  button, textarea, [role=dialog], h2, p, label { background: red !important; color: yellow !important;
    font-family: serif !important; border: 5px dashed lime !important; padding: 40px !important; }
  * { font-family: "Comic Sans MS", cursive !important; line-height: 3 !important; }
`;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The saved 2024 profile with the name and headline replaced, plus a probe and optional CSS. */
function hostileProfile(options: { name: string; headline: string; css?: string }): string {
  const html = fixture('linkedin/profile-2024-08-minimal.html');
  if (!/<body[^>]*>/.test(html)) throw new Error('the saved page has no <body> to put the probe in');
  const probe = `<script>window.__probeFired = 0;</script>${options.css ? `<style>${options.css}</style>` : ''}`;
  return html
    .replace(/(<h1 class="text-heading-xlarge[^>]*>)[^<]*(<\/h1>)/, `$1${escapeHtml(options.name)}$2`)
    .replace(/(text-body-medium break-words"[^>]*>)[^<]*</, `$1${escapeHtml(options.headline)}<`)
    .replace(/(<body[^>]*>)/, `$1${probe}`);
}

const URLS = {
  hostile: 'https://www.linkedin.com/in/eve-hacker/',
  longHeadline: 'https://www.linkedin.com/in/long-headline/',
  longName: 'https://www.linkedin.com/in/long-name/',
  plain: 'https://www.linkedin.com/in/plain-styles/',
  styled: 'https://www.linkedin.com/in/hostile-styles/',
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${URLS.hostile}**`, hostileProfile({ name: NAME, headline: HEADLINE }));
  await serve(
    browser.context,
    `${URLS.longHeadline}**`,
    hostileProfile({ name: 'Lena Longheadline', headline: `Head ${'x'.repeat(10_000)}` }),
  );
  await serve(
    browser.context,
    `${URLS.longName}**`,
    hostileProfile({ name: `Nina ${'n'.repeat(10_000)}`, headline: 'Normal headline' }),
  );
  await serve(browser.context, `${URLS.plain}**`, hostileProfile({ name: 'Cass Styles', headline: 'Designer' }));
  await serve(
    browser.context,
    `${URLS.styled}**`,
    hostileProfile({ name: 'Cass Styles', headline: 'Designer', css: HOSTILE_CSS }),
  );
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: SECRET_ME, company: 'Acme Analytics' });
  // Someone else already in the log: nothing about them may reach a LinkedIn page.
  const reply = await popup.evaluate(
    (name) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        type: 'outreach.log',
        payload: {
          idempotencyKey: 'secret_contact_1',
          kind: 'referral-ask',
          channel: 'linkedin-message',
          text: `Private note to ${name}`,
          person: { fullName: name, linkedinUrl: 'https://www.linkedin.com/in/zelda-secret/' },
        },
      }),
    SECRET_CONTACT,
  );
  expect(reply).toMatchObject({ ok: true });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
});

async function openProfile(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Everything a page script can see: light DOM, open shadow roots (markup and field values), any
 * framed document it can open, and page-readable storage. `ourFrames` says, for each iframe in
 * our shadow root, whether the page could open its document (it must not: another origin).
 */
function pageView(page: Page) {
  return page.evaluate(async () => {
    const texts: string[] = [];
    const ourFrames: { src: string; readable: boolean }[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLIFrameElement) {
          let readable = false;
          try {
            const doc = element.contentDocument;
            readable = doc !== null;
            if (doc) texts.push(doc.documentElement.outerHTML);
          } catch {
            // Cross-origin access throws in some engines: just as unreadable.
          }
          if (element.getRootNode() !== document) ourFrames.push({ src: element.src, readable });
        }
        if (element.shadowRoot) {
          texts.push(element.shadowRoot.innerHTML);
          walk(element.shadowRoot);
        }
        for (const field of element.shadowRoot?.querySelectorAll('textarea, input') ?? []) {
          texts.push((field as HTMLTextAreaElement).value);
        }
      }
    };
    texts.push(document.documentElement.outerHTML);
    walk(document);
    const databases = (await indexedDB.databases?.()) ?? [];
    return {
      text: texts.join('\n'),
      ourFrames,
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      databases: databases.map((database) => database.name),
      cookies: document.cookie,
      probe: (window as unknown as { __probeFired?: number }).__probeFired,
    };
  });
}

/** What our shadow root in the page holds (it is open, so the page could read it too). */
function shadowFacts(page: Page) {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll('gap-closer, gap-closer-frame')].flatMap((host) =>
      host.shadowRoot ? [host.shadowRoot] : [],
    );
    if (roots.length === 0) return null;
    const all = (selector: string) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
    return {
      // The one iframe allowed is ours, checked by address below; nothing else may be active.
      dangerous: all('img, script, svg, object, embed, a, [onerror], [onload]').length,
      frames: all('iframe').map((frame) => frame.getAttribute('src') ?? ''),
      javascriptUrls: all('[href], [src], [action]').filter((element) =>
        /^\s*javascript:/i.test(
          element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '',
        ),
      ).length,
    };
  });
}

/** What the private frame's document holds, read inside it (the page itself cannot). */
async function frameFacts(page: Page) {
  const frame = await privateFrameHandle(page);
  return frame.evaluate(() => {
    const dialog = document.querySelector('[role=dialog]');
    return {
      dangerous: document.body.querySelectorAll('img, script, svg, iframe, object, embed, a, [onerror], [onload]')
        .length,
      // Only the frame's own bundle runs in it: no inline script, none from elsewhere.
      foreignScripts: [...document.scripts].filter((script) => !script.src.startsWith(`${location.origin}/`)).length,
      javascriptUrls: [...document.querySelectorAll('[href], [src], [action]')].filter((element) =>
        /^\s*javascript:/i.test(
          element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '',
        ),
      ).length,
      probe: (window as unknown as { __probeFired?: number }).__probeFired,
      heading: dialog?.querySelector('h2')?.textContent ?? '',
      draft: dialog?.querySelector('textarea')?.value ?? '',
      status: dialog?.querySelector('[role=status]')?.textContent ?? '',
    };
  });
}

/** The draft once composed in the frame, else the dialog's status line (a refusal shows in the failure). */
async function draftOrStatus(page: Page): Promise<string> {
  const facts = await frameFacts(page).catch(() => null);
  return facts?.draft ? `draft: ${facts.draft}` : `status: ${facts?.status ?? 'no frame'}`;
}

describe('hostile names and headlines on a LinkedIn profile', () => {
  it('shows markup as text in the dialog (in the private frame), runs nothing, and logs it as text', async () => {
    const page = await openProfile(URLS.hostile);
    const trigger = page.getByRole('button', { name: /^Ask for referral/ });
    await trigger.waitFor();
    const before = await pageView(page);
    expect(before.probe).toBe(0);

    await trigger.click();
    const dialog = privateFrame(page).getByRole('dialog');
    await expect.poll(async () => draftOrStatus(page), { timeout: 10_000 }).toMatch(/^draft: \S/);
    const facts = await frameFacts(page);
    expect(facts.status).not.toMatch(/invalid|refused|could not/i);
    expect(facts.dangerous).toBe(0);
    expect(facts.foreignScripts).toBe(0);
    expect(facts.javascriptUrls).toBe(0);
    // The first name (a page-chosen word) arrives as literal text in the frame's heading.
    expect(facts.heading).toContain('<img');
    await expect(dialog.getByRole('heading').textContent()).resolves.toContain('<img');
    // In the page, our shadow roots hold the trigger and our own frame, nothing the page chose.
    const shadow = await shadowFacts(page);
    expect(shadow).toEqual({
      dangerous: 0,
      // Exactly the frame that holds the dialog: the extension page, loaded ahead of the click with
      // an empty fragment (its session went to it by postMessage, never into the page); the page
      // sees Chrome's dynamic (per-session) extension id, not the real one.
      frames: [expect.stringMatching(/^chrome-extension:\/\/[0-9a-f-]{32,36}\/src\/frame\/index\.html#$/)],
      javascriptUrls: 0,
    });

    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Copied\./);
    await page.waitForTimeout(300);
    expect((await pageView(page)).probe).toBe(0);
    expect((await frameFacts(page)).probe).toBeUndefined();

    // Copied is drafted: the name is stored with the draft, as text.
    const outreach = await readStore<{ contactName: string }>(browser, 'drafts');
    const logged = outreach.find((record) => record.contactName.includes('Hacker'));
    // Bidi and zero-width marks are dropped by the reader; the markup stays, as text.
    expect(logged?.contactName).toBe(
      `<img src=x onerror="${PROBE}">Eve gnirts Hacker<script>${PROBE}</script>`.replace(/\s+/g, ' '),
    );

    const popup = await openPopup(browser);
    // The draft is listed (as text) among the drafts not sent yet.
    const list = popup.getByRole('list', { name: 'Drafts not sent yet' });
    await list.waitFor();
    await expect.poll(() => list.textContent()).toContain('<img src=x onerror=');
    const popupFacts = await popup.evaluate(() => ({
      probe: (window as unknown as { __probeFired?: number }).__probeFired,
      injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), a[href^="javascript:" i]')
        .length,
    }));
    expect(popupFacts).toEqual({ probe: undefined, injected: 0 });
    await popup.close();
    // Every other extension page in the manifest (options today; more as they land): whatever
    // it shows of the log, no markup from it becomes an element, no link is javascript:.
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
      options_ui?: { page?: string };
      options_page?: string;
    };
    const pages = [manifest.options_ui?.page ?? manifest.options_page].filter((page): page is string => !!page);
    for (const pagePath of pages) {
      const extensionPage = await browser.context.newPage();
      await extensionPage.goto(`chrome-extension://${browser.extensionId}/${pagePath}`);
      // Checked only once the hostile record is on screen, as text: an empty page proves nothing.
      await expect
        .poll(() => extensionPage.evaluate(() => document.body.innerText), { timeout: 10_000 })
        .toContain(logged?.contactName);
      const facts = await extensionPage.evaluate(() => ({
        probe: (window as unknown as { __probeFired?: number }).__probeFired,
        injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), [onerror], [onload]').length,
        javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
          /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
        ).length,
      }));
      expect(facts, pagePath).toEqual({ probe: undefined, injected: 0, javascriptLinks: 0 });
      await extensionPage.close();
    }
    recordFigure('hostile-linkedin', {
      extensionPagesChecked: pages.length + 1,
      probeFired: before.probe ?? 0,
      dangerousElements: facts.dangerous + (shadow?.dangerous ?? 0),
    });
    await page.close();
  });

  it('a 10,000-character headline: the dialog still drafts (the headline left out or clipped, not refused)', async () => {
    const page = await openProfile(URLS.longHeadline);
    const trigger = page.getByRole('button', { name: /^Ask for referral/ });
    await trigger.waitFor();
    await trigger.click();
    await expect.poll(async () => draftOrStatus(page), { timeout: 10_000 }).toContain('Hi Lena');
    await page.close();
  });

  it('a 10,000-character name: no button or dialog (not a name), and nothing breaks on the page', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(URLS.longName);
    await page.waitForTimeout(2500);
    expect(await page.locator('gap-closer').count()).toBe(0);
    expect(page.frames().filter((frame) => frame.url().includes('/src/frame/index.html'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('page scripts cannot read stored data: not in the DOM, not in page-readable storage', async () => {
    const page = await openProfile(URLS.hostile);
    const trigger = page.getByRole('button', { name: /^Ask for referral/ });
    await trigger.waitFor();
    const idle = await pageView(page);
    // Before any click: neither another contact, nor their message, nor my own settings.
    for (const secret of [SECRET_CONTACT, 'Private note', SECRET_ME, 'Acme Analytics', 'zelda-secret']) {
      expect(idle.text, secret).not.toContain(secret);
    }
    expect(idle.localStorage).toEqual([]);
    expect(idle.sessionStorage).toEqual([]);
    expect(idle.databases).toEqual([]);
    expect(idle.cookies).toBe('');

    // After the user asks for a draft, it is shown in the private frame, and no one else's data.
    await trigger.click();
    await expect.poll(async () => draftOrStatus(page), { timeout: 10_000 }).toMatch(/^draft: \S/);
    const { draft } = await frameFacts(page);
    // The draft carries my own settings: private words the page must not see, though they are on screen.
    expect(draft).toContain(SECRET_ME);
    expect(draft).toContain('Acme Analytics');
    const open = await pageView(page);
    expect(open.ourFrames).toEqual([{ src: expect.stringContaining('/src/frame/index.html#'), readable: false }]);
    for (const secret of [SECRET_CONTACT, 'Private note', 'zelda-secret', SECRET_ME, 'Acme Analytics', draft])
      expect(open.text, secret).not.toContain(secret);
    expect(open.localStorage).toEqual([]);
    expect(open.sessionStorage).toEqual([]);
    expect(open.databases).toEqual([]);
    await page.close();
  });
});

const STYLE_PROPS = [
  'display',
  'visibility',
  'opacity',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'letter-spacing',
  'text-transform',
  'line-height',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'padding-top',
  'padding-left',
  'transform',
  'filter',
  'pointer-events',
  'position',
  'width',
  'height',
];

/** Computed styles of our host, trigger, the in-page frame element and the dialog inside the frame. */
async function uiStyles(url: string): Promise<Record<string, Record<string, string>>> {
  const page = await openProfile(url);
  // The user's own (trusted) click: a script's click does not open the frame.
  await page.getByRole('button', { name: /^Ask for referral/ }).click();
  // Compared only once the dialog has opened and drafted: a part that is missing is a failure,
  // not a value both pages share.
  await expect.poll(async () => draftOrStatus(page), { timeout: 10_000 }).toMatch(/^draft: Hi Cass/);
  // Seen as the user sees it: the frame element in the page and the dialog in it are visible.
  await expect(page.locator('iframe.private-frame').isVisible()).resolves.toBe(true);
  await expect(privateFrame(page).getByRole('dialog').isVisible()).resolves.toBe(true);
  const pageParts = await page.evaluate((props) => {
    const host = document.querySelector('gap-closer') as HTMLElement;
    const root = host.shadowRoot as ShadowRoot;
    // The frame opened for the click: the one loaded ahead of it, in its own host.
    const frameHost = document.querySelector('gap-closer-frame');
    const frameRoot = frameHost?.shadowRoot ?? root;
    const parts: Record<string, Element | null> = {
      host,
      trigger: root.querySelector('button'),
      frameHost,
      frame: frameRoot.querySelector('iframe.private-frame'),
    };
    const missing = Object.keys(parts).filter((name) => !parts[name]);
    if (missing.length > 0) return `missing: ${missing.join(', ')}`;
    const frame = parts.frame as HTMLIFrameElement;
    const box = frame.getBoundingClientRect();
    const centre = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    return {
      ...Object.fromEntries(
        Object.entries(parts).map(([name, element]) => {
          const computed = getComputedStyle(element as Element);
          return [name, Object.fromEntries(props.map((prop) => [prop, computed.getPropertyValue(prop)]))];
        }),
      ),
      frameBox: {
        width: String(box.width),
        height: String(box.height),
        inViewport: String(box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight),
        // Nothing of the page's is painted over the frame's centre.
        onTop: String(frameRoot.elementFromPoint(centre.x, centre.y) === frame),
      },
    };
  }, STYLE_PROPS);
  if (typeof pageParts === 'string') throw new Error(`${url}: ${pageParts}`);
  const frameParts = await (
    await privateFrameHandle(page)
  ).evaluate((props) => {
    const parts: Record<string, Element | null> = {
      dialog: document.querySelector('[role=dialog]'),
      heading: document.querySelector('[role=dialog] h2'),
      draft: document.querySelector('[role=dialog] textarea'),
      primary: document.querySelector('[role=dialog] button.primary'),
    };
    const missing = Object.keys(parts).filter((name) => !parts[name]);
    if (missing.length > 0) return `missing in the frame: ${missing.join(', ')}`;
    return Object.fromEntries(
      Object.entries(parts).map(([name, element]) => {
        const computed = getComputedStyle(element as Element);
        return [name, Object.fromEntries(props.map((prop) => [prop, computed.getPropertyValue(prop)]))];
      }),
    );
  }, STYLE_PROPS);
  if (typeof frameParts === 'string') throw new Error(`${url}: ${frameParts}`);
  await page.close();
  return { ...pageParts, ...frameParts };
}

describe("the page's CSS does not change the injected UI", () => {
  it('host, trigger and dialog compute the same styles under a hostile stylesheet', async () => {
    const plain = await uiStyles(URLS.plain);
    const styled = await uiStyles(URLS.styled);
    // The baseline itself is visible: equal styles must not be two equally hidden things.
    for (const part of ['host', 'trigger', 'frameHost', 'frame', 'dialog', 'draft', 'primary']) {
      expect(plain[part]?.display, part).not.toBe('none');
      expect(plain[part]?.visibility, part).toBe('visible');
      expect(plain[part]?.opacity, part).toBe('1');
    }
    expect(Number(plain.frameBox?.width)).toBeGreaterThan(200);
    expect(Number(plain.frameBox?.height)).toBeGreaterThan(200);
    expect(plain.frameBox).toMatchObject({ inViewport: 'true', onTop: 'true' });
    recordFigure('hostile-css', {
      propertiesCompared: Object.keys(plain).reduce((count, part) => count + Object.keys(plain[part] ?? {}).length, 0),
      differing: Object.keys(plain).reduce(
        (count, part) =>
          count + Object.keys(plain[part] ?? {}).filter((prop) => plain[part]?.[prop] !== styled[part]?.[prop]).length,
        0,
      ),
    });
    expect(styled).toEqual(plain);
  });
});
