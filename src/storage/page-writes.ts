import * as v from 'valibot';
import {
  PAGE_WRITE_SCHEMAS,
  type CheckedPageWrite,
  type PageWrite,
  type PageWriteType,
} from '../messaging/page-writes.ts';
import { invalidPayloadMessage } from '../messaging/validate.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { Outreach } from '../shared/model.ts';
import { deleteOutreach, deleteTemplate, editContact, editOutreach, saveTemplate } from './dashboard.ts';
import { getDb } from './db.ts';
import { abortQuietly } from './errors.ts';
import { recordImpediment, setDealState } from './deals.ts';
import { logFavour, logThankYou, recordOutreachOutcome, undoThankYou } from './follow-through.ts';
import { actOnQueueLine, saveDraftWebmail } from './queue.ts';
import { markLeadStep as setLeadStep } from './referrals.ts';
import { mergeContacts, refuseSamePerson, undoMerge } from './merge-contacts.ts';

/**
 * The one write path of the extension's pages. The popup and the options page change data only
 * through these functions; each checks its payload against the page-write contract before it
 * opens a transaction, so an invalid one is refused with the router's wording and writes nothing.
 * The worker's writes arrive as messages, checked by the router against the message contract,
 * and reach the same storage functions underneath (recordOutreachOutcome, logOutreach, …).
 */

/** A page's write refused before anything was written; the message names the field. */
export class InvalidWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWriteError';
  }
}

export function checkPageWrite<T extends PageWriteType>(type: T, payload: unknown): CheckedPageWrite<T> {
  const parsed = v.safeParse(PAGE_WRITE_SCHEMAS[type], payload);
  if (!parsed.success) throw new InvalidWriteError(`${invalidPayloadMessage(type, parsed.issues)} Nothing was saved.`);
  return parsed.output as CheckedPageWrite<T>;
}

/** An outcome from the popup or the follow-through list (a win carries its amount). */
export async function saveOutcome(input: PageWrite<'outreach.setOutcome'>): Promise<Outreach | undefined> {
  const { outreachId, outcome, wonAmount, referral } = checkPageWrite('outreach.setOutcome', input);
  // The stored conversion history (and a referred lead) is updated in the same transaction.
  return recordOutreachOutcome(await getDb(), outreachId, {
    outcome,
    wonAmount,
    referral: referral && withoutUndefined(referral),
  });
}

/** A referred lead's next step marked done or taken back. */
export async function markLeadStep(input: PageWrite<'lead.step'>): Promise<void> {
  const { leadId, step, done } = checkPageWrite('lead.step', input);
  await setLeadStep(await getDb(), leadId, step, done);
}

/** The dashboard's edit of one outreach: outcome (null: awaiting), amount, follow-up date. */
export async function saveOutreachEdit(input: PageWrite<'outreach.edit'>): Promise<void> {
  const { id, referral, ...edit } = checkPageWrite('outreach.edit', input);
  await editOutreach(await getDb(), id, { ...edit, referral: referral && withoutUndefined(referral) });
}

export async function removeOutreach(input: PageWrite<'outreach.delete'>): Promise<void> {
  const { id } = checkPageWrite('outreach.delete', input);
  await deleteOutreach(await getDb(), id);
}

/** "Mark thanked": logs the thank-you and clears every thank-you owed to the person. */
export async function markThanked(input: PageWrite<'thanks.mark'>): Promise<Outreach> {
  return (await logThankYou(await getDb(), checkPageWrite('thanks.mark', input))).outreach;
}

/** Undo of "mark thanked": the logged thank-you removed, the thank-yous it cleared owed again. */
export async function undoThanked(input: PageWrite<'thanks.undo'>): Promise<number> {
  return undoThankYou(await getDb(), checkPageWrite('thanks.undo', input).outreachId);
}

/** "I helped them", for the goodwill ledger. */
export async function saveFavour(input: PageWrite<'favour.log'>): Promise<void> {
  const { contactId, note } = checkPageWrite('favour.log', input);
  await logFavour(await getDb(), contactId, note);
}

/** The user's own fields of a contact: relationship and notes. */
export async function saveContactEdit(input: PageWrite<'contact.edit'>): Promise<void> {
  const { id, relationship, notes } = checkPageWrite('contact.edit', input);
  await editContact(await getDb(), id, { relationship, notes });
}

