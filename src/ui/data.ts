import browser from 'webextension-polyfill';
import type { Outcome, ThankYou } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import { renderTemplate } from '../shared/template.ts';
import { getDb } from '../storage/db.ts';
import { contactLedger, logFavour, logThankYou, recordOutreachOutcome } from '../storage/follow-through.ts';
import { getSettings } from '../storage/settings.ts';
import { allTemplates } from '../storage/templates.ts';
import { uiLocale } from '../i18n/t.ts';

/**
 * What the popup and the options page do to the data. Extension pages share the extension's
 * origin, so they write IndexedDB directly; afterwards the worker is told to redraw the badge
 * (and re-create the reminder alarm when settings changed).
 */

export async function notifyWorker(): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'reminders.refresh', payload: {} });
  } catch {
    // The badge catches up at the next worker start or alarm.
  }
}

export async function saveOutcome(outreachId: string, outcome: Outcome, wonAmount?: number): Promise<void> {
  // The stored conversion history is updated in the same transaction.
  await recordOutreachOutcome(await getDb(), outreachId, { outcome, wonAmount });
  void notifyWorker();
}

export async function markThanked(thank: Pick<ThankYou, 'contactId' | 'contactName'>, text: string): Promise<void> {
  await logThankYou(await getDb(), { contactId: thank.contactId, contactName: thank.contactName, text });
  void notifyWorker();
}

export async function saveFavour(contactId: string, note: string): Promise<void> {
  await logFavour(await getDb(), contactId, note);
}

export async function loadLedger(contactId: string, name: string) {
  const db = await getDb();
  const contact = await db.get('contacts', contactId);
  return contactLedger(db, contactId, contact?.firstName ?? firstNameOf(name));
}

/** The thank-you note and the gift idea for one person, from the user's templates or the built-ins. */
export async function draftThankYou(contactId: string, contactName: string): Promise<{ note: string; gift: string }> {
  const db = await getDb();
  const [settings, templates, contact] = await Promise.all([
    getSettings(db),
    allTemplates(db, uiLocale()),
    db.get('contacts', contactId),
  ]);
  const values = {
    firstName: contact?.firstName ?? firstNameOf(contactName),
    fullName: contact?.fullName ?? contactName,
    company: contact?.company,
    myName: settings.me.name,
    myCompany: settings.me.company,
    product: settings.me.product,
    signature: settings.me.signature,
  };
  const note = templates.find((t) => t.kind === 'thank-you' && t.channel === 'email');
  const gift = templates.find((t) => t.kind === 'thank-you' && t.channel === 'other');
  return {
    note: note ? renderTemplate(note.body, values).text : '',
    gift: gift ? renderTemplate(gift.body, values).text : '',
  };
}
