import type { Me, Outcome, ThankYou } from '../shared/model.ts';
import { firstNameOf } from '../shared/names.ts';
import { renderTemplate } from '../shared/template.ts';
import { getDb } from '../storage/db.ts';
import { notifyWorker } from '../messaging/client.ts';
import { contactLedger } from '../storage/follow-through.ts';
import * as writes from '../storage/page-writes.ts';
import { getQuota, getSettings } from '../storage/settings.ts';
import { allTemplates } from '../storage/templates.ts';
import { uiLocale } from '../i18n/t.ts';
import { nameTheHelp } from '../shared/thank-you-note.ts';
import type { ReferredPerson } from '../shared/referrals.ts';
import { helpFactsFor, referredLeads, type LeadStep, type LeadView } from '../storage/referrals.ts';

/**
 * What the popup and the options page do to the data: writes through the checked page-write
 * service (src/storage/page-writes.ts), after which the worker is told to redraw the badge.
 */

export async function saveOutcome(
  outreachId: string,
  outcome: Outcome,
  wonAmount?: number,
  referral?: ReferredPerson,
): Promise<void> {
  await writes.saveOutcome({ outreachId, outcome, wonAmount, ...(referral && { referral }) });
  void notifyWorker();
}

/** Referred leads with their referrer and where each chain stands. */
export async function loadLeads(): Promise<{ leads: LeadView[]; me: Me }> {
  const db = await getDb();
  const [leads, settings] = await Promise.all([referredLeads(db), getSettings(db)]);
  return { leads, me: settings.me };
}

export async function markLeadStep(leadId: string, step: LeadStep, done: boolean): Promise<void> {
  await writes.markLeadStep({ leadId, step, done });
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
  const [contact, quota] = await Promise.all([db.get('contacts', contactId), getQuota(db)]);
  // The currency goes along for the referrer's credit ("won 1 ($24,000)").
  return {
    ...(await contactLedger(db, contactId, contact?.firstName ?? firstNameOf(name))),
    currency: quota?.currency ?? 'USD',
  };
}

/** The thank-you note and the gift idea for one person, from the user's templates or the built-ins. */
export async function draftThankYou(contactId: string, contactName: string): Promise<{ note: string; gift: string }> {
  const db = await getDb();
  const locale = uiLocale().toLowerCase().startsWith('de') ? 'de' : 'en';
  const [settings, templates, contact, helps] = await Promise.all([
    getSettings(db),
    allTemplates(db, uiLocale()),
    db.get('contacts', contactId),
    helpFactsFor(db, contactId, locale),
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
    // The note names the help: whom they referred and how it went, the introduction, the advice.
    note: note ? nameTheHelp(renderTemplate(note.body, values).text, helps, note.locale ?? 'en') : '',
    gift: gift ? renderTemplate(gift.body, values).text : '',
  };
}
