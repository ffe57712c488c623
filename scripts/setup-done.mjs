// The last step of `npm run setup`: says where the builds are and how to load them.
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chrome = path.join(root, 'dist');
const firefox = path.join(root, 'dist-firefox', 'manifest.json');
for (const built of [chrome, firefox]) {
  if (!existsSync(built)) {
    console.error(`Set-up did not finish: ${built} is missing.`);
    process.exit(1);
  }
}
console.log(`
Gap Closer is built. Load it:
  Chrome / Chromium: chrome://extensions → Developer mode on → Load unpacked → ${chrome}
  Firefox:           about:debugging#/runtime/this-firefox → Load Temporary Add-on… → ${firefox}
Then pin it to the toolbar, open its popup (Alt+Shift+G) and set your quota.
Run every test with: npm test`);
