import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outreach, Template } from '../../src/shared/model.ts';
import { archiveSeeded, makeDataset, seedDataset, type Dataset } from './dataset.ts';
import { dumpAll, localStorageItems, openOptions } from './dashboard-steps.ts';
import { launchExtension, readStore, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;

/** Every outreach record as stored, the indexed store's and the archive's. */
async function everyOutreach(page: Page): Promise<Outreach[]> {
  return (JSON.parse(await dumpAll(page)) as { outreach: Outreach[] }).outreach;
}
let data: Dataset;

beforeAll(async () => {
  browser = await launchExtension();
  data = makeDataset({ now: new Date(), contacts: 60, history: 600, today: 4, due: 3, thanksOwed: 2 });
  await seedDataset(browser, data);
  // Most of this book is archived (storage v4): edits, deletes and timelines reach into the archive.
  await archiveSeeded(browser, data);
});
afterAll(async () => {
  await browser.close();
});

describe('options page: the dashboard', () => {
  it('log: filter by kind, channel and outcome, search, sort, edit an outcome and follow-up, delete', async () => {
    const page = await openOptions(browser);
    const total = data.outreach.length;
    const count = page.getByTestId('log-count');
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total} records`);
    // Windowed: a few dozen rows in the DOM, each knowing its place in the whole list.
    const rows = page.getByRole('list', { name: 'Outreach', exact: true }).getByRole('listitem');
    expect(await rows.count()).toBeLessThan(40);
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(total));

    const log = page.getByRole('search', { name: 'Filter the outreach log' });
    await log.getByLabel('Kind').selectOption('upsell');
    const upsells = data.outreach.filter((r) => r.kind === 'upsell').length;
    await expect.poll(() => count.textContent()).toBe(`${upsells} of ${total} records`);
    await log.getByLabel('Outcome').selectOption('won');
    const wonUpsells = data.outreach.filter((r) => r.kind === 'upsell' && r.outcome === 'won');
    await expect.poll(() => count.textContent()).toBe(`${wonUpsells.length} of ${total} records`);
    await log.getByRole('button', { name: 'Clear filters' }).click();
    await log.getByLabel('Channel').selectOption('linkedin-group');
    const groupPosts = data.outreach.filter((r) => r.channel === 'linkedin-group').length;
    await expect.poll(() => count.textContent()).toBe(`${groupPosts} of ${total} records`);
    await log.getByRole('button', { name: 'Clear filters' }).click();

    const who = data.contacts[7]?.fullName ?? '';
    await log.getByLabel('Search').fill(who);
    const theirs = data.outreach.filter((r) => r.contactName === who);
    await expect.poll(() => count.textContent()).toBe(`${theirs.length} of ${total} records`);
    await log.getByLabel('Sort').selectOption('oldest');
    const oldest = [...theirs].sort((a, b) => a.createdAt - b.createdAt)[0] as Outreach;

    // Edit the oldest — archived, so not in the indexed store — won 4,200, follow up on a date;
    // the store has exactly that.
    expect((await readStore<Outreach>(browser, 'outreach')).some((r) => r.id === oldest.id)).toBe(false);
    await rows
      .first()
      .getByRole('button', { name: /^Edit / })
      .click();
    const editor = page.getByRole('form', { name: /^Edit: / });
    await editor.getByLabel('Outcome').selectOption('won');
    await editor.getByLabel(/^Amount won/).fill('4,200');
    await editor.getByLabel('Follow up on').fill('2031-01-15');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    // The oldest record was archived; edited, it is back in the indexed store.
    const stored = (await readStore<Outreach>(browser, 'outreach')).find((r) => r.id === oldest.id);
    expect(stored).toMatchObject({ outcome: 'won', wonAmount: 4200, followUpOn: '2031-01-15', status: 'resolved' });

    // A date range narrows further; then delete that record for good.
    await log.getByLabel('From').fill(new Date(oldest.createdAt).toLocaleDateString('en-CA'));
    await log.getByLabel('To', { exact: true }).fill(new Date(oldest.createdAt).toLocaleDateString('en-CA'));
    const sameDay = theirs.filter(
      (r) => new Date(r.createdAt).toDateString() === new Date(oldest.createdAt).toDateString(),
    ).length;
    await expect.poll(() => count.textContent()).toBe(`${sameDay} of ${total} records`);
    await rows
      .first()
      .getByRole('button', { name: /^Edit / })
      .click();
    await editor.getByRole('button', { name: 'Delete…' }).click();
    await editor.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => count.textContent()).toBe(`${sameDay - 1} of ${total - 1} records`);
    expect((await everyOutreach(page)).some((r) => r.id === oldest.id)).toBe(false);
    await page.close();
  });

  it('log: keyboard only — tab to a row, open its editor, cancel', async () => {
    const page = await openOptions(browser);
    const firstEdit = page
      .getByRole('list', { name: 'Outreach', exact: true })
      .getByRole('button', { name: /^Edit / })
      .first();
    await firstEdit.focus();
    await page.keyboard.press('Enter');
    const editor = page.getByRole('form', { name: /^Edit: / });
    await editor.waitFor();
    await editor.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await page.close();
  });

  it('log: lists records without their texts, searches the texts and shows an archived one in its editor', async () => {
    const page = await openOptions(browser);
    // As the tests before left the book (one record deleted).
    const records = await everyOutreach(page);
    const total = records.length;
    const count = page.getByTestId('log-count');
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total} records`);
    const log = page.getByRole('search', { name: 'Filter the outreach log' });
    const rows = page.getByRole('list', { name: 'Outreach', exact: true }).getByRole('listitem');

    // The oldest record of all is archived; its editor reads its text from the archive.
    await log.getByLabel('Sort').selectOption('oldest');
    const oldest = [...records].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))[0] as Outreach;
    expect((await readStore<Outreach>(browser, 'outreach')).some((r) => r.id === oldest.id)).toBe(false);
    await rows
      .first()
      .getByRole('button', { name: /^Edit / })
      .click();
    const editor = page.getByRole('form', { name: /^Edit: / });
    await expect.poll(() => editor.locator('.sent-text').textContent()).toBe(oldest.text);
    await editor.getByRole('button', { name: 'Cancel' }).click();

    // "Zara," is in message texts ("Hi Zara, …") and in no name: only a search of the texts finds it.
    const first = data.contacts[3]?.firstName ?? '';
    const query = `${first},`;
    const inTexts = records.filter((r) => r.text.toLowerCase().includes(query.toLowerCase())).length;
    expect(inTexts).toBeGreaterThan(0);
    expect(records.some((r) => r.contactName.toLowerCase().includes(query.toLowerCase()))).toBe(false);
    await log.getByRole('button', { name: 'Clear filters' }).click();
    await log.getByLabel('Search').fill(query);
    await expect.poll(() => count.textContent()).toBe(`${inTexts} of ${total} records`);
    await page.close();
  });

  it('contacts: search, open one, see the ledger and timeline, set relationship and notes', async () => {
    const page = await openOptions(browser);
    const contact = data.contacts[1];
    if (!contact) throw new Error('no contact');
    const section = page.locator('#contacts');
    await section.getByLabel('Search contacts').fill(contact.fullName);
    await section.getByRole('button', { name: `Open ${contact.fullName}` }).click();
    const asks = data.outreach.filter((r) => r.contactId === contact.id);
    const timeline = section.getByRole('list', { name: `Timeline with ${contact.fullName}` });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(asks.length);
    const ledger = section.getByRole('table', { name: `Goodwill ledger with ${contact.firstName}` });
    await expect
      .poll(() =>
        ledger
          .getByRole('row', { name: /^Thank-yous owed/ })
          .getByRole('cell')
          .textContent(),
      )
      .toBe(String(data.thanks.filter((t) => t.contactId === contact.id && t.status === 'owed').length));
    await section.locator('.contact-detail').getByLabel('Relationship').selectOption('family');
    await section.getByLabel('Notes').fill('Met at the chamber breakfast');
    await section.getByRole('button', { name: 'Save contact' }).click();
    await section.getByText('Saved.').waitFor();
    const stored = (await readStore<{ id: string; relationship?: string; notes?: string }>(browser, 'contacts')).find(
      (c) => c.id === contact.id,
    );
    expect(stored).toMatchObject({ relationship: 'family', notes: 'Met at the chamber breakfast' });
    await page.close();
  });

  it('templates: edit a built-in with the palette and live preview, unknown placeholders flagged, LinkedIn limit, duplicate, reset', async () => {
    const page = await openOptions(browser);
    const section = page.locator('#templates');
    await section.getByRole('button', { name: 'Referral ask (LinkedIn)' }).click();
    const editor = section.getByRole('form', { name: 'Built-in: Referral ask (LinkedIn)' });
    const body = editor.getByLabel('Body');
    await body.fill('Hi {{firstName}} from {{compnay}}');
    await body.press('End');
    await editor.getByRole('button', { name: '{{company}}' }).click();
    expect(await body.inputValue()).toBe('Hi {{firstName}} from {{compnay}}{{company}}');
    expect(await editor.getByTestId('template-preview').textContent()).toBe(
      'Hi Jordan from {{compnay}}Northwind Traders',
    );
    expect(await editor.getByRole('alert').textContent()).toContain('Unknown placeholder: {{compnay}}');
    await body.fill(`Hi {{firstName}}, ${'x'.repeat(300)}`);
    expect(await editor.getByRole('list', { name: 'Length' }).textContent()).toContain(
      'Connection request note: 311 / 300 — 11 too long',
    );
    await body.fill('Hi {{firstName}}, a short note.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await section.getByText('Referral ask (LinkedIn)').first().waitFor();
    await expect
      .poll(async () => (await readStore<Template>(browser, 'templates')).map((t) => [t.id, t.body]))
      .toEqual([['builtin:referral-ask:linkedin', 'Hi {{firstName}}, a short note.']]);

    const edited = section.getByRole('form', { name: 'Built-in: Referral ask (LinkedIn)' });
    await edited.getByRole('button', { name: 'Duplicate' }).click();
    await section.getByRole('button', { name: 'Referral ask (LinkedIn) (copy)' }).waitFor();
    await section.getByRole('button', { name: 'Referral ask (LinkedIn)', exact: true }).click();
    await section.getByRole('button', { name: 'Reset to built-in' }).click();
    await expect
      .poll(async () => (await readStore<Template>(browser, 'templates')).map((t) => t.name))
      .toEqual(['Referral ask (LinkedIn) (copy)']);
    await page.close();
  });

  it('analytics and the manager brief: charts with tables, plain sentences, print shows only the brief', async () => {
    const page = await openOptions(browser);
    const analytics = page.locator('#analytics');
    await analytics.locator('canvas').first().waitFor();
    expect(await analytics.getByRole('img', { name: /^Asks per day from / }).count()).toBe(1);
    await analytics.getByText('Asks per day as a table').click();
    expect(await analytics.getByRole('table', { name: 'Asks per day' }).getByRole('row').count()).toBeGreaterThan(80);
    const byKind = analytics.getByRole('table', { name: 'Funnel per kind' });
    expect(await byKind.getByRole('rowheader').allTextContents()).not.toHaveLength(0);
    await analytics.getByLabel('Period').selectOption('365');
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    from.setDate(from.getDate() - 364);
    // Earlier tests edited the log: count what is stored now.
    const yearAsks = (await everyOutreach(page)).filter(
      (r) => r.kind !== 'follow-up' && r.kind !== 'thank-you' && r.createdAt >= from.getTime(),
    ).length;
    await expect
      .poll(() => analytics.getByText(/^All asks: /).textContent())
      .toMatch(new RegExp(`^All asks: ${yearAsks} asked`));
    expect(
      await analytics.getByRole('table', { name: 'Closed by kind of ask' }).getByRole('row').count(),
    ).toBeGreaterThan(1);

    const brief = page.locator('#manager-brief');
    for (const title of [
      'Activity',
      'Conversion',
      'Where closed revenue came from',
      'Weeks without prospecting',
      'Needed pace and a pace I can keep',
    ])
      await brief.getByRole('heading', { name: title }).waitFor();
    expect(await brief.getByText(/^Closed before I started logging in this tool: /).textContent()).toBe(
      'Closed before I started logging in this tool: $95,000.',
    );
    expect(await brief.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await brief.isVisible()).toBe(true);
    expect(await page.locator('#log').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(false);
    expect(await brief.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('you and in-page buttons: details that fill templates are saved, the LinkedIn buttons switch off', async () => {
    const page = await openOptions(browser);
    const section = page.locator('#you');
    await section.getByLabel('Your name').fill('Sam Seller');
    await section.getByLabel('Your company').fill('Acme Analytics');
    await section.getByLabel('Your product or service').fill('Acme Insights');
    await section.getByRole('button', { name: 'Save your details' }).click();
    await section.getByText('Saved.').waitFor();
    const rows = await readStore<{ key: string; value: { me?: Record<string, string> } }>(browser, 'settings');
    expect(rows.find((row) => row.key === 'settings')?.value.me).toEqual({
      name: 'Sam Seller',
      company: 'Acme Analytics',
      product: 'Acme Insights',
      signature: '',
    });
    const toggle = section.getByRole('checkbox', { name: /^Show Gap Closer buttons on LinkedIn pages/ });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.press('Space');
    await expect.poll(() => localStorageItems(page)).toEqual({ inPageButtons: false });
    await page.close();
  });

  it('axe-core finds no accessibility violations on the options page (with an editor and a preview open)', async () => {
    const page = await openOptions(browser);
    await page.locator('#analytics canvas').first().waitFor();
    await page
      .getByRole('list', { name: 'Outreach', exact: true })
      .getByRole('button', { name: /^Edit / })
      .first()
      .click();
    await page.locator('#templates').getByRole('button', { name: 'Referral ask', exact: true }).click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(20);
    await page.close();
  });

  it('nothing the dashboard did reached the network', async () => {
    const page = await openOptions(browser);
    await dumpAll(page);
    expect(browser.requests.filter((url) => /^https?:/.test(url))).toEqual([]);
    await page.close();
  });
});
