import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataset, seedDataset } from './dataset.ts';
import { alarms, dumpAll, localStorageItems, firstDifference, openOptions, storeCounts } from './dashboard-steps.ts';
import { launchExtension, type ExtensionBrowser } from './harness.ts';

let browser: ExtensionBrowser;

beforeEach(async () => {
  browser = await launchExtension();
  await seedDataset(
    browser,
    makeDataset({ now: new Date(), contacts: 60, history: 400, today: 4, due: 3, thanksOwed: 2 }),
  );
});
afterEach(async () => {
  await browser.close();
});

describe('options page: your data', () => {
  it('a malformed backup is refused with a clear message and nothing changes', async () => {
    const page = await openOptions(browser);
    const before = await dumpAll(page);
    const input = page.getByLabel('Restore from a backup file');

    await input.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "gap-closer-backup", '),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^This file is not valid JSON \(line 1, column \d+\)\. Nothing was changed\.$/);

    // Well-formed JSON, one invalid record among hundreds: all or nothing, and it says where.
    const backup = JSON.parse(before) as Record<string, Record<string, unknown>[]>;
    (backup.outreach as Record<string, unknown>[])[5] = { ...backup.outreach?.[5], kind: 'bribe' };
    const file = { format: 'gap-closer-backup', version: 1, schemaVersion: 3, exportedAt: '', stores: backup };
    await input.setInputFiles({
      name: 'tampered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('This backup has 1 invalid record, so nothing was changed: Outreach #6, kind: unknown outreach kind.');
    expect(await page.getByRole('button', { name: 'Replace my data with this backup' }).count()).toBe(0);
    expect(firstDifference(before, await dumpAll(page))).toBeUndefined();
  });

  it('export → delete all → import gives identical data in every store and the in-page switch; delete-all clears the alarms', async () => {
    const page = await openOptions(browser);
    // The in-page switch lives in storage.local; the backup carries it beside the stores.
    await page.getByRole('checkbox', { name: /^Show Gap Closer buttons on LinkedIn pages/ }).uncheck();
    await expect.poll(() => localStorageItems(page)).toEqual({ inPageButtons: false });
    // Let the worker finish its start-up writes (reminder state) before taking the reference dump.
    await expect.poll(async () => (await alarms(page)).length).toBeGreaterThan(0);
    const before = await dumpAll(page);
    expect(storeCounts(before)).toMatchObject({ contacts: 60, thanks: 2 });

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download full backup' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^gap-closer-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = readFileSync(await download.path());
    // The file holds what was in the database: every store as dumped before the export (the
    // worker may have added its own settings row, such as the reminder state, in between).
    const stores = (JSON.parse(backup.toString('utf8')) as { stores: Record<string, { key?: string }[]> }).stores;
    const exported = JSON.stringify(
      Object.fromEntries(
        Object.keys(stores)
          .sort()
          .map((name) => [name, stores[name]]),
      ),
    );
    // Drafts not sent are not in backups (they are not sent asks); this book has none.
    expect((JSON.parse(before) as { drafts?: unknown[] }).drafts ?? []).toEqual([]);
    const mine = (dump: string) => ({
      ...(JSON.parse(dump) as Record<string, unknown>),
      settings: undefined,
      drafts: undefined,
    });
    expect(mine(exported)).toEqual(mine(before));
    const settingKeys = (dump: string) =>
      ((JSON.parse(dump) as { settings: { key: string }[] }).settings ?? []).map((row) => row.key);
    // All but the rows the worker derives (the named queue and the plan's pipeline figures), which
    // backups leave out.
    const derived = ['queue', 'queueAll', 'planFacts'];
    expect(settingKeys(exported)).toEqual(
      expect.arrayContaining(settingKeys(before).filter((key) => !derived.includes(key))),
    );
    expect(settingKeys(exported).filter((key) => derived.includes(key))).toEqual([]);

    expect(JSON.parse(backup.toString('utf8')).preferences).toEqual({ inPageButtons: false });
    await page.getByRole('button', { name: 'Delete all my data…' }).click();
    const confirm = page.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await confirm.click();
    await page.getByText('All your data, settings and reminders were deleted.').waitFor();
    expect(Object.values(storeCounts(await dumpAll(page))).every((n) => n === 0)).toBe(true);
    expect(await alarms(page)).toEqual([]);
    expect(await localStorageItems(page)).toEqual({});
    await page.getByText('0 of 0 records').waitFor();

    await page
      .getByLabel('Restore from a backup file')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
    const preview = page.getByRole('table', { name: /What restoring backup\.json changes/ });
    await preview.waitFor();
    expect(
      await preview
        .getByRole('row', { name: /^Contacts/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['0', '60', '60', '0', '0', '0']);
    await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
    await page.getByText(/^Restored [\d,]+ records from backup\.json\.$/).waitFor();
    expect(await localStorageItems(page)).toEqual({ inPageButtons: false });
    // After the restore every store is exactly what was exported: same records, fields and order.
    // The rows the worker may add when told the data changed: its reminder state, and the named
    // queue it recomputes (derived, so not in backups).
    const restored = JSON.parse(await dumpAll(page)) as Record<string, { key?: string }[]>;
    const exportedKeys = new Set(settingKeys(exported));
    expect(
      (restored.settings ?? [])
        .map((row) => row.key)
        .filter((key) => !exportedKeys.has(key ?? '') && !['reminders', ...derived].includes(key ?? '')),
    ).toEqual([]);
    restored.settings = (restored.settings ?? []).filter((row) => exportedKeys.has(row.key ?? ''));
    // A restore empties the drafts (not in backups).
    expect(restored.drafts ?? []).toEqual([]);
    delete restored.drafts;
    const after = JSON.stringify(restored);
    expect(firstDifference(exported, after)).toBeUndefined();
    expect(after === exported).toBe(true);
    await page.getByText(`${storeCounts(before).outreach} of ${storeCounts(before).outreach} records`).waitFor();
  });

  it('CSV: contacts export has CRM headers; a generic CSV import maps columns, previews, reports bad rows and upserts', async () => {
    const page = await openOptions(browser);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download contacts CSV' }).click();
    const csv = readFileSync(await (await downloading).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFFirst Name,Last Name,Email Address,Company Name,Job Title,LinkedIn URL,Relationship,Notes,Gap Closer ID,Created',
    );
    expect(csv.split('\r\n')).toHaveLength(62); // header, 60 contacts, final line end

    const outreachDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download outreach CSV' }).click();
    expect(readFileSync(await (await outreachDownload).path(), 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFID,Created,Contact,Contact ID,Kind,Channel,Text,Potential value,Follow-up on,Status,Outcome,Won amount,Outcome at,Target URL',
    );

    const before = storeCounts(await dumpAll(page));
    const file = [
      'Given name,Surname,E-mail,Organisation,Profile,Phone',
      'Ada,Lovelace,ada@engines.test,Analytical Engines,https://www.linkedin.com/in/ada-l/,+44 1',
      'Grace,Hopper,not-an-email,Navy,,',
      '=cmd,Evil,evil@x.test,"=HYPERLINK(""http://x"")",,',
      'Avery,Lindqvist,,,https://www.linkedin.com/in/person-0/,',
    ].join('\r\n');
    await page
      .getByLabel('Import contacts or deals')
      .setInputFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    // The mapping guessed from the header; "Organisation" and "Profile" are set by hand.
    expect(await page.getByLabel('Column “Given name”').inputValue()).toBe('firstName');
    expect(await page.getByLabel('Column “Phone”').inputValue()).toBe('');
    await page.getByLabel('Column “Organisation”').selectOption('company');
    await page.getByLabel('Column “Profile”').selectOption('linkedinUrl');
    await page.getByText('3 rows ready to import. 1 row left out').waitFor();
    expect(await page.getByRole('list', { name: 'Rows left out' }).textContent()).toBe(
      'Row 2: Email: not an email address',
    );
    const preview = page.getByRole('table', { name: 'Preview (first 5 rows)' });
    expect(await preview.getByRole('row').nth(1).textContent()).toBe(
      'Ada Lovelaceada@engines.testAnalytical Engineshttps://www.linkedin.com/in/ada-l/',
    );
    // The row with person-0's profile says what the book already holds: unchanged, not written.
    expect(
      await page.getByRole('table', { name: 'What the import changes' }).getByRole('row').nth(1).textContent(),
    ).toBe('Contacts201');
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported crm.csv: 2 added, 0 changed.').waitFor();
    const contacts = JSON.parse(await dumpAll(page)).contacts as {
      fullName: string;
      company?: string;
      linkedinUrl?: string;
    }[];
    expect(contacts).toHaveLength((before.contacts ?? 0) + 2);
    expect(contacts.find((c) => c.fullName === '=cmd Evil')?.company).toBe('=HYPERLINK("http://x")');
    expect(contacts.find((c) => c.linkedinUrl === 'https://www.linkedin.com/in/person-0/')?.fullName).toBe(
      'Avery Lindqvist',
    );
  });

  it('a large contacts CSV is imported with a progress bar', async () => {
    const page = await openOptions(browser);
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `Person,Number ${i},person${i}@bulk.test,"Bulk, Inc.",Buyer ${'x'.repeat(40)}`,
    );
    const csv = ['First Name,Last Name,Email Address,Company Name,Job Title', ...rows].join('\r\n');
    expect(csv.length).toBeGreaterThan(512 * 1024);
    // Every value the progress bar shows, recorded as the page renders it.
    await page.evaluate(() => {
      const seen: number[] = [];
      (globalThis as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Import progress"]');
        if (bar && seen.at(-1) !== bar.value) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page
      .getByLabel('Import contacts or deals')
      .setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('6,000 rows ready to import.').waitFor();
    await page.getByRole('button', { name: 'Import 6,000 rows' }).click();
    await page.getByText('Imported bulk.csv: 6,000 added, 0 changed.').waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.some((value) => value > 0 && value < 100)).toBe(true);
    expect(storeCounts(await dumpAll(page)).contacts).toBe(6060);
  });
});
