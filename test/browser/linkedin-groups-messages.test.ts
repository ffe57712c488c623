import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchExtension, openPopup, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { completeFirstRun } from './popup-steps.ts';
import { siteClicks, watchSiteClicks, privateFrame } from './linkedin-steps.ts';

interface StoredOutreach {
  contactName: string;
  kind: string;
  channel: string;
  text: string;
  targetUrl?: string;
}

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
  await watchSiteClicks(browser.context);
  await serve(
    browser.context,
    'https://www.linkedin.com/groups/9876543/**',
    fixture('hand-made/linkedin/group-page.html'),
  );
  await serve(
    browser.context,
    'https://www.linkedin.com/messaging/thread/**',
    fixture('hand-made/linkedin/messaging-thread.html'),
  );
  await serve(
    browser.context,
    'https://www.linkedin.com/feed/**',
    fixture('hand-made/linkedin/feed-with-message-bubble.html'),
  );
  await serve(
    browser.context,
    'https://www.linkedin.com/mynetwork/**',
    fixture('hand-made/linkedin/message-bubble-in-shadow-root.html'),
  );
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
  const popup = await openPopup(browser);
  await completeFirstRun(popup, { name: 'Sam Seller', company: 'Acme Analytics' });
  await popup.close();
});

afterAll(async () => {
  await browser?.close();
});

/** The site's paragraphs in a compose box, as the editor holds them. */
function paragraphs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.msg-form__contenteditable p')].map((p) => (p as HTMLElement).innerText.trim()),
  );
}

describe('LinkedIn group (hand-made page)', () => {
  it('drafts a value-first post, copies it and logs it as a group outreach', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/groups/9876543/');
    await page.getByRole('button', { name: 'Ask this group for help' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Ask Sales Leaders Network for help' });
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toContain('A question for Sales Leaders Network');
    // No product set yet: the dialog asks for it before anything is copied.
    await dialog.getByRole('textbox', { name: 'Your product' }).fill('Acme Insights');
    await dialog.getByRole('button', { name: 'Insert into the draft' }).click();
    await expect.poll(() => draft.inputValue()).not.toContain('{{');
    const text = await draft.inputValue();
    await dialog.getByRole('button', { name: 'Copy and log' }).click();
    await dialog.getByText(/^Copied\. Paste it into “Start a post”/).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(text);
    // Shared in the group, then “Sent”: the post counts from here.
    await dialog.getByRole('button', { name: 'Sent', exact: true }).click();
    await dialog.getByText('Counted as sent.').waitFor();
    const logged = await readStore<StoredOutreach>(browser, 'outreach');
    expect(logged.filter((record) => record.kind === 'group-post')).toEqual([
      expect.objectContaining({
        contactName: 'Sales Leaders Network',
        channel: 'linkedin-group',
        targetUrl: 'https://www.linkedin.com/groups/9876543/',
        text,
      }),
    ]);
    await expect(siteClicks(page)).resolves.toEqual([]);
    await page.close();

    // The product typed into the form is the user's own: kept, so the next draft is not asked for it.
    const settings = await readStore<{ key: string; value: { me?: { product?: string } } }>(browser, 'settings');
    expect(settings.find((row) => row.key === 'settings')?.value.me?.product).toBe('Acme Insights');
    const again = await browser.context.newPage();
    await again.goto('https://www.linkedin.com/groups/9876543/');
    await again.getByRole('button', { name: 'Ask this group for help' }).click();
    const next = privateFrame(again).getByRole('dialog', { name: 'Ask Sales Leaders Network for help' });
    const nextDraft = next.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => nextDraft.inputValue()).toContain('Acme Insights');
    await expect(next.getByRole('textbox', { name: 'Your product' }).count()).resolves.toBe(0);
    await again.close();
  });
});