/** "Merge" on a suggestion: one contact with both histories. Returns the merge's record id (for undo). */
export async function mergeSamePerson(input: PageWrite<'contact.merge'>): Promise<string> {
  const { keepId, dropId } = checkPageWrite('contact.merge', input);
  return (await mergeContacts(await getDb(), keepId, dropId, 'confirmed')).record.id;
}

export async function refuseMerge(input: PageWrite<'contact.notSame'>): Promise<void> {
  const { a, b } = checkPageWrite('contact.notSame', input);
  await refuseSamePerson(await getDb(), a, b);
}

export async function undoContactMerge(input: PageWrite<'contact.undoMerge'>): Promise<void> {
  await undoMerge(await getDb(), checkPageWrite('contact.undoMerge', input).mergeId);
}

export async function storeTemplate(input: PageWrite<'template.save'>): Promise<void> {
  const template = checkPageWrite('template.save', input);
  if (template.subject === undefined) delete template.subject;
  if (template.locale === undefined) delete template.locale;
  await saveTemplate(await getDb(), template);
}

export async function removeTemplate(input: PageWrite<'template.delete'>): Promise<void> {
  const { id } = checkPageWrite('template.delete', input);
  await deleteTemplate(await getDb(), id);
}

/** Settings, quota and pace rows (any of them) in one transaction: all saved or none. */
export async function saveSettingsRows(input: PageWrite<'settings.save'>): Promise<void> {
  const { settings, quota, pace } = checkPageWrite('settings.save', input);
  const db = await getDb();
  const tx = db.transaction('settings', 'readwrite');
  try {
    await Promise.all([
      settings && tx.store.put({ key: 'settings', value: settings }),
      quota && tx.store.put({ key: 'quota', value: withoutUndefined(quota) }),
      pace && tx.store.put({ key: 'pace', value: pace }),
      tx.done,
    ]);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Your name, company, product and signature; the rest of the stored settings is kept. */
export async function saveMe(input: PageWrite<'settings.saveMe'>): Promise<void> {
  const me = checkPageWrite('settings.saveMe', input);
  const db = await getDb();
  // Read and write in one transaction: nothing else saved meanwhile (conversion, switches) is lost.
  const tx = db.transaction('settings', 'readwrite');
  try {
    const row = await tx.store.get('settings');
    const current = row?.key === 'settings' ? row.value : DEFAULT_SETTINGS;
    await tx.store.put({ key: 'settings', value: { ...current, me } });
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/** Skip today, snooze 2 weeks or not a fit on a line of the named queue. */
export async function actOnQueue(input: PageWrite<'queue.act'>, now = new Date()): Promise<void> {
  const { lineId, action } = checkPageWrite('queue.act', input);
  await actOnQueueLine(await getDb(), lineId, action, now);
}

/** Which webmail "Draft email" opens. */
export async function chooseDraftWebmail(input: PageWrite<'queue.webmail'>): Promise<void> {
  const { webmail } = checkPageWrite('queue.webmail', input);
  await saveDraftWebmail(await getDb(), webmail);
}

/** What the user learned stands in the way of a stalled deal, with a note and the next step. */
export async function saveImpediment(input: PageWrite<'deal.recordImpediment'>): Promise<void> {
  const { id, kind, note, nextStep } = checkPageWrite('deal.recordImpediment', input);
  const trimmed = note?.trim();
  await recordImpediment(await getDb(), id, { kind, ...(trimmed ? { note: trimmed } : {}), at: Date.now() }, nextStep);
}

/** Open, won (counts in the quota period of today) or lost. */
export async function saveDealState(input: PageWrite<'deal.setState'>): Promise<void> {
  const { id, state } = checkPageWrite('deal.setState', input);
  await setDealState(await getDb(), id, state);
}

/** Optional fields left out rather than stored as `undefined` (a backup compares records exactly). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** The manager brief's choices, replacing the stored ones. */
export async function saveBriefSettings(input: PageWrite<'brief.save'>): Promise<void> {
  const checked = checkPageWrite('brief.save', input);
  const db = await getDb();
  await db.put('settings', {
    key: 'brief',
    value: {
      ...(checked.keepablePerDay !== undefined ? { keepablePerDay: checked.keepablePerDay } : {}),
      help: checked.help,
    },
  });
}
