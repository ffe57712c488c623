import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Contact, Outreach, Quota } from '../../src/shared/model.ts';
import { openOptions } from './dashboard-steps.ts';
import { seedDataset } from './dataset.ts';
import { launchExtension, openPopup, readStore, type ExtensionBrowser } from './harness.ts';

/**
 * Referrals are leads, and the thank-you names them (issue 15), in the real popup: recording
 * "Helped: referral" asks whom, the referred person appears with the next step (the introduction
 * request to the referrer, double opt-in, with a blurb to forward), and the thank-you note to the
 * referrer names the person referred; copying it marks the thanks given, with an undo. English and
 * German browsers.
 */

const browsers: ExtensionBrowser[] = [];

afterAll(async () => {
  for (const browser of browsers) await browser.close();
});

const JORDAN: Contact = {
  id: 'contact-jordan',
  fullName: 'Jordan Blake',
  firstName: 'Jordan',
  company: 'Northwind',
  relationship: 'customer',
  createdAt: Date.now() - 90 * 86_400_000,
  updatedAt: Date.now() - 90 * 86_400_000,
};

async function seeded(locale?: string): Promise<ExtensionBrowser> {
  const browser = await launchExtension(locale ? { locale } : {});
  browsers.push(browser);
  const now = Date.now();
  const today = new Date(now);
  const quota: Quota = {
    periodKind: 'custom',
    periodStart: `${today.getFullYear()}-01-01`,
    periodEnd: `${today.getFullYear()}-12-31`,
    target: 240_000,
    currency: 'USD',
    closedBaseline: 130_000,
    averageDealSize: 12_000,
  };
  const ask: Outreach = {
    id: 'ask-jordan',
    idempotencyKey: 'ask-jordan',
    contactId: JORDAN.id,
    contactName: JORDAN.fullName,
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: 'Hi Jordan, would anyone come to mind?',
    createdAt: now - 60_000,
    status: 'awaiting',
  };
  await seedDataset(browser, { quota, contacts: [JORDAN], outreach: [ask], thanks: [] });
  return browser;
}

interface Words {
  recordFor: string;
  outcome: string;
  referral: string;
  save: string;
  name: string;
  company: string;
  reach: string;
  nameMissing: string;
  reachInvalid: string;
  leads: string;
  nextIntro: string;
  nextMeeting: string;
  draftIntro: string;
  introRequest: string;
  blurb: string;
  introduced: string;
  draftThanks: string;
  note: string;
  named: string;
  copy: string;
  copied: string;
  undo: string;
  owed: string;
  markThanked: string;
}

const EN: Words = {
  recordFor: 'Record outcome for Jordan Blake',
  outcome: 'Outcome',
  referral: 'Helped: referral',
  save: 'Save outcome',
  name: 'Name of the person referred',
  company: 'Their company',
  reach: 'Their email or LinkedIn URL',
  nameMissing: 'Enter the name of the person they referred.',
  reachInvalid: 'Enter an email address or a LinkedIn profile URL (linkedin.com/in/…), or leave it empty.',
  leads: 'Referred leads',
  nextIntro: 'Next: ask Jordan to introduce you to Maria Lopez.',
  nextMeeting: 'Next: book a meeting with Maria Lopez.',
  draftIntro: 'Draft introduction request for Maria Lopez',
  introRequest: 'Introduction request (to the referrer)',
  blurb: 'Blurb to forward',
  introduced: 'Introduction to Maria Lopez made',
  draftThanks: 'Draft thank-you to Jordan Blake',
  note: 'Thank-you note',
  named: 'Thank you for referring me to Maria Lopez at Acme. Thank you as well for introducing me to Maria Lopez.',
  copy: 'Copy note',
  copied: 'Copied. Jordan Blake is marked as thanked.',
  undo: 'Undo: Jordan Blake not thanked yet',
  owed: 'Thank-yous owed',
  markThanked: 'Mark Jordan Blake thanked',
};