describe('LinkedIn message boxes (hand-made pages)', () => {
  it('inserts a template at the caret of the messaging page box, as paragraphs, and logs it', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/messaging/thread/2-abc/');
    const editor = page.getByRole('textbox', { name: 'Write a message…' });
    await editor.click();
    await page.keyboard.type('Quick one: ');
    await page.getByRole('button', { name: 'Insert template' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Message to Casey Morgan' });
    await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Ask for help (LinkedIn)' });
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Casey,\n\nI'd value your advice/);
    const text = await draft.inputValue();
    await dialog.getByRole('button', { name: 'Insert and log' }).click();

    const lines = text.split('\n');
    // The draft starts on its own line: a greeting is never run into the words before the caret.
    await expect.poll(() => paragraphs(page)).toEqual(['Quick one:', ...lines]);
    // The caret ends after the inserted text, in the editor, ready for the user to review.
    const caret = await page.evaluate(() => {
      const selection = document.getSelection();
      const editorElement = document.querySelector('.msg-form__contenteditable');
      return {
        inEditor: Boolean(editorElement?.contains(selection?.anchorNode ?? null)),
        text: selection?.anchorNode?.textContent,
      };
    });
    expect(caret).toEqual({ inEditor: true, text: 'Sam Seller' });
    // Typing goes on from there, and the editor's undo history knows the insertion.
    await page.keyboard.type('!');
    await expect.poll(async () => (await paragraphs(page)).at(-1)).toBe('Sam Seller!');
    // The editor's own undo takes the typing and the whole insertion back, and redo brings the
    // insertion back: the text went in through the editor's command, not behind its back.
    // Chromium keeps the typing as its own step or folds it into the insertion depending on
    // timing, so up to two presses.
    for (let press = 0; press < 2 && (await paragraphs(page)).length > 1; press++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(150);
    }
    await expect.poll(() => paragraphs(page)).toEqual(['Quick one:']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await paragraphs(page)).at(-1)).toMatch(/^Sam Seller!?$/);
    // Inserted is drafted; the user marks it sent in the popup's list of drafts not sent yet.
    const drafted = await readStore<StoredOutreach>(browser, 'drafts');
    expect(drafted.find((record) => record.contactName === 'Casey Morgan')).toMatchObject({ kind: 'favour-ask', text });
    const popup = await openPopup(browser);
    const drafts = popup.getByRole('list', { name: 'Drafts not sent yet' });
    await drafts.getByRole('button', { name: 'Mark sent: Casey Morgan' }).click();
    await popup.getByText('Marked sent: Casey Morgan.').waitFor();
    await popup.close();
    const logged = await readStore<StoredOutreach>(browser, 'outreach');
    expect(logged.find((record) => record.contactName === 'Casey Morgan')).toMatchObject({
      kind: 'favour-ask',
      channel: 'linkedin-message',
      text,
    });
    const contacts = await readStore<{ fullName: string; linkedinUrl?: string }>(browser, 'contacts');
    expect(contacts.find((contact) => contact.fullName === 'Casey Morgan')?.linkedinUrl).toBe(
      'https://www.linkedin.com/in/casey-morgan/',
    );
    await expect(page.evaluate(() => (window as unknown as { __siteClicks: string[] }).__siteClicks)).resolves.toEqual(
      [],
    );
    await expect(siteClicks(page)).resolves.toEqual([]);
    await page.close();
  });

  it('counts an inserted message as sent when its text appears in the conversation, not before', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/messaging/thread/2-abc/');
    await page.getByRole('textbox', { name: 'Write a message…' }).click();
    await page.getByRole('button', { name: 'Insert template' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Message to Casey Morgan' });
    const draft = dialog.getByRole('textbox', { name: 'Draft message' });
    await expect.poll(() => draft.inputValue()).toMatch(/^Hi Casey,/);
    const text = await draft.inputValue();
    await dialog.getByRole('button', { name: 'Insert and log' }).click();
    await expect.poll(async () => (await paragraphs(page))[0]).toBe('Hi Casey,');
    const asksToCasey = async () =>
      (await readStore<StoredOutreach>(browser, 'outreach')).filter((r) => r.contactName === 'Casey Morgan').length;
    const before = await asksToCasey();
    await expect(readStore(browser, 'drafts')).resolves.toHaveLength(1);
    // LinkedIn renders a message that is not ours: nothing counts.
    const render = (lines: string[]) =>
      page.evaluate((paragraphs) => {
        const item = document.createElement('li');
        item.className = 'msg-s-message-list__event';
        for (const line of paragraphs) item.appendChild(document.createElement('p')).textContent = line;
        document.querySelector('.msg-s-message-list')?.append(item);
      }, lines);
    await render(['Hi Casey, something else entirely.']);
    await page.waitForTimeout(600);
    expect(await asksToCasey()).toBe(before);
    // The user sends it: LinkedIn shows the sent message, as paragraphs, in the conversation.
    await render(text.split('\n').filter(Boolean));
    await expect.poll(asksToCasey).toBe(before + 1);
    await expect(readStore(browser, 'drafts')).resolves.toEqual([]);
    await expect(siteClicks(page)).resolves.toEqual([]);
    await page.close();
  });

  it('works in the overlay bubble on the feed', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/feed/');
    await page.getByRole('textbox', { name: 'Write a message…' }).focus();
    await page.getByRole('button', { name: 'Insert template' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Message to Dana Li' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Dana,/);
    await dialog.getByRole('button', { name: 'Insert and log' }).click();
    await expect.poll(async () => (await paragraphs(page))[0]).toBe('Hi Dana,');
    await expect(page.getByRole('button', { name: 'Insert template' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('works in an editor inside the #interop-outlet shadow root', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.linkedin.com/mynetwork/');
    await page.getByRole('textbox', { name: 'Write a message…' }).click();
    await page.getByRole('button', { name: 'Insert template' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Message to Rowan Park' });
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Draft message' }).inputValue()).toMatch(/^Hi Rowan,/);
    await dialog.getByRole('button', { name: 'Insert and log' }).click();
    await expect
      .poll(() =>
        page.evaluate(() =>
          [
            ...(document
              .getElementById('interop-outlet')
              ?.shadowRoot?.querySelectorAll('.msg-form__contenteditable p') ?? []),
          ]
            .map((p) => (p as HTMLElement).innerText.trim())
            .at(0),
        ),
      )
      .toBe('Hi Rowan,');
    const drafted = await readStore<StoredOutreach>(browser, 'drafts');
    expect(drafted.some((record) => record.contactName === 'Rowan Park')).toBe(true);
    await page.close();
  });
});
