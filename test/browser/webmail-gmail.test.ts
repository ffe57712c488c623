import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { bodyText, seed, textBeforeCaret } from './webmail-steps.ts';

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
    const menu = page.getByRole('menu', { name: 'Templates for Jordan Whitfield' });
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

    await expect.poll(() => bodyText(page, BODY)).toMatch(/^Hi Jordan,\n\nI hope all is well at Morgan Mbeki\./);
    const text = await bodyText(page, BODY);
    expect(text).toContain('Acme Insights');
    expect(text).toMatch(/Best,\nSam Seller\nAcme Analytics\nSee you Thursday\.$/);
    expect(text).not.toContain('PRIVATE NOTE');
    // The caret sits right after the inserted text, before what was already there.
    await expect(textBeforeCaret(page, BODY)).resolves.toMatch(/Sam Seller ?Acme Analytics$/);
    await expect(page.getByRole('textbox', { name: 'Subject' }).inputValue()).resolves.toBe('A small favour, Jordan');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^Inserted with subject and logged for Jordan Whitfield/);

    const records = await outreach();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      contactId: 'contact-jordan',
      contactName: 'Jordan Whitfield',
      kind: 'referral-ask',
      channel: 'email',
      status: 'awaiting',
    });
    expect(records[0]?.text).toMatch(/^Hi Jordan,\n\nI hope all is well at Morgan Mbeki\./);
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
