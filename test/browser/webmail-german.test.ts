import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { bodyText, seed } from './webmail-steps.ts';

const PAGE = 'https://mail.google.com/mail/u/0/german';
const BODY = 'div[g_editable="true"]';

let browser: ExtensionBrowser;

beforeAll(async () => {
  // A German browser (Debian's chromium-l10n): browser.i18n answers in German, and the
  // built-in templates follow its UI language.
  browser = await launchExtension({ locale: 'de-DE' });
  await serve(browser.context, `${PAGE}**`, fixture('hand-made/gmail/compose-german.html'));
  await seed(browser, {
    me: { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Insights', signature: 'Sam' },
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('Gmail compose in a German browser', () => {
  it('offers its button and menu in German and inserts the German built-in', async () => {
    const page = await browser.context.newPage();
    await page.goto(PAGE);
    const trigger = page.getByRole('button', { name: 'Vorlage einfügen', exact: true });
    await trigger.waitFor();
    await expect(trigger.getAttribute('title')).resolves.toBe('Vorlage einfügen (Alt+Shift+I)');
    await trigger.click();
    const menu = page.getByRole('menu', { name: 'Vorlagen für Jürgen Müller' });
    await menu.waitFor();
    // Groups are labelled with German kinds; the items are the German built-ins.
    await expect(menu.getByText('Bitte um Empfehlung', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(menu.getByRole('menuitem', { name: 'Nachfassen' }).isVisible()).resolves.toBe(true);
    await expect(menu.getByRole('menuitem', { name: 'Referral ask' }).count()).resolves.toBe(0);
    await menu.getByRole('menuitem', { name: 'Bitte um Empfehlung' }).click();
    await expect
      .poll(() => bodyText(page, BODY))
      .toMatch(/^Hallo Jürgen,\n\nich hoffe, bei \{\{company\}\} ist alles in Ordnung\. Ich habe eine Bitte:/);
    await expect(page.getByRole('textbox', { name: 'Betreff' }).inputValue()).resolves.toBe(
      'Eine kleine Bitte, Jürgen',
    );
    // The status line is German too, and names the gap.
    const status = page.getByRole('status').first();
    await expect
      .poll(() => status.textContent())
      .toContain('Mit Betreff eingefügt und für Jürgen Müller protokolliert.');
    await expect.poll(() => status.textContent()).toContain('Ergänzen Sie {{company}} in der Nachricht.');
    const logged = await readStore<{ text: string }>(browser, 'outreach');
    expect(logged.some((record) => record.text.startsWith('Hallo Jürgen,'))).toBe(true);
    await page.close();
  });
});
