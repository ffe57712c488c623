import browser from 'webextension-polyfill';
import { t } from '../../i18n/t.ts';
import { DAY_MS } from '../../shared/dates.ts';
import type { Contact, Outreach, Relationship } from '../../shared/model.ts';
import type { LogRow } from '../../storage/log-rows.ts';
import { getDb } from '../../storage/db.ts';
import { countOutreach, everyLogRow, everyOutreach, outreachText, outreachTexts } from '../../storage/archive.ts';
import { allContacts, outreachCreatedSince } from '../../storage/dashboard.ts';

/**
 * Everything the dashboard's views read, loaded once and shared. Outreach is listed without its
 * texts (storage/log-rows.ts `LogRow`): only the log's search and its editor need them, and
 * they read them when they do (`loadTexts`, `loadText`).
 */
export interface Book {
  outreach: LogRow[];
  contacts: Contact[];
  contactById: Map<string, Contact>;
  relationshipOf: (contactId: string) => Relationship | undefined;
}

/** The newest records and the total count: enough to show the log before everything is read. */
export interface FirstPage {
  newest: Outreach[];
  total: number;
}

/** The first page is read from this many days back (one request); a quieter book is read whole. */
const FIRST_PAGE_DAYS = 14;

export async function loadFirstPage(limit = 100, now = Date.now()): Promise<FirstPage> {
  const db = await getDb();
  const [total, lastDays] = await Promise.all([
    countOutreach(db),
    outreachCreatedSince(db, now - FIRST_PAGE_DAYS * DAY_MS),
  ]);
  const newest = lastDays.length >= limit || lastDays.length === total ? lastDays : await everyOutreach(db);
  return { newest: newest.slice(-limit).reverse(), total };
}

/** Reads everything at once; the archive is decoded after `decodeAfter` (the first rows painted). */
export async function loadBook(decodeAfter?: Promise<unknown>): Promise<Book> {
  const db = await getDb();
  // Contacts first: their small read is decoded while the browser still reads the outreach.
  const [contacts, outreach] = await Promise.all([allContacts(db), everyLogRow(db, decodeAfter)]);
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  return { outreach, contacts, contactById, relationshipOf: (id) => contactById.get(id)?.relationship };
}

/** Every record's message text by id, for the log's search (read at the first search). */
export async function loadTexts(): Promise<Map<string, string>> {
  return outreachTexts(await getDb());
}

/** One record's message text, for the log's editor. */
export async function loadText(row: LogRow): Promise<string | undefined> {
  return outreachText(await getDb(), row);
}

/**
 * After delete-all: no alarm, no badge and no setting kept outside IndexedDB (the in-page
 * buttons switch lives in extension storage) are left. Extension pages may use these APIs.
 */
export async function clearAlarmsAndBadge(): Promise<void> {
  await browser.alarms.clearAll();
  await browser.storage.local.clear();
  await browser.action.setBadgeText({ text: '' });
  await browser.notifications.clear('gap-closer:reminder').catch(() => false);
}

/** Channel names in the UI language (a map of literal keys: the locale test finds each one). */
export function channelLabels(): Record<string, string> {
  return {
    'linkedin-message': t('optionsChannelLinkedinMessage'),
    'linkedin-group': t('optionsChannelLinkedinGroup'),
    email: t('optionsChannelEmail'),
    phone: t('optionsChannelPhone'),
    'in-person': t('optionsChannelInPerson'),
    other: t('optionsChannelOther'),
  };
}
