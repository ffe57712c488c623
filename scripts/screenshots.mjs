// Takes the README's screenshots: the built extension in Chromium on the saved LinkedIn page.
// Usage: npm run build && node scripts/screenshots.mjs
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const out = path.join(root, 'docs/screenshots');
const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'gc-shots-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
await context.route(/^https?:\/\//, (route) => route.abort());
await context.route('https://www.linkedin.com/in/jordan-whitfield/**', (route) =>
  route.fulfill({
    contentType: 'text/html',
    body: readFileSync(path.join(root, 'test/fixtures/linkedin/profile-2024-07-full.html'), 'utf8'),
  }),
);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8'));

const popup = await context.newPage();
await popup.setViewportSize({ width: 360, height: 600 });
await popup.goto(`chrome-extension://${id}/${manifest.action.default_popup}`);
await popup.screenshot({ path: path.join(out, 'popup-first-run.png') });
await popup.getByLabel('Quota target').fill('120000');
await popup.getByLabel('Closed so far').fill('45000');
await popup.getByLabel('Average deal size').fill('12000');
await popup.getByLabel('Your name').fill('Sam Seller');
await popup.getByLabel('Your company').fill('Acme Analytics');
await popup.getByRole('button', { name: 'Start closing the gap' }).click();
await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();

const page = await context.newPage();
await page.goto('https://www.linkedin.com/in/jordan-whitfield/');
await page.getByRole('button', { name: /^Ask for referral/ }).click();
await page.getByRole('dialog').getByRole('textbox').waitFor();
await page.waitForFunction(() => document.querySelector('gap-closer')?.shadowRoot?.querySelector('textarea')?.value);
await page.screenshot({ path: path.join(out, 'linkedin-draft.png') });
await page.getByRole('button', { name: 'Copy and log' }).click();
await page.waitForTimeout(300);

await popup.reload();
await popup.getByRole('list', { name: "Today's outreach" }).waitFor();
await popup.screenshot({ path: path.join(out, 'popup-today.png') });
await context.close();
console.log(`screenshots written to ${path.relative(root, out)}/`);
