import browser from 'webextension-polyfill';
import { t } from '../../i18n/t.ts';
import type { Contact, Outreach, Relationship } from '../../shared/model.ts';
import { getDb } from '../../storage/db.ts';
import { allContacts, allOutreach } from '../../storage/dashboard.ts';

/** Everything the dashboard's views read, loaded once and shared. */
export interface Book {
  outreach: Outreach[];
  contacts: Contact[];
  contactById: Map<string, Contact>;
  relationshipOf: (contactId: string) => Relationship | undefined;
}

/** The newest records and the total count: enough to show the log before everything is read. */
export interface FirstPage {
  newest: Outreach[];
  total: number;
}

export async function loadFirstPage(limit = 100): Promise<FirstPage> {
  const db = await getDb();
  const tx = db.transaction('outreach');
  const newest: Outreach[] = [];
  const [total] = await Promise.all([
    tx.store.count(),
    (async () => {
      let cursor = await tx.store.index('byCreatedAt').openCursor(null, 'prev');
      while (cursor && newest.length < limit) {
        newest.push(cursor.value);
        cursor = await cursor.continue();
      }
    })(),
  ]);
  return { newest, total };
}

/**
 * Every outreach record, oldest first. Read as several time slices at once: the browser reads
 * the next slice from disk while this page decodes the previous one.
 */
async function readAllOutreach(slices = 4): Promise<Outreach[]> {
  const db = await getDb();
  const index = db.transaction('outreach').store.index('byCreatedAt');
  const [oldest, newest] = await Promise.all([index.openCursor(null, 'next'), index.openCursor(null, 'prev')]);
  if (!oldest || !newest) return [];
  const from = oldest.value.createdAt;
  const span = newest.value.createdAt - from;
  if (span <= 0) return allOutreach(db);
  const parts = await Promise.all(
    Array.from({ length: slices }, (_, i) => {
      const lower = from + (span * i) / slices;
      const upper = from + (span * (i + 1)) / slices;
      return db.getAllFromIndex(
        'outreach',
        'byCreatedAt',
        i === slices - 1 ? IDBKeyRange.lowerBound(lower) : IDBKeyRange.bound(lower, upper, false, true),
      );
    }),
  );
  return parts.flat();
}

export async function loadBook(): Promise<Book> {
  const db = await getDb();
  const [outreach, contacts] = await Promise.all([readAllOutreach(), allContacts(db)]);
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  return { outreach, contacts, contactById, relationshipOf: (id) => contactById.get(id)?.relationship };
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

/** Relationship names in the UI language. */
export function relationshipLabels(): Record<Relationship | 'unset', string> {
  return {
    customer: t('optionsRelCustomer'),
    'stalled-prospect': t('optionsRelStalledProspect'),
    coworker: t('optionsRelCoworker'),
    friend: t('optionsRelFriend'),
    family: t('optionsRelFamily'),
    neighbour: t('optionsRelNeighbour'),
    'group-member': t('optionsRelGroupMember'),
    community: t('optionsRelCommunity'),
    other: t('optionsRelOther'),
    unset: t('optionsRelUnset'),
  };
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
