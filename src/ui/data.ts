import type { Outcome, ThankYou } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import { renderTemplate } from '../shared/template.ts';
import { getDb } from '../storage/db.ts';
import { notifyWorker } from '../messaging/client.ts';
import { contactLedger } from '../storage/follow-through.ts';
import * as writes from '../storage/page-writes.ts';
import { getSettings } from '../storage/settings.ts';
import { allTemplates } from '../storage/templates.ts';
import { uiLocale } from '../i18n/t.ts';

/**
 * What the popup and the options page do to the data: writes through the checked page-write
 * service (src/storage/page-writes.ts), after which the worker is told to redraw the badge.
 */

export async function saveOutcome(outreachId: string, outcome: Outcome, wonAmount?: number): Promise<void> {
  await writes.saveOutcome({ outreachId, outcome, wonAmount });
  void notifyWorker();
}

/** Logs the thank-you; the id of the logged note is what an undo takes back. */
export async function markThanked(thank: Pick<ThankYou, 'contactId' | 'contactName'>, text: string): Promise<string> {
  const logged = await writes.markThanked({ contactId: thank.contactId, contactName: thank.contactName, text });
  void notifyWorker();
  return logged.id;
}

export async function undoThanked(outreachId: string): Promise<void> {
  await writes.undoThanked({ outreachId });
  void notifyWorker();
}

export async function saveFavour(contactId: string, note: string): Promise<void> {
  await writes.saveFavour({ contactId, note });
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
