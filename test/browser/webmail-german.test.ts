import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launchExtension, readStore, serve, type ExtensionBrowser } from './harness.ts';
import { privateFrame } from './linkedin-steps.ts';
import { bodyText, seed } from './webmail-steps.ts';

const PAGE = 'https://mail.google.com/mail/u/0/german';
const BODY = 'div[g_editable="true"]';
const THREAD = 'https://mail.google.com/mail/u/0/german-thread';
const PRIYA = 'priya.natarajan@novare.example';

let browser: ExtensionBrowser;

beforeAll(async () => {
  // A German browser (Debian's chromium-l10n): browser.i18n answers in German, and the
  // built-in templates follow its UI language.
  browser = await launchExtension({ locale: 'de-DE' });
  await serve(browser.context, `${PAGE}**`, fixture('hand-made/gmail/compose-german.html'));
  await serve(browser.context, `${THREAD}**`, fixture('hand-made/gmail/thread-inline-reply.html'));
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
    // The binding as Chrome reports it, in the browser's language.
    await expect.poll(() => trigger.getAttribute('title')).toBe('Vorlage einfügen (Alt+Umschalttaste+I)');
    await trigger.click();
    const menu = privateFrame(page).getByRole('menu', { name: 'Vorlagen für Jürgen Müller' });
    await menu.waitFor();
    // Groups are labelled with German kinds; the items are the German built-ins.
    await menu.getByRole('menuitem', { name: 'Bitte um Empfehlung' }).waitFor(); // past "Loading…"
    await expect(menu.getByText('Bitte um Empfehlung', { exact: true }).first().isVisible()).resolves.toBe(true);
    await expect(menu.getByRole('menuitem', { name: 'Nachfassen' }).isVisible()).resolves.toBe(true);
    await expect(menu.getByRole('menuitem', { name: 'Referral ask' }).count()).resolves.toBe(0);
    await menu.getByRole('menuitem', { name: 'Bitte um Empfehlung' }).click();
    // Jürgen's company is not in the log: a German form asks for it before anything is inserted.
    const form = privateFrame(page).getByRole('dialog');
    await form.getByRole('textbox', { name: 'Firma der Person' }).waitFor();
    await expect(form.getByRole('textbox').count()).resolves.toBe(1);
    await expect(bodyText(page, BODY)).resolves.not.toMatch(/Hallo/);
    await form.getByRole('textbox', { name: 'Firma der Person' }).fill('Müller Maschinenbau');
    await form.getByRole('button', { name: /^Einfügen/ }).click();
    await expect
      .poll(() => bodyText(page, BODY))
      .toMatch(/^Hallo Jürgen,\n\nich hoffe, bei Müller Maschinenbau ist alles in Ordnung\. Ich habe eine Bitte:/);
    await expect(bodyText(page, BODY)).resolves.not.toContain('{{');
    await expect(page.getByRole('textbox', { name: 'Betreff' }).inputValue()).resolves.toBe(
      'Eine kleine Bitte, Jürgen',
    );
    // The status line is German too.
    const status = page.getByRole('status').first();
    await expect
      .poll(() => status.textContent())
      .toContain(
        'Mit Betreff für Jürgen Müller eingefügt. Es zählt als gesendet, sobald Sie es aus diesem Fenster senden.',
      );
    // Where to say once what a good referral looks like: the options' "You" section.
    await expect.poll(() => status.textContent()).toContain('unter „Ihr Profil und die Schaltflächen auf Webseiten“');
    // Drafted until the user presses “Senden” in this window.
    await page.getByRole('button', { name: /^Senden/ }).click();
    await expect.poll(async () => (await readStore(browser, 'outreach')).length).toBe(1);
    const logged = await readStore<{ text: string }>(browser, 'outreach');
    expect(logged.some((record) => record.text.startsWith('Hallo Jürgen,'))).toBe(true);
    await page.close();
  });

  it('records a win with the amount written the German way (4.200,50)', async () => {
    await seed(browser, {
      contacts: [{ id: 'contact-priya', fullName: 'Priya Natarajan', firstName: 'Priya', email: PRIYA }],
      outreach: [
        {
          id: 'ask-priya-de',
          idempotencyKey: 'ask-priya-de-key',
          contactId: 'contact-priya',
          contactName: 'Priya Natarajan',
          kind: 'referral-ask',
          channel: 'email',
          text: 'Hallo Priya',
          createdAt: Date.now() + 60_000,
          status: 'awaiting',
        },
      ],
    });
    const page = await browser.context.newPage();
    await page.goto(THREAD);
    const action = page.getByRole('button', { name: 'Ergebnis festhalten' });
    await action.waitFor();
    await action.click();
    await privateFrame(page).getByRole('menuitem', { name: 'Gewonnen… (Betrag eingeben)' }).click();
    const amount = privateFrame(page).getByRole('textbox', { name: 'Gewonnener Betrag' });
    // English grouping in a German UI is refused with the German way to write it.
    await amount.fill('4,200.50');
    await privateFrame(page).getByRole('button', { name: 'Abschluss speichern' }).click();
    await expect
      .poll(() => amount.evaluate((input: HTMLInputElement) => input.validationMessage))
      .toBe('Geben Sie den gewonnenen Betrag ein (größer als null). Schreiben Sie Zahlen wie 1.234,5 oder 1234,5.');
    await amount.fill('4.200,50');
    await privateFrame(page).getByRole('button', { name: 'Abschluss speichern' }).click();
    await expect
      .poll(() => privateFrame(page).getByRole('status').textContent())
      .toBe('Für Priya Natarajan festgehalten: gewonnen 4.200,5 (als abgeschlossen gezählt).');
    const record = (await readStore<{ id: string; wonAmount?: number }>(browser, 'outreach')).find(
      (item) => item.id === 'ask-priya-de',
    );
    expect(record).toMatchObject({ wonAmount: 4200.5 });
    await page.close();
  });
});
