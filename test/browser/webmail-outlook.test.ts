import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { bodyText, seed, textBeforeCaret } from './webmail-steps.ts';

interface StoredOutreach {
  contactId: string;
  contactName: string;
  kind: string;
  channel: string;
  text: string;
}
interface StoredContact {
  id: string;
  fullName: string;
  email?: string;
}

const JORDAN = 'jordan.whitfield@morgan-mbeki.example';
const BODY = 'div[contenteditable="true"][aria-multiline="true"]';
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, 'https://outlook.office.com/mail/**', fixture('hand-made/outlook/compose.html'));
  await serve(browser.context, 'https://outlook.live.com/mail/**', fixture('hand-made/outlook/iframe-host.html'));
  await serve(browser.context, 'https://outlook.live.com/owa/compose-frame', fixture('hand-made/outlook/compose.html'));
  await serve(
    browser.context,
    'https://outlook.office365.com/mail/inbox/**',
    fixture('hand-made/outlook/reading-pane.html'),
  );
  await seed(browser, {
    me: { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' },
    contacts: [
      {
        id: 'contact-jordan',
        fullName: 'Jordan Whitfield',
        firstName: 'Jordan',
        email: JORDAN,
        company: 'Morgan Mbeki',
        relationship: 'stalled-prospect',
      },
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('Outlook on the web compose form (hand-made, outlook.office.com)', () => {
  it('has one button; inserts at the caret, sets the subject, logs against the recipient', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://outlook.office.com/mail/deeplink/compose');
    const button = page.getByRole('button', { name: /^Insert template/ });
    await button.waitFor();
    await expect(button.count()).resolves.toBe(1);

    await page.locator(BODY).click();
    await page.keyboard.type('Thanks for your time last week.');
    await page.keyboard.press('Home');
    await button.click();
    const menu = privateFrame(page).getByRole('menu', { name: 'Templates for Jordan Whitfield' });
    await menu.waitFor();
    // A stalled prospect: the stalled-deal check-in is offered first.
    await expect(menu.getByRole('menuitem').first().textContent()).resolves.toBe('Stalled-deal check-in');
    await menu.getByRole('menuitem', { name: 'Stalled-deal check-in' }).click();

    await expect
      .poll(() => bodyText(page, BODY))
      .toMatch(/^Hi Jordan,\n\nWe last talked about Acme Insights a while ago/);
    await expect(bodyText(page, BODY)).resolves.toMatch(/Thank you,\nSam Seller\nThanks for your time last week\.$/);
    await expect(textBeforeCaret(page, BODY)).resolves.toMatch(/Thank you,Sam Seller$/);
    await expect(page.getByRole('textbox', { name: 'Add a subject' }).inputValue()).resolves.toBe(
      'Where things stand with Acme Insights',
    );
    // Counted once the user sends it from this form.
    await expect(readStore(browser, 'outreach')).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(async () => (await readStore(browser, 'outreach')).length).toBe(1);
    const records = await readStore<StoredOutreach>(browser, 'outreach');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ contactId: 'contact-jordan', kind: 'stalled-revival', channel: 'email' });
    await page.close();
  });

  it('works in a compose iframe (the background accepts Outlook sub-frames only)', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://outlook.live.com/mail/0/');
    const frame = page.frameLocator('iframe[title="Compose"]');
    const button = frame.getByRole('button', { name: /^Insert template/ });
    await button.waitFor();
    await expect(button.count()).resolves.toBe(1);
    // The top frame has no compose form, so no button of its own.
    await expect(page.locator('gap-closer').count()).resolves.toBe(0);
    await frame.locator(BODY).click();
    await button.click();
    await frame.frameLocator('iframe.private-frame').getByRole('menuitem', { name: 'Follow-up' }).click();
    const inner = page.frames().find((candidate) => candidate.url().endsWith('/owa/compose-frame'));
    expect(inner).toBeDefined();
    if (!inner) return;
    await expect.poll(() => bodyText(inner, BODY)).toMatch(/^Hi Jordan,\n\nI wanted to follow up on my last note/);
    await expect
      .poll(() => frame.getByRole('status').textContent())
      .toMatch(/for Jordan Whitfield\. It counts as sent when you send it/);
    // The Send of the compose iframe counts the draft inserted there.
    await frame.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(async () => (await readStore(browser, 'outreach')).length).toBe(2);
    const records = await readStore<StoredOutreach>(browser, 'outreach');
    expect(records.map((record) => record.kind).sort()).toEqual(['follow-up', 'stalled-revival']);
    const contacts = await readStore<StoredContact>(browser, 'contacts');
    expect(contacts.filter((contact) => contact.email === JORDAN)).toHaveLength(1);
    await page.close();
  });
});

describe('Outlook reading pane (hand-made, outlook.office365.com)', () => {
  it('records the outcome of an ask to someone in the log', async () => {
    await seed(browser, {
      contacts: [
        {
          id: 'contact-priya',
          fullName: 'Priya Natarajan',
          firstName: 'Priya',
          email: 'priya.natarajan@novare.example',
        },
      ],
      outreach: [
        {
          id: 'ask-priya',
          idempotencyKey: 'ask-priya-key',
          contactId: 'contact-priya',
          contactName: 'Priya Natarajan',
          kind: 'favour-ask',
          channel: 'email',
          text: 'Hi Priya',
          createdAt: Date.now() - 60_000,
          status: 'awaiting',
        },
      ],
    });
    const page = await browser.context.newPage();
    await page.goto('https://outlook.office365.com/mail/inbox/id/AAQk');
    const action = page.getByRole('button', { name: 'Record outcome' });
    await action.waitFor();
    // One outcome button for the conversation; the compose button has nothing to attach to here.
    await expect(page.getByRole('button', { name: /^Record outcome/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /^Insert template/ }).count()).resolves.toBe(0);
    await action.click();
    await privateFrame(page).getByRole('menuitem', { name: 'Meeting booked' }).click();
    await expect
      .poll(() => privateFrame(page).getByRole('status').textContent())
      .toBe('Recorded for Priya Natarajan: a meeting.');
    const records = await readStore<StoredOutreach & { id: string; status: string; outcome?: string }>(
      browser,
      'outreach',
    );
    expect(records.find((record) => record.id === 'ask-priya')).toMatchObject({
      status: 'resolved',
      outcome: 'meeting',
    });
    await page.close();
  });
});
