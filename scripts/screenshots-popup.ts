// The README's popup screenshot with realistic seeded data: a quarter's quota, a year of
// outreach, today's asks, follow-ups due and thank-yous owed. Usage: npm run build && npm run screenshots
import path from 'node:path';
import { makeDataset, seedDataset } from '../test/browser/dataset.ts';
import { launchExtension, openPopup } from '../test/browser/harness.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots');
const browser = await launchExtension();
await seedDataset(
  browser,
  makeDataset({ now: new Date(), contacts: 400, history: 4_000, today: 5, due: 3, thanksOwed: 2 }),
  { recountHistory: true },
);
const popup = await openPopup(browser);
await popup.setViewportSize({ width: 360, height: 600 });
await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
// Let the popup recount the conversion history after its first paint, as it does on first use.
await popup.waitForTimeout(800);
await popup.reload();
await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
await popup.getByRole('list', { name: 'Thank-yous owed' }).waitFor();
await popup.screenshot({ path: path.join(out, 'popup-seeded.png'), fullPage: true });
await browser.close();
console.log(`popup screenshot written to ${path.relative(process.cwd(), out)}/popup-seeded.png`);
