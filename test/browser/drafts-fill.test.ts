import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { bodyText, seed } from './webmail-steps.ts';

/**
 * Issue 15, "drafts worth sending", in Gmail and Outlook: a template whose placeholders the log
 * cannot fill is never inserted as it is — a form asks for each missing value first (one labelled
 * textbox each, a button whose name starts with "Insert"); the text goes above the compose's
 * signature, without the template's own sign-off; the user's product is remembered.
 */

const PRIYA = 'priya.natarajan@novare.example';
const GMAIL = 'https://mail.google.com/mail/u/0/signature';
const GMAIL_BODY = 'div[g_editable="true"]';
const OUTLOOK = 'https://outlook.office.com/mail/deeplink/compose-signature';
const OUTLOOK_BODY = 'div[contenteditable="true"][aria-multiline="true"]';
/** No product yet: first run asks for it, but this user skipped it. */
const ME = { name: 'Sam Seller', company: 'Acme Analytics', product: '', signature: '' };

interface StoredSettings {
  key: string;
  value: { me?: { product?: string } };
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await serve(browser.context, `${GMAIL}**`, fixture('hand-made/gmail/compose-signature.html'));
  await serve(browser.context, `${OUTLOOK}**`, fixture('hand-made/outlook/compose-signature.html'));
  await seed(browser, { me: ME });
});

afterAll(async () => {
  await browser?.close();
});

/** The lines of the body before and after the signature's "--" line. */
function aroundDelimiter(text: string): { before: string; after: string } {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === '--' || line.startsWith('-- '));
  return { before: lines.slice(0, at).join('\n'), after: at < 0 ? '' : lines.slice(at).join('\n') };
}

async function chooseReferralAsk(page: Page | Frame, frame: FrameLocator): Promise<void> {
  await page.getByRole('button', { name: /^Insert template/ }).click();
  await frame.getByRole('menuitem', { name: 'Referral ask' }).click();
}

async function fillAndInsert(frame: FrameLocator): Promise<void> {
  const dialog = frame.getByRole('dialog');
  // One labelled textbox per missing value: their company (not in the log) and my product (never set).
  await dialog.getByRole('textbox', { name: 'Their company' }).waitFor();
  await expect(dialog.getByRole('textbox').count()).resolves.toBe(2);
  const insert = dialog.getByRole('button', { name: /^Insert/ });
  // Empty values are not inserted: the form says so and the body stays as it was.
  await insert.click();
  await expect
    .poll(() =>
      dialog
        .getByRole('textbox', { name: 'Their company' })
        .evaluate((input) => (input as HTMLInputElement).validity.valid),
    )
    .toBe(false);
  await dialog.getByRole('textbox', { name: 'Their company' }).fill('Novare Health');
  await dialog.getByRole('textbox', { name: 'Your product' }).fill('Acme Insights');
  await insert.click();
}

describe('Gmail: a placeholder prompt before insert, above the signature', () => {
  it('asks for the missing values, inserts above "-- " without a second sign-off, and remembers the product', async () => {
    const page = await browser.context.newPage();
    await page.goto(GMAIL);
    const frame = privateFrame(page);
    await chooseReferralAsk(page, frame);
    // Nothing goes in before the values are given.
    await frame.getByRole('dialog').getByRole('textbox', { name: 'Their company' }).waitFor();
    await expect(bodyText(page, GMAIL_BODY)).resolves.not.toMatch(/Hi Priya/);
    await fillAndInsert(frame);

    await expect.poll(() => bodyText(page, GMAIL_BODY)).toMatch(/Hi Priya,/);
    const text = await bodyText(page, GMAIL_BODY);
    expect(text).not.toContain('{{');
    const { before, after } = aroundDelimiter(text);
    expect(before).toMatch(/^Hi Priya,\n\nI hope all is well at Novare Health\. .*Acme Insights/);
    // The compose carries a signature: the template's own "Best, Sam Seller, Acme Analytics" is left out.
    expect(before).not.toMatch(/Best,/);
    expect(after).toMatch(/^--[\s\S]*Sam Seller/);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/for Priya Natarajan\. It counts as sent when you send it/);
    // The user sends it: the ask is logged and Priya saved with the company typed for her.
    await page.getByRole('button', { name: /^Send/ }).first().click();
    await expect.poll(async () => (await readStore(browser, 'outreach')).length).toBe(1);

    const logged = await readStore<{ text: string; contactId: string }>(browser, 'outreach');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.text).not.toContain('{{');
    const settings = await readStore<StoredSettings>(browser, 'settings');
    expect(settings.find((row) => row.key === 'settings')?.value.me?.product).toBe('Acme Insights');
    const contacts = await readStore<{ email?: string; company?: string }>(browser, 'contacts');
    expect(contacts.find((contact) => contact.email === PRIYA)?.company).toBe('Novare Health');
    await page.close();

    // Next time both are known: the same template goes straight in.
    const again = await browser.context.newPage();
    await again.goto(GMAIL);
    await chooseReferralAsk(again, privateFrame(again));
    await expect.poll(() => bodyText(again, GMAIL_BODY)).toMatch(/^Hi Priya,\n\nI hope all is well at Novare Health/);
    await again.close();
  });
});