const DE: Words = {
  recordFor: 'Ergebnis für Jordan Blake erfassen',
  outcome: 'Ergebnis',
  referral: 'Geholfen: Empfehlung',
  save: 'Ergebnis speichern',
  name: 'Name der empfohlenen Person',
  company: 'Ihr Unternehmen',
  reach: 'Ihre E-Mail oder LinkedIn-URL',
  nameMissing: 'Geben Sie den Namen der empfohlenen Person ein.',
  reachInvalid:
    'Geben Sie eine E-Mail-Adresse oder eine LinkedIn-Profil-URL (linkedin.com/in/…) ein, oder lassen Sie das Feld leer.',
  leads: 'Empfohlene Kontakte',
  nextIntro: 'Nächster Schritt: Jordan um eine Vorstellung bei Maria Lopez bitten.',
  nextMeeting: 'Nächster Schritt: einen Termin mit Maria Lopez vereinbaren.',
  draftIntro: 'Bitte um Vorstellung für Maria Lopez entwerfen',
  introRequest: 'Bitte um Vorstellung (an die empfehlende Person)',
  blurb: 'Text zum Weiterleiten',
  introduced: 'Maria Lopez wurde vorgestellt',
  draftThanks: 'Dankeschön an Jordan Blake entwerfen',
  note: 'Dankesnachricht',
  named:
    'Vielen Dank, dass Sie mich an Maria Lopez bei Acme weiterempfohlen haben. Danke auch für die Vorstellung bei Maria Lopez.',
  copy: 'Nachricht kopieren',
  copied: 'Kopiert. Der Dank an Jordan Blake ist vermerkt.',
  undo: 'Rückgängig: Jordan Blake noch nicht gedankt',
  owed: 'Ausstehende Dankeschöns',
  markThanked: 'Dank an Jordan Blake vermerken',
};

async function popupOf(browser: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(browser);
  await popup
    .getByRole('button', { name: EN.recordFor })
    .or(popup.getByRole('button', { name: DE.recordFor }))
    .waitFor();
  return popup;
}

async function recordReferral(popup: Page, w: Words): Promise<void> {
  await popup.getByRole('button', { name: w.recordFor }).click();
  await popup.getByRole('combobox', { name: w.outcome }).selectOption({ label: w.referral });
  // Whom? Nothing is saved without a name, nor with an address that is neither email nor profile.
  await popup.getByRole('textbox', { name: w.reach }).fill('maria at acme');
  await popup.getByRole('button', { name: w.save }).click();
  await popup.getByText(w.nameMissing).waitFor();
  await popup.getByText(w.reachInvalid).waitFor();
  await popup.getByRole('textbox', { name: w.name }).fill('Maria Lopez');
  await expect.poll(() => popup.getByText(w.nameMissing).count()).toBe(0);
  await popup.getByRole('textbox', { name: w.company }).fill('Acme');
  await popup.getByRole('textbox', { name: w.reach }).fill('Maria@Acme.example');
  await expect.poll(() => popup.getByText(w.reachInvalid).count()).toBe(0);
  await popup.getByRole('button', { name: w.save }).click();
}

async function flow(browser: ExtensionBrowser, w: Words, greeting: RegExp): Promise<void> {
  const popup = await popupOf(browser);
  await recordReferral(popup, w);

  // The referred person is a lead with the next step: ask Jordan for the introduction.
  const leads = popup.getByRole('list', { name: w.leads });
  const lead = leads.getByRole('listitem').filter({ hasText: 'Maria Lopez (Acme)' });
  await lead.getByText(w.nextIntro).waitFor();
  await lead.getByRole('button', { name: w.draftIntro }).click();
  const request = await popup.getByRole('textbox', { name: w.introRequest }).inputValue();
  expect(request).toMatch(greeting);
  expect(request).toContain('Maria Lopez (Acme)');
  const blurb = await popup.getByRole('textbox', { name: w.blurb }).inputValue();
  expect(blurb.length).toBeGreaterThan(40);
  expect(request).toContain(blurb);
  await lead.getByRole('button', { name: w.introduced }).click();
  await lead.getByText(w.nextMeeting).waitFor();

  const contacts = await readStore<Contact>(browser, 'contacts');
  const maria = contacts.find((contact) => contact.fullName === 'Maria Lopez');
  expect(maria).toMatchObject({
    company: 'Acme',
    email: 'maria@acme.example',
    referredBy: JORDAN.id,
    referral: { outreachId: 'ask-jordan' },
  });

  // The thank-you owed to Jordan names the referral and the introduction.
  const owed = popup.getByRole('list', { name: w.owed });
  await owed.getByRole('button', { name: w.draftThanks }).click();
  const note = popup.getByRole('textbox', { name: w.note });
  await expect.poll(() => note.inputValue()).toContain(w.named);

  // Copying is thanking, with an undo; the logged thank-you waits for no reply.
  await popup.getByRole('button', { name: w.copy }).click();
  await popup.getByRole('status').filter({ hasText: w.copied }).waitFor();
  await expect.poll(() => owed.count()).toBe(0);
  const logged = (await readStore<Outreach>(browser, 'outreach')).filter((r) => r.kind === 'thank-you');
  expect(logged).toHaveLength(1);
  expect(logged[0]?.text).toContain(w.named);
  expect(logged[0]?.status).toBe('resolved');
  expect(logged[0]?.followUpOn).toBeUndefined();
  await popup.getByRole('button', { name: w.undo }).click();
  await owed.getByRole('button', { name: w.markThanked }).waitFor();
  expect((await readStore<Outreach>(browser, 'outreach')).filter((r) => r.kind === 'thank-you')).toHaveLength(0);
  const thanks = await readStore<{ contactId: string; status: string }>(browser, 'thanks');
  expect(thanks.filter((thank) => thank.contactId === JORDAN.id).map((thank) => thank.status)).toEqual(['owed']);
  await popup.close();
}

