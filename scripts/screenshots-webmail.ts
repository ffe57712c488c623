// The README's webmail screenshot: the built extension in Chromium, the template menu open in
// a Gmail compose window (the hand-made current-layout page, with a little CSS standing in for
// Gmail's own so the dialog looks like one). Usage: npm run build && npx tsx scripts/screenshots-webmail.ts
import path from 'node:path';
import { fixture, launchExtension, serve } from '../test/browser/harness.ts';
import { seed } from '../test/browser/webmail-steps.ts';

const out = path.resolve(import.meta.dirname, '../docs/screenshots/gmail-template-menu.png');
const GMAIL_LOOK = `
  body { margin: 0; font: 14px Arial, sans-serif; background: #f6f8fc; }
  [role="main"] { padding: 24px 32px; color: #444; }
  .aeF { font-size: 18px; }
  .nH.Hd { position: fixed; right: 24px; bottom: 0; width: 560px; background: #fff;
    border-radius: 8px 8px 0 0; box-shadow: 0 8px 24px rgb(0 0 0 / 0.25); overflow: hidden; }
  h2.a3E { margin: 0; padding: 10px 16px; background: #f2f6fc; font-size: 14px; font-weight: 500; }
  form { margin: 0 16px; }
  .aoD { border-bottom: 1px solid #eee; padding: 8px 0; display: flex; gap: 8px; align-items: center; }
  .afV { background: #e8eaed; border-radius: 12px; padding: 2px 10px; }
  .agP, .aoT { border: 0; outline: 0; font: inherit; flex: 1; }
  table { border-collapse: collapse; width: 100%; }
  .Ap { padding: 8px 16px; }
  .Am { min-height: 260px; outline: 0; }
  .gmail_signature { color: #777; }
  tr.btC td { padding: 10px 8px 14px 16px; vertical-align: middle; }
  .T-I.aoO { background: #0b57d0; color: #fff; border-radius: 18px; padding: 9px 22px; font-weight: 600; display: inline-block; }
  td.oc, td.a0z, td.az5 { width: 32px; }
  .J-J5-Ji { display: inline-block; vertical-align: middle; }
`;

const browser = await launchExtension();
try {
  await serve(browser.context, 'https://mail.google.com/mail/u/0/**', fixture('hand-made/gmail/compose-chips.html'));
  await seed(browser, {
    me: { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' },
    contacts: [
      {
        id: 'contact-jordan',
        fullName: 'Jordan Whitfield',
        firstName: 'Jordan',
        email: 'jordan.whitfield@morgan-mbeki.example',
        company: 'Morgan Mbeki',
        relationship: 'customer',
      },
    ],
  });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto('https://mail.google.com/mail/u/0/#inbox?compose=new');
  await page.addStyleTag({ content: GMAIL_LOOK });
  await page.locator('div[g_editable="true"]').click();
  await page.keyboard.press('Control+Home');
  await page.getByRole('button', { name: /^Insert template/ }).click();
  await page.getByRole('menuitem', { name: 'Referral ask' }).waitFor();
  await page.screenshot({ path: out });
  console.log(`screenshot written to ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
