import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';

const JUERGEN_URL = 'https://www.linkedin.com/in/juergen-gross/';
let browser: ExtensionBrowser;

beforeAll(async () => {
  // A browser whose interface language is German: browser.i18n follows it.
  browser = await launchExtension({ locale: 'de-DE' });
  await serve(browser.context, `${JUERGEN_URL}**`, fixture('hand-made/linkedin/profile-2024-german.html'));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
});

afterAll(async () => {
  await browser?.close();
});

describe('LinkedIn in a German browser', () => {
  it('labels the buttons and the dialog in German', async () => {
    const page = await browser.context.newPage();
    await page.goto(JUERGEN_URL);
    await page.getByRole('button', { name: 'Um Hilfe bitten' }).waitFor();
    await page.getByRole('button', { name: 'Um Empfehlung bitten' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Jürgen um eine Empfehlung bitten' });
    const draft = dialog.getByRole('textbox', { name: 'Nachrichtenentwurf' });
    await expect.poll(() => draft.inputValue()).toContain('Jürgen');
    await expect(dialog.getByRole('combobox', { name: 'Beziehung' }).count()).resolves.toBe(1);
    await expect(dialog.getByRole('combobox', { name: 'Vorlage' }).count()).resolves.toBe(1);
    await expect(dialog.getByRole('button', { name: 'Kopieren und protokollieren' }).count()).resolves.toBe(1);
    // The channel's limit and a live count, in German numbers and words; over the limit is said plainly.
    const count = dialog.getByText(/^\d+ von /);
    await expect.poll(() => count.textContent()).toMatch(/^\d+ von 8\.000 Zeichen \(Nachricht\)$/);
    await dialog.getByRole('combobox', { name: 'Senden als' }).selectOption('connection-note');
    await draft.fill('x'.repeat(301));
    await expect
      .poll(() => count.textContent())
      .toBe('301 von 300 Zeichen: 1 über der Grenze für Kontaktanfrage-Notiz');
    await dialog.getByRole('button', { name: 'Kopieren und protokollieren' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/^Zu lang für Kontaktanfrage-Notiz: höchstens 300 Zeichen, dieser Entwurf hat 1 zu viel\./);
    await dialog.getByRole('combobox', { name: 'Beziehung' }).selectOption('customer');
    await dialog.getByText('Gespeichert: Kunde.').waitFor();
    // The upsell is offered inside the private dialog; the page's buttons stay the same for everyone.
    await dialog.getByRole('combobox', { name: 'Worum bitten' }).selectOption({ label: 'Zusatzangebot' });
    const upsell = privateFrame(page).getByRole('dialog', { name: 'Bei Jürgen nachfragen' });
    await expect
      .poll(() => upsell.getByRole('textbox', { name: 'Nachrichtenentwurf' }).inputValue())
      .toContain('Jürgen');
    await expect(page.getByRole('button', { name: 'Zusatzangebot' }).count()).resolves.toBe(0);
    await page.close();
  });

  it('copies a draft, then “Gesendet” counts it as sent, once', async () => {
    const page = await browser.context.newPage();
    await page.goto(JUERGEN_URL);
    await page.getByRole('button', { name: 'Um Empfehlung bitten' }).click();
    const dialog = privateFrame(page).getByRole('dialog', { name: 'Jürgen um eine Empfehlung bitten' });
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Nachrichtenentwurf' }).inputValue())
      .toContain('Jürgen');
    // Nothing set up yet (no first run): the dialog asks for the user's own values before copying.
    for (const gap of await dialog.locator('input[type="text"]').all()) await gap.fill('Muster');
    await dialog.getByRole('button', { name: 'In den Entwurf einfügen' }).click();
    await expect
      .poll(() => dialog.getByRole('textbox', { name: 'Nachrichtenentwurf' }).inputValue())
      .not.toContain('{{');
    await dialog.getByRole('button', { name: 'Kopieren und protokollieren' }).click();
    await dialog.getByText(/^Kopiert\. Fügen Sie den Text in Ihre Nachricht an Jürgen ein/).waitFor();
    await expect(readStore(browser, 'outreach')).resolves.toEqual([]);
    await expect(readStore(browser, 'drafts')).resolves.toHaveLength(1);
    await dialog.getByRole('button', { name: 'Gesendet', exact: true }).click();
    await dialog.getByText('Als gesendet gezählt.').waitFor();
    await expect(readStore(browser, 'outreach')).resolves.toEqual([
      expect.objectContaining({ contactName: 'Jürgen Groß', kind: 'referral-ask', status: 'awaiting' }),
    ]);
    await expect(readStore(browser, 'drafts')).resolves.toEqual([]);
    await page.close();
  });
});