describe('referrals are leads, and the thank-you names them, in the popup', () => {
  it('English: records whom, shows the lead’s next step, names the referral in the note, undoes the thanks', async () => {
    await flow(await seeded(), EN, /^Hi Jordan,/);
  });

  it('German: the same flow, and the thank-you undo, in a German browser', async () => {
    await flow(await seeded('de-DE'), DE, /^Hallo Jordan,/);
  });
});

/**
 * The options log's editor asks the same "whom?" when an ask is set to "Helped: referral": nothing
 * is saved without a name, and the person saved becomes the referrer's lead in the popup.
 */
async function fromTheLog(browser: ExtensionBrowser, w: Words, edit: RegExp, save: string): Promise<void> {
  const page = await openOptions(browser);
  await page.getByRole('button', { name: edit }).click();
  const editor = page.getByRole('form', { name: /Jordan Blake/ });
  await editor.getByRole('combobox', { name: w.outcome }).selectOption({ label: w.referral });
  await editor.getByRole('button', { name: save, exact: true }).click();
  await editor.getByText(w.nameMissing).waitFor();
  const stillAwaiting = await readStore<Outreach>(browser, 'outreach');
  expect(stillAwaiting.find((record) => record.id === 'ask-jordan')?.outcome).toBeUndefined();
  await editor.getByRole('textbox', { name: w.reach }).fill('maria at acme');
  await editor.getByRole('textbox', { name: w.name }).fill('Maria Lopez');
  await editor.getByRole('button', { name: save, exact: true }).click();
  await editor.getByText(w.reachInvalid).waitFor();
  await editor.getByRole('textbox', { name: w.company }).fill('Acme');
  await editor.getByRole('textbox', { name: w.reach }).fill('https://www.linkedin.com/in/maria-lopez-acme/');
  await editor.getByRole('button', { name: save, exact: true }).click();
  await editor.waitFor({ state: 'detached' });

  const ask = (await readStore<Outreach>(browser, 'outreach')).find((record) => record.id === 'ask-jordan');
  expect(ask?.outcome).toBe('helped-referral');
  const maria = (await readStore<Contact>(browser, 'contacts')).find((contact) => contact.fullName === 'Maria Lopez');
  expect(maria).toMatchObject({
    company: 'Acme',
    linkedinUrl: 'https://www.linkedin.com/in/maria-lopez-acme/',
    referredBy: JORDAN.id,
    referral: { outreachId: 'ask-jordan' },
  });
  await page.close();

  // The popup shows her as Jordan's lead, with the next step.
  const popup = await openPopup(browser);
  const lead = popup
    .getByRole('list', { name: w.leads })
    .getByRole('listitem')
    .filter({ hasText: 'Maria Lopez (Acme)' });
  await lead.getByText(w.nextIntro).waitFor();
  await popup.close();
}

describe('referrals recorded from the options log', () => {
  it('English: the editor asks whom, refuses a bad address, and the lead is in the popup', async () => {
    await fromTheLog(await seeded(), EN, /^Edit Jordan Blake/, 'Save');
  });

  it('German: the same in a German browser', async () => {
    await fromTheLog(await seeded('de-DE'), DE, /^Jordan Blake.*bearbeiten$/, 'Speichern');
  });
});