describe('Outlook: a placeholder prompt before insert, above the signature', () => {
  it('asks for the missing value, inserts above the #Signature "-- " line without a second sign-off', async () => {
    await seed(browser, { me: ME });
    const page = await browser.context.newPage();
    await page.goto(OUTLOOK);
    const frame = privateFrame(page);
    // The caret inside the signature: the text still goes above it.
    await page.locator(`${OUTLOOK_BODY} #Signature div`).last().click();
    await page.keyboard.press('End');
    await chooseReferralAsk(page, frame);
    const dialog = frame.getByRole('dialog');
    // Priya is in the log now with her company; only the product is missing again.
    await dialog.getByRole('textbox', { name: 'Your product' }).fill('Acme Insights');
    await expect(dialog.getByRole('textbox').count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: /^Insert/ }).click();

    await expect.poll(() => bodyText(page, OUTLOOK_BODY)).toMatch(/Hi Priya,/);
    const text = await bodyText(page, OUTLOOK_BODY);
    expect(text).not.toContain('{{');
    const { before, after } = aroundDelimiter(text);
    expect(before).toMatch(/^Hi Priya,\n\nI hope all is well at Novare Health\./);
    expect(before).not.toMatch(/Best,/);
    expect(after).toMatch(/^--[\s\S]*Sam Seller[\s\S]*Acme Analytics$/);
    await page.close();
  });
});

const JORDAN_URL = 'https://www.linkedin.com/in/member-1c94d076fa/';

describe('LinkedIn dialog: the channel’s limit and a live count; the relationship and headline shape the text', () => {
  it('counts against a message or a connection note, refuses a note over 300, and redrafts for a customer', async () => {
    await serve(browser.context, `${JORDAN_URL}**`, fixture('linkedin/profile-2024-07-full.html'));
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://www.linkedin.com',
    });
    await seed(browser, { me: { ...ME, product: 'Acme Insights' } });
    const page = await browser.context.newPage();
    await page.goto(JORDAN_URL);
    await page.getByRole('button', { name: /^Ask for referral/ }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Jordan for a referral' });
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toContain('Hi Jordan,');
    // The headline makes the ask specific: his role and company, not a text any profile would get.
    await expect(draft.inputValue()).resolves.toContain('As Tech Education Lead at Morgan Mbeki');
    const count = dialog.getByText(/^\d+ of /);
    // The page offers Message: a message, up to 8,000 characters.
    await expect.poll(() => count.textContent()).toMatch(/^\d+ of 8,000 characters \(message\)$/);
    const length = (await draft.inputValue()).length;
    expect(length).toBeGreaterThan(300);

    const logged = (await readStore(browser, 'outreach')).length;
    await dialog.getByRole('combobox', { name: 'Sent as' }).selectOption('connection-note');
    await expect
      .poll(() => count.textContent())
      .toBe(`${length} of 300 characters: ${length - 300} over the limit of a connection note`);
    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/^Too long for a connection note: it takes at most 300 characters/);
    // Refused: nothing copied is logged.
    await expect(readStore(browser, 'outreach')).resolves.toHaveLength(logged);
    // Typing updates the count at once.
    await draft.fill('Hi Jordan, who should I meet at Morgan Mbeki? Thanks, Sam');
    await expect.poll(() => count.textContent()).toBe('57 of 300 characters (connection note)');

    // Customer: the ask is redrafted as a customer's (what working with us is like), not a stranger's.
    await dialog.getByRole('combobox', { name: 'Relationship' }).selectOption('customer');
    await expect.poll(() => draft.inputValue()).toMatch(/You know first-hand what working with Acme Analytics is like/);
    await expect(dialog.getByRole('combobox', { name: 'Template' }).inputValue()).resolves.toBe(
      'builtin:referral-ask:linkedin:customer',
    );
    await page.close();
  });
});

describe('German browser: the form and above the signature', () => {
  it('asks in German, inserts above Gmail’s "-- " line without „Viele Grüße“, and keeps the product', async () => {
    const german = await launchExtension({ locale: 'de-DE' });
    try {
      await serve(german.context, `${GMAIL}**`, fixture('hand-made/gmail/compose-signature.html'));
      await seed(german, { me: ME });
      const page = await german.context.newPage();
      await page.goto(GMAIL);
      const frame = privateFrame(page);
      await page.getByRole('button', { name: /^Vorlage einfügen/ }).click();
      await frame.getByRole('menuitem', { name: 'Bitte um Empfehlung' }).click();
      const dialog = frame.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Firma der Person' }).fill('Novare Health');
      await dialog.getByRole('textbox', { name: 'Ihr Produkt' }).fill('Acme Insights');
      await dialog.getByRole('button', { name: /^Einfügen/ }).click();

      await expect.poll(() => bodyText(page, GMAIL_BODY)).toMatch(/Hallo Priya,/);
      const text = await bodyText(page, GMAIL_BODY);
      expect(text).not.toContain('{{');
      const { before, after } = aroundDelimiter(text);
      expect(before).toMatch(/^Hallo Priya,\n\nich hoffe, bei Novare Health ist alles in Ordnung\. .*Acme Insights/);
      // The compose carries a signature: the template's own sign-off is left out.
      expect(before).not.toMatch(/Viele Grüße/);
      expect(after).toMatch(/^--[\s\S]*Sam Seller/);
      const settings = await readStore<StoredSettings>(german, 'settings');
      expect(settings.find((row) => row.key === 'settings')?.value.me?.product).toBe('Acme Insights');
      await page.close();
    } finally {
      await german.close();
    }
  });
});
