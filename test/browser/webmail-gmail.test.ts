import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import {
  bodyText,
  insertTemplateShortcut,
  runInsertTemplateCommand,
  seed,
  sendAsUser,
  textBeforeCaret,
} from './webmail-steps.ts';

interface StoredOutreach {
  id: string;
  contactId: string;
  contactName: string;
  kind: string;
  channel: string;
  text: string;
  status: string;
  outcome?: string;
  wonAmount?: number;
  outcomeAt?: number;
}
interface StoredContact {
  id: string;
  fullName: string;
  firstName: string;
  email?: string;
  company?: string;
  relationship?: string;
}

const BASE = 'https://mail.google.com/mail/u/0/';
const BODY = 'div[g_editable="true"]';
const ME = { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' };
const JORDAN = 'jordan.whitfield@morgan-mbeki.example';

let browser: ExtensionBrowser;

function pageFor(name: string): string {
  return `${BASE}${name}`;
}

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${pageFor('saved')}**`, fixture('gmail/compose-2020-10.html'));
  await serve(browser.context, `${pageFor('chips')}**`, fixture('hand-made/gmail/compose-chips.html'));
  // A pop-out compose window is its own top-level page on mail.google.com.
  await serve(
    browser.context,
    'https://mail.google.com/mail/u/0/?view=cm**',
    fixture('hand-made/gmail/compose-chips.html'),
  );
  await serve(browser.context, `${pageFor('two')}**`, fixture('hand-made/gmail/two-composes.html'));
  await serve(browser.context, `${pageFor('german')}**`, fixture('hand-made/gmail/compose-german.html'));
  await serve(browser.context, `${pageFor('thread')}**`, fixture('hand-made/gmail/thread-inline-reply.html'));
  await serve(
    browser.context,
    `${pageFor('markup')}**`,
    fixture('hand-made/gmail/compose-chips.html').replaceAll(
      'data-name="Jordan Whitfield"',
      'data-name="Jordan &lt;b&gt;Whitfield&lt;/b&gt; &lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;"',
    ),
  );
  await seed(browser, {
    me: ME,
    contacts: [
      {
        id: 'contact-jordan',
        fullName: 'Jordan Whitfield',
        firstName: 'Jordan',
        email: JORDAN,
        company: 'Morgan Mbeki',
        relationship: 'customer',
        notes: 'PRIVATE NOTE: renewal worth 90k',
      },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(pageFor(name));
  await page
    .getByRole('button', { name: /^Insert template/ })
    .first()
    .waitFor();
  return page;
}

async function outreach(): Promise<StoredOutreach[]> {
  return readStore<StoredOutreach>(browser, 'outreach');
}

/**
 * Priya in the log (as an earlier test logged her, or seeded here) with an open referral ask by
 * email, `after` ms from now so it is her latest. Returns her contact id.
 */
async function seedOpenAskToPriya(id: string, text: string, after: number): Promise<string> {
  const PRIYA = 'priya.natarajan@novare.example';
  const known = (await readStore<StoredContact>(browser, 'contacts')).find((contact) => contact.email === PRIYA);
  const contactId = known?.id ?? 'contact-priya';
  await seed(browser, {
    contacts: known ? [] : [{ id: contactId, fullName: 'Priya Natarajan', firstName: 'Priya', email: PRIYA }],
    outreach: [
      {
        id,
        idempotencyKey: `${id}-key`,
        contactId,
        contactName: 'Priya Natarajan',
        kind: 'referral-ask',
        channel: 'email',
        text,
        createdAt: Date.now() + after,
        status: 'awaiting',
      },
    ],
  });
  return contactId;
}

describe('Gmail compose, saved 2020 dialog (old recipient textarea)', () => {
  it('has one button in the bottom toolbar; inserts at the caret, sets the subject, logs, and undo works', async () => {
    const page = await open('saved');
    await expect(page.getByRole('button', { name: /^Insert template/ }).count()).resolves.toBe(1);
    const inToolbar = await page.evaluate(() => document.querySelector('gap-closer')?.closest('tr.btC') !== null);
    expect(inToolbar).toBe(true);

    // The saved page keeps its recipient rows collapsed (Gmail's own script expands them):
    // put in the To field what the user would have typed there.
    await page
      .locator('textarea[name="to"]')
      .evaluate((field, value) => ((field as HTMLTextAreaElement).value = value), `Jordan Whitfield <${JORDAN}>`);
    const body = page.locator(BODY);
    await body.click();
    await page.keyboard.type('See you Thursday.');
    await page.keyboard.press('Home');

    await page.getByRole('button', { name: /^Insert template/ }).click();
    const menu = privateFrame(page).getByRole('menu', { name: 'Templates for Jordan Whitfield' });
    await menu.waitFor();
    // Jordan is a customer in the log: referral ask and upsell come first, marked suggested.
    const groups = await menu
      .getByRole('group')
      .evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('aria-labelledby') && node.querySelector('.group-label')?.textContent),
      );
    expect(groups.slice(0, 2)).toEqual(['Referral ask · suggested', 'Upsell · suggested']);
    expect(groups).toEqual(
      expect.arrayContaining(['Stalled-deal check-in', 'Favour or intro ask', 'Follow-up', 'Thank-you']),
    );
    await menu.getByRole('menuitem', { name: 'Referral ask' }).click();

    // Jordan is a customer: the referral ask written for customers.
    await expect
      .poll(() => bodyText(page, BODY))
      .toMatch(/^Hi Jordan,\n\nYou know first-hand what Acme Insights does at Morgan Mbeki/);
    const text = await bodyText(page, BODY);
    expect(text).toContain('Acme Insights');
    expect(text).toMatch(/Best,\nSam Seller\nAcme Analytics\nSee you Thursday\.$/);
    expect(text).not.toContain('PRIVATE NOTE');
    // The caret sits right after the inserted text, before what was already there.
    await expect(textBeforeCaret(page, BODY)).resolves.toMatch(/Sam Seller ?Acme Analytics$/);
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe('A small favour, Jordan');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^Inserted with subject for Jordan Whitfield\. It counts as sent when you send it/);
    // Inserted is drafted, not sent: nothing counts until the user sends it.
    await expect(outreach()).resolves.toEqual([]);
    await expect(readStore(browser, 'drafts')).resolves.toHaveLength(1);
    await sendAsUser(page);
    await expect.poll(async () => (await outreach()).length).toBe(1);

    const records = await outreach();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      contactId: 'contact-jordan',
      contactName: 'Jordan Whitfield',
      kind: 'referral-ask',
      channel: 'email',
      status: 'awaiting',
    });
    expect(records[0]?.text).toMatch(/^Hi Jordan,\n\nYou know first-hand what Acme Insights does at Morgan Mbeki/);
    const contacts = await readStore<StoredContact>(browser, 'contacts');
    expect(contacts.find((contact) => contact.id === 'contact-jordan')).toMatchObject({
      email: JORDAN,
      company: 'Morgan Mbeki',
      relationship: 'customer',
    });

    // Gmail's editor keeps its undo: one Ctrl+Z removes the whole insertion.
    await body.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(page, BODY)).toBe('See you Thursday.');
    await page.close();
  });
});

describe('Gmail compose, current layout with recipient chips (hand-made)', () => {
  it('greets the chip’s first name, fills the company from the log and logs against the address', async () => {
    const page = await open('chips');
    await page.locator(BODY).click();
    await page.keyboard.press('Control+Home');
    await page.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(page)
      .getByRole('menu', { name: 'Templates for Jordan Whitfield' })
      .getByRole('menuitem', { name: 'Customer check-in (upsell)' })
      .click();
    await expect
      .poll(() => bodyText(page, BODY))
      .toMatch(/^Hi Jordan,\n\nI wanted to check in on how Acme Insights is working for Morgan Mbeki\./);
    // Inserted above the signature, which stays last; the template's own sign-off is left out.
    await expect(bodyText(page, BODY)).resolves.toMatch(/what is not\?[\s\S]*\n-- Sam Seller$/);
    await expect(bodyText(page, BODY)).resolves.not.toMatch(/Best,/);
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe(
      'How is Acme Insights working for you?',
    );
    await sendAsUser(page);
    await expect.poll(async () => (await outreach()).some((record) => record.kind === 'upsell')).toBe(true);
    const records = await outreach();
    expect(records.find((record) => record.kind === 'upsell')).toMatchObject({
      contactId: 'contact-jordan',
      channel: 'email',
    });
    await page.close();
  });

  it('keeps a subject the user already wrote', async () => {
    const page = await open('chips');
    await page.getByRole('textbox', { name: 'Subject' }).fill('Our call on Tuesday');
    await page.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(page).getByRole('menuitem', { name: 'Follow-up' }).click();
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,\n\nI wanted to follow up/);
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe('Our call on Tuesday');
    await page.close();
  });

  it('renders a recipient name containing markup as text, everywhere', async () => {
    const page = await open('markup');
    await page.getByRole('button', { name: /^Insert template/ }).click();
    const menu = privateFrame(page).getByRole('menu', { name: /^Templates for Jordan <b>Whitfield<\/b> <img/ });
    await menu.waitFor();
    await menu.getByRole('menuitem', { name: 'Thank-you note' }).click();
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,\n\nI wanted to say a real thank you/);
    const injected = await page.evaluate(() => ({
      pwned: (window as { pwned?: number }).pwned ?? 0,
      bodyMarkup: document.querySelectorAll('div[g_editable] b, div[g_editable] img').length,
      shadowMarkup: document.querySelector('gap-closer')?.shadowRoot?.querySelectorAll('b, img').length,
    }));
    expect(injected).toEqual({ pwned: 0, bodyMarkup: 0, shadowMarkup: 0 });
    // The contact is written when the user sends the email.
    await sendAsUser(page);
    await expect
      .poll(
        async () =>
          (await readStore<StoredContact>(browser, 'contacts')).find((c) => c.id === 'contact-jordan')?.fullName,
      )
      .toBe('Jordan <b>Whitfield</b> <img src=x onerror="window.pwned=1">');
    await page.close();
  });
});

describe('Gmail: the extension stays out of the mail app’s way', () => {
  it('clicks none of Gmail’s controls, sends nothing, requests nothing from Gmail, and restores a button Gmail re-rendered away', async () => {
    const before = browser.requests.length;
    const page = await open('chips');
    await page.evaluate(() => {
      const clicks: string[] = [];
      (window as unknown as { siteClicks: string[] }).siteClicks = clicks;
      for (const control of document.querySelectorAll('[role="button"], button, input, form')) {
        control.addEventListener('click', () => clicks.push(control.getAttribute('aria-label') ?? control.tagName));
        control.addEventListener('submit', () => clicks.push('submit'));
      }
    });
    await page.locator(BODY).click();
    await page.keyboard.press('Control+Home');
    await page.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(page).getByRole('menuitem', { name: 'Follow-up' }).click();
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,/);
    await expect(page.evaluate(() => (window as unknown as { siteClicks: string[] }).siteClicks)).resolves.toEqual([]);
    const toGmail = browser.requests.slice(before).filter((url) => url.startsWith('https://mail.google.com/'));
    expect(toGmail).toEqual(['https://mail.google.com/mail/u/0/chips']);

    // Gmail re-renders the toolbar row: the next time the compose window has focus, the button is back, once.
    await page.evaluate(() => document.querySelector('gap-closer')?.remove());
    await expect(page.locator('gap-closer').count()).resolves.toBe(0);
    await page.getByRole('textbox', { name: 'Subject' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Insert template/ }).count()).toBe(1);
    await page.close();
  });
});

describe('Gmail pop-out compose window (hand-made)', () => {
  it('gets its button in its own window and inserts there', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1');
    const button = page.getByRole('button', { name: /^Insert template/ });
    await button.waitFor();
    await expect(button.count()).resolves.toBe(1);
    await button.click();
    await privateFrame(page).getByRole('menuitem', { name: 'Referral ask' }).click();
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,\n\nYou know first-hand what Acme Insights does/);
    await page.close();
  });
});

describe('Gmail compose windows come and go (hand-made two-compose page)', () => {
  it('gives each compose window one button, and they work independently', async () => {
    const page = await open('two');
    const buttons = page.getByRole('button', { name: /^Insert template/ });
    await expect.poll(() => buttons.count()).toBe(2);
    await page.locator(BODY).nth(1).click();
    await page.keyboard.press('Control+Home');
    await buttons.nth(1).click();
    await privateFrame(page)
      .getByRole('menu', { name: 'Templates for Avery Lindqvist' })
      .getByRole('menuitem', { name: 'Favour or introduction ask' })
      .click();
    await expect
      .poll(() => bodyText(page, BODY, 1))
      .toMatch(/^Hi Avery,\n\nI'm trying to meet a few more teams who could use what we do at Acme Analytics/);
    await expect(bodyText(page, BODY, 0)).resolves.toBe('\n-- Sam Seller');
    await expect(page.locator('input[name="subjectbox"]').nth(0).inputValue()).resolves.toBe('');
    await expect(page.locator('input[name="subjectbox"]').nth(1).inputValue()).resolves.toBe(
      'Could I ask your advice?',
    );
    // The second window's Send counts the second window's draft (the first holds none).
    await sendAsUser(page, /^Send/, 1);
    await expect
      .poll(async () => (await outreach()).some((record) => record.contactName === 'Avery Lindqvist'))
      .toBe(true);
    const contacts = await readStore<StoredContact>(browser, 'contacts');
    expect(contacts.find((contact) => contact.email === 'avery.lindqvist@lindqvist.example')).toMatchObject({
      fullName: 'Avery Lindqvist',
      firstName: 'Avery',
    });
    const records = await outreach();
    expect(records.find((record) => record.contactName === 'Avery Lindqvist')).toMatchObject({
      kind: 'favour-ask',
      channel: 'email',
    });

    // Gmail closes the first window and opens a new one: the old button goes, the new one comes,
    // and the mail app's unrelated DOM churn never adds a second button anywhere.
    await page.evaluate(() => {
      const dialogs = document.querySelectorAll('[role="dialog"]');
      const fresh = dialogs[1]?.cloneNode(true) as HTMLElement;
      fresh.querySelectorAll('gap-closer').forEach((host) => host.remove());
      dialogs[0]?.remove();
      document.querySelector('.dw')?.append(fresh);
      for (let i = 0; i < 200; i++) document.querySelector('[role="main"]')?.append(document.createElement('div'));
    });
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('.M9')].map((m9) => m9.querySelectorAll('gap-closer').length),
        ),
      )
      .toEqual([1, 1]);
    await expect(page.locator('gap-closer').count()).resolves.toBe(2);
    await page.close();
  });
});

describe('Gmail in German (hand-made)', () => {
  it('works without English labels and greets the first chip by name', async () => {
    const page = await open('german');
    await page.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(page)
      .getByRole('menu', { name: 'Templates for Jürgen Müller' })
      .getByRole('menuitem', { name: 'Referral ask' })
      .click();
    // The gap is asked for before anything goes in, never inserted as {{company}}.
    await privateFrame(page).getByRole('textbox', { name: 'Their company' }).fill('Müller Maschinenbau');
    await privateFrame(page)
      .getByRole('button', { name: /^Insert/ })
      .click();
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jürgen,\n\nI hope all is well at Müller Maschinenbau\./);
    await expect(page.getByRole('textbox', { name: 'Betreff' }).inputValue()).resolves.toBe('A small favour, Jürgen');
    await page.close();
  });
});

describe('Gmail conversation with an inline reply (hand-made)', () => {
  it('inserts into the inline reply above the quote and keeps the Re: subject', async () => {
    const page = await open('thread');
    await expect(page.getByRole('button', { name: /^Insert template/ }).count()).resolves.toBe(1);
    // Every conversation gets the same outcome button: whether Priya is in the log is not the page's business.
    await expect(page.getByRole('button', { name: 'Record outcome' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(page).getByRole('menuitem', { name: 'Thank-you note' }).click();
    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Priya,\n\nI wanted to say a real thank you/);
    await expect(bodyText(page, BODY)).resolves.toMatch(
      /\nOn Tue, Priya Natarajan wrote:Hi Sam, happy to introduce you to our ops lead\.$/,
    );
    await expect(page.locator('input[name="subjectbox"]').inputValue()).resolves.toBe('Re: Intro to your team?');
    await page.close();
  });

  it('records an outcome from the conversation; a win counts as closed', async () => {
    await seedOpenAskToPriya('ask-priya', 'Hi Priya', 60_000);
    const page = await open('thread');
    const action = page.getByRole('button', { name: 'Record outcome' });
    await action.waitFor();
    await action.click();
    const menu = privateFrame(page).getByRole('menu', { name: 'How did your ask to Priya Natarajan go?' });
    // The frame loads after the click: wait for the menu, then read all of its items.
    await menu.getByRole('menuitem').first().waitFor();
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
      'Replied',
      'Helped: referral',
      'Helped: introduction',
      'Helped: advice',
      'Meeting booked',
      'Won… (enter amount)',
      'Declined',
    ]);
    await menu.getByRole('menuitem', { name: 'Won… (enter amount)' }).click();
    await privateFrame(page).getByLabel('Amount won').fill('5000');
    await privateFrame(page).getByRole('button', { name: 'Save win' }).click();
    await expect
      .poll(() => privateFrame(page).getByRole('status').textContent())
      .toBe('Recorded for Priya Natarajan: won 5,000 (counted as closed).');
    const record = (await outreach()).find((item) => item.id === 'ask-priya');
    expect(record).toMatchObject({ status: 'resolved', outcome: 'won', wonAmount: 5000 });
    expect(record?.outcomeAt).toBeGreaterThan(Date.now() - 60_000);
    await page.close();
  });

  it('"Helped: referral" asks whom in the frame; the thank-you inserted names the person referred', async () => {
    const contactId = await seedOpenAskToPriya('ask-priya-referral', 'Hi Priya, anyone come to mind?', 120_000);
    const page = await open('thread');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    const frame = privateFrame(page);
    await frame.getByRole('menuitem', { name: 'Helped: referral' }).click();
    const who = frame.getByRole('group', { name: 'Who was referred?' });
    // Nothing is recorded without a name.
    await who.getByRole('button', { name: 'Save referral' }).click();
    await expect(
      who
        .getByRole('textbox', { name: 'Name of the person referred' })
        .evaluate((input: HTMLInputElement) => input.validationMessage),
    ).resolves.toBe('Enter the name of the person they referred.');
    await who.getByRole('textbox', { name: 'Name of the person referred' }).fill('Dana Ruiz');
    await who.getByRole('textbox', { name: 'Their company' }).fill('Lumen');
    await who.getByRole('textbox', { name: 'Their email or LinkedIn URL' }).fill('linkedin.com/in/dana-ruiz');
    await who.getByRole('button', { name: 'Save referral' }).click();
    await expect.poll(() => frame.getByRole('status').textContent()).toMatch(/^Recorded for Priya Natarajan/);
    const dana = (
      await readStore<StoredContact & { referredBy?: string; linkedinUrl?: string }>(browser, 'contacts')
    ).find((contact) => contact.fullName === 'Dana Ruiz');
    expect(dana).toMatchObject({ referredBy: contactId, linkedinUrl: 'https://www.linkedin.com/in/dana-ruiz/' });
    expect((await outreach()).find((item) => item.id === 'ask-priya-referral')).toMatchObject({
      outcome: 'helped-referral',
    });
    await page.close();

    // The thank-you note inserted into the reply names whom Priya referred.
    const reply = await open('thread');
    await reply.getByRole('button', { name: /^Insert template/ }).click();
    await privateFrame(reply).getByRole('menuitem', { name: 'Thank-you note' }).click();
    await expect
      .poll(() => bodyText(reply, BODY))
      .toMatch(/^Hi Priya,\n\nThank you for referring me to Dana Ruiz at Lumen\./);
    await reply.close();
  });
});

describe('keyboard', () => {
  it('the shortcut opens the menu of the focused compose window; arrows, Enter and Escape work', async () => {
    const page = await open('two');
    await page.locator(BODY).nth(1).click();
    await page.keyboard.press('Control+Home');
    await runInsertTemplateCommand(browser, page);
    const menu = privateFrame(page).getByRole('menu', { name: 'Templates for Avery Lindqvist' });
    await menu.waitFor();
    // Focus in the private frame when it is open, else in our element on the page.
    const focused = async () => {
      const frame = page.frames().find((candidate) => candidate.url().includes('/src/frame/index.html'));
      const inFrame =
        frame &&
        (await frame
          .evaluate(() => (document.hasFocus() ? document.activeElement?.textContent : null))
          .catch(() => null));
      return inFrame ?? page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? null);
    };
    await expect.poll(focused).toBe('Referral ask');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Customer check-in (upsell)');
    await page.keyboard.press('End');
    await expect.poll(focused).toBe('Thank-you note');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    await expect.poll(focused).toBe('Insert template');
    // Open again from the button with the keyboard (Enter) and choose with Enter.
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Referral ask');
    await page.keyboard.press('Enter');
    // Avery's company is not in the log: the form asks for it, focused, and Enter inserts.
    await expect.poll(focused).toBe('');
    await page.keyboard.type('Lindqvist & Co');
    await page.keyboard.press('Enter');
    await expect.poll(() => bodyText(page, BODY, 1)).toMatch(/^Hi Avery,\n\nI hope all is well at Lindqvist & Co\./);
    await expect(bodyText(page, BODY, 0)).resolves.toBe('\n-- Sam Seller');
    await page.close();
  });

  it('the manifest command, relayed by the background, opens the menu in the focused compose', async () => {
    const page = await open('two');
    await page.locator(BODY).nth(0).click();
    // Keys typed in the page do nothing by themselves: only the binding the browser holds counts.
    await page.keyboard.press('Alt+Shift+I');
    await page.waitForTimeout(300);
    expect(await privateFrame(page).getByRole('menu').count()).toBe(0);
    await runInsertTemplateCommand(browser, page);
    await privateFrame(page).getByRole('menu', { name: 'Templates for Jordan Whitfield' }).waitFor();
    // Chrome really assigned the suggested key (a clash would leave it empty), and each button
    // shows the binding Chrome reports, not a key written into the script.
    const shortcut = await insertTemplateShortcut(browser);
    expect(shortcut).toBe('Alt+Shift+I');
    const trigger = page.getByRole('button', { name: 'Insert template' }).first();
    await expect.poll(() => trigger.getAttribute('title')).toBe(`Insert template (${shortcut})`);
    expect(await trigger.getAttribute('aria-keyshortcuts')).toBe(shortcut);
    await page.close();
  });
});
