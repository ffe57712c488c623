import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { completeFirstRun } from './popup-steps.ts';
import { seed } from './webmail-steps.ts';

/**
 * What a script in the site's own page (the site, an XSS there, another extension's main-world
 * code) can learn from us and make us do. Everything below runs in the page's main world.
 */

const CUSTOMER_URL = 'https://www.linkedin.com/in/member-1c94d076fa/'; // Jordan, a customer in the log
const STRANGER_URL = 'https://www.linkedin.com/in/member-782b21f222/'; // Avery, not in the log
const GMAIL_THREAD = 'https://mail.google.com/mail/u/0/private-thread';
const GMAIL_CRAFTED = 'https://mail.google.com/mail/u/0/crafted-thread';
const OUTLOOK_CRAFTED = 'https://outlook.office365.com/mail/inbox/id/crafted';
const JORDAN_EMAIL = 'jordan.whitfield@morgan-mbeki.example';
const PRIYA_EMAIL = 'priya.natarajan@novare.example';
/** Private facts that must never be readable in the page. */
const SECRETS = [
  'Customer',
  'Stalled prospect',
  'Referral ask (LinkedIn)',
  'Check-in with a customer (LinkedIn)',
  'Not yet thanked',
  'PRIVATE NOTE',
  'Upsell',
];

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${CUSTOMER_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
  await serve(browser.context, `${STRANGER_URL}**`, fixture('linkedin/profile-2024-08-minimal.html'));
  await serve(browser.context, `${GMAIL_THREAD}**`, fixture('hand-made/gmail/thread-inline-reply.html'));
  // An email whose body names Jordan (in the log, with an open ask) the way Gmail's header does.
  await serve(
    browser.context,
    `${GMAIL_CRAFTED}**`,
    fixture('hand-made/gmail/thread-inline-reply.html').replace(
      '<div dir="ltr">Hi Sam,',
      `<div dir="ltr"><span class="gD" email="${JORDAN_EMAIL}" name="Jordan Whitfield">Jordan</span> Hi Sam,`,
    ),
  );
  await serve(browser.context, `${OUTLOOK_CRAFTED}**`, fixture('hand-made/outlook/reading-pane.html'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics' });
  await popup.close();
  await seed(browser, {
    contacts: [
      {
        id: 'contact-jordan',
        fullName: 'Jordan Whitfield',
        firstName: 'Jordan',
        email: JORDAN_EMAIL,
        company: 'Morgan Mbeki',
        relationship: 'customer',
        notes: 'PRIVATE NOTE: renewal worth 90k',
        linkedinUrl: CUSTOMER_URL,
      } as never,
    ],
    outreach: [
      {
        id: 'ask-jordan',
        idempotencyKey: 'ask-jordan-key',
        contactId: 'contact-jordan',
        contactName: 'Jordan Whitfield',
        kind: 'referral-ask',
        channel: 'email',
        text: 'Hi Jordan',
        createdAt: Date.now() - 60_000,
        status: 'awaiting',
      },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Our UI as the page's own scripts see it: every open shadow root of our elements (markup and
 * the values of any field in them), and whether a framed document can be read.
 */
function ourUiAsThePageSeesIt(page: Page) {
  return page.evaluate(() => {
    const seen: string[] = [];
    const readableFrames: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLIFrameElement) {
          // A document of another origin is null to the page: nothing in it can be read.
          try {
            const text = element.contentDocument?.documentElement?.textContent;
            if (text) readableFrames.push(text);
          } catch {
            // Cross-origin access throws in some engines: just as unreadable.
          }
        }
        if (!element.shadowRoot) continue;
        for (const field of element.shadowRoot.querySelectorAll('textarea, input, select')) {
          seen.push(`value=${(field as HTMLInputElement).value}`);
        }
        walk(element.shadowRoot);
      }
    };
    walk(document);
    const hosts = [...document.querySelectorAll('gap-closer, gap-closer-frame')].map((host) =>
      // The frame's address carries an opaque, one-time session id: the same shape for everyone.
      (host.shadowRoot?.innerHTML ?? '').replace(/#[A-Za-z0-9]{16,64}"/g, '#SESSION"'),
    );
    return { hosts, text: [...hosts, ...seen].join('\n'), readableFrames };
  });
}

async function readyProfile(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Ask for referral' }).waitFor();
  // Give any lookup the old design made (the relationship, a hint) time to change the buttons.
  await page.waitForTimeout(500);
  return page;
}

describe('what a page script can read', () => {
  it('sees the same extension UI on a customer’s profile as on a stranger’s', async () => {
    const customer = await readyProfile(CUSTOMER_URL);
    const stranger = await readyProfile(STRANGER_URL);
    const a = await ourUiAsThePageSeesIt(customer);
    const b = await ourUiAsThePageSeesIt(stranger);
    // The buttons, and the hidden frame loaded ahead of the click (the same empty page for everyone).
    expect(a.hosts).toHaveLength(2);
    expect(a.hosts).toEqual(b.hosts);
    await customer.close();
    await stranger.close();
  });

  it('reads no relationship, hint or template name while the dialog is open', async () => {
    const page = await readyProfile(CUSTOMER_URL);
    const pageHtml = () => page.evaluate(() => document.documentElement.outerHTML);
    // The saved page has its own words ("Customer" in a post): only what we would add counts.
    const ownWords = (html: string) => SECRETS.filter((secret) => html.includes(secret));
    const before = ownWords(await pageHtml());
    await page.getByRole('button', { name: 'Ask for help' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for help' });
    // The private facts are there, for the user, inside the frame…
    // The frame fills its fields once it has read its session: wait for them, as the user does.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Relationship' }).inputValue()).toBe('customer');
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Jordan/);
    await expect(dialog.getByRole('combobox', { name: 'Template' }).textContent()).resolves.toContain(
      'Referral ask (LinkedIn)',
    );
    // …and nowhere the page can read them.
    const view = await ourUiAsThePageSeesIt(page);
    expect(view.readableFrames).toEqual([]);
    for (const secret of SECRETS) expect(view.text).not.toContain(secret);
    expect(ownWords(await pageHtml())).toEqual(before);
    await page.close();
  });

  it('sees the same Record outcome button whether or not the correspondent is in the log', async () => {
    const known = await browser.context.newPage();
    await known.goto(GMAIL_CRAFTED); // names Jordan (in the log) in its body
    const unknown = await browser.context.newPage();
    await unknown.goto(GMAIL_THREAD);
    for (const page of [known, unknown]) await page.getByRole('button', { name: 'Record outcome' }).waitFor();
    await known.waitForTimeout(500);
    const a = await ourUiAsThePageSeesIt(known);
    const b = await ourUiAsThePageSeesIt(unknown);
    expect(a.hosts).toEqual(b.hosts);
    await known.close();
    await unknown.close();
  });
});

/** Every control of ours a page script can reach, clicked, keyed, filled and clicked again from script. */
function attackEveryControl(page: Page) {
  return page.evaluate(async () => {
    const roots = () =>
      [...document.querySelectorAll('gap-closer, gap-closer-frame')].flatMap((host) =>
        host.shadowRoot ? [host.shadowRoot] : [],
      );
    const controls = () =>
      roots().flatMap((root) => [...root.querySelectorAll<HTMLElement>('button, [role=menuitem]')]);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
    let reached = 0;
    for (let round = 0; round < 3; round++) {
      for (const control of controls()) {
        reached++;
        control.click();
        control.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        control.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        control.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      }
      await settle();
      for (const root of roots()) {
        for (const field of root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')) {
          field.value = '999999 forged by the page';
          field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
        for (const select of root.querySelectorAll('select')) {
          select.value = 'customer';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      }
    }
    return {
      reached,
      // Frames opened for a click (the spare loaded ahead of one is hidden and holds nothing).
      frames: roots().reduce((count, root) => count + root.querySelectorAll('iframe.private-frame').length, 0),
    };
  });
}

async function stored() {
  return {
    outreach: await readStore<{ id: string; status: string; outcome?: string }>(browser, 'outreach'),
    contacts: await readStore<{ id: string; relationship?: string }>(browser, 'contacts'),
    drafts: await readStore<{ idempotencyKey: string }>(browser, 'drafts'),
  };
}

describe('what a page script can make us do', () => {
  it('stores nothing on LinkedIn from synthetic clicks and events on every control it reaches', async () => {
    const before = await stored();
    for (const url of [STRANGER_URL, CUSTOMER_URL]) {
      const page = await readyProfile(url);
      const attack = await attackEveryControl(page);
      expect(attack.reached).toBeGreaterThanOrEqual(6);
      // Not even the private frame opens: a dispatched click is not the user's.
      expect(attack.frames).toBe(0);
      await page.waitForTimeout(500);
      await page.close();
    }
    await expect(stored()).resolves.toEqual(before);
  });

  it('cannot hand the frame loaded ahead a session, nor swap it: the user’s click still opens the dialog', async () => {
    const before = await stored();
    for (const attack of ['post', 'navigate'] as const) {
      const page = await readyProfile(STRANGER_URL);
      const tried = await page.evaluate(async (how) => {
        const spare = document.querySelector('gap-closer-frame')?.shadowRoot?.querySelector('iframe');
        if (!spare) return 'no frame loaded ahead';
        if (how === 'navigate') spare.src = 'https://attacker.example/frame';
        // Session-shaped ids the worker never minted, as our content script would post them.
        for (let i = 0; i < 5; i++) {
          spare.contentWindow?.postMessage({ type: 'gap-closer.frame-session', session: `${i}`.repeat(32) }, '*');
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        return spare.className;
      }, attack);
      // The page reached the frame, and it stayed a hidden spare: nothing opened.
      expect(tried).toBe('private-frame-spare');
      await expect(page.locator('iframe.private-frame').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'Ask for referral' }).click();
      const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Avery for a referral' });
      await expect.poll(() => dialog.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Avery/);
      // Nothing of the refused ids is left on screen beside the dialog.
      await expect(privateFrame(page).getByRole('alert').count()).resolves.toBe(0);
      await page.close();
    }
    await expect(stored()).resolves.toEqual(before);
  });

  it('records no outcome in Gmail from synthetic clicks, however many', async () => {
    const before = await stored();
    const page = await browser.context.newPage();
    await page.goto(GMAIL_CRAFTED);
    await page.getByRole('button', { name: 'Record outcome' }).waitFor();
    const attack = await attackEveryControl(page);
    expect(attack.reached).toBeGreaterThanOrEqual(3);
    expect(attack.frames).toBe(0);
    await page.waitForTimeout(500);
    await expect(stored()).resolves.toEqual(before);
    await page.close();
  });
});

describe('an email that names someone else', () => {
  it.each([
    ['Gmail', GMAIL_CRAFTED],
    ['Outlook', OUTLOOK_CRAFTED],
  ])('changes nothing in %s: the outcome is never offered for an address in the body', async (_site, url) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Record outcome' }).click();
    // Priya (the sender, in the header) is not in the log; Jordan, named only in the body, is.
    const frame = privateFrame(page);
    await frame.getByText('No one in this conversation is in your Gap Closer log yet.').waitFor();
    await expect(frame.getByRole('menuitem').count()).resolves.toBe(0);
    await expect(frame.getByText(/Jordan/).count()).resolves.toBe(0);
    await page.close();
    expect(PRIYA_EMAIL).not.toBe(JORDAN_EMAIL);
  });
});
