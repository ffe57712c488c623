// The README's dashboard screenshots with realistic seeded data: the analytics view and the
// manager brief as it prints. Usage: npm run build && npx tsx scripts/screenshots-dashboard.ts
import path from 'node:path';
import { makeDataset, seedDataset } from '../test/browser/dataset.ts';
import { openOptions } from '../test/browser/dashboard-steps.ts';
import { launchExtension } from '../test/browser/harness.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const browser = await launchExtension();
await seedDataset(
  browser,
  makeDataset({ now: new Date(), contacts: 400, history: 4_000, today: 5, due: 3, thanksOwed: 2 }),
);
const page = await openOptions(browser);
await page.setViewportSize({ width: 1100, height: 900 });
const analytics = page.locator('#analytics');
await analytics.locator('canvas').first().waitFor();
await analytics.screenshot({ path: path.join(out, 'dashboard-analytics.png') });

await page.emulateMedia({ media: 'print' });
await page.locator('#manager-brief').screenshot({ path: path.join(out, 'manager-brief.png') });
await browser.close();
console.log(`dashboard screenshots written to ${path.relative(process.cwd(), out)}/`);
