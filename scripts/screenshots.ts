// The README's screenshots: the built extension in Chromium on the saved LinkedIn page.
// Usage: npm run build && npm run screenshots
import path from 'node:path';
import { fixture, launchExtension, openPopup, serve } from '../test/browser/harness.ts';
import { completeFirstRun } from '../test/browser/popup-steps.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const browser = await launchExtension();
await serve(
  browser.context,
  'https://www.linkedin.com/in/member-1c94d076fa/**',
  fixture('linkedin/profile-2024-07-full.html'),
);

const popup = await openPopup(browser);
await popup.setViewportSize({ width: 360, height: 600 });
await popup.screenshot({ path: path.join(out, 'popup-first-run.png') });
await completeFirstRun(popup, {
  target: '120000',
  closed: '45000',
  averageDealSize: '12000',
  name: 'Sam Seller',
  company: 'Acme Analytics',
});

const page = await browser.context.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto('https://www.linkedin.com/in/member-1c94d076fa/');
await page.getByRole('button', { name: /^Ask for referral/ }).click();
await page.waitForFunction(() => document.querySelector('gap-closer')?.shadowRoot?.querySelector('textarea')?.value);
await page.screenshot({ path: path.join(out, 'linkedin-draft.png') });
await page.getByRole('button', { name: 'Copy and log' }).click();
await page.getByText(/^Copied and logged|^Logged/).waitFor();

await popup.reload();
await popup.getByRole('list', { name: "Today's outreach" }).waitFor();
await popup.screenshot({ path: path.join(out, 'popup-today.png') });
await browser.close();
console.log(`screenshots written to ${path.relative(process.cwd(), out)}/`);
