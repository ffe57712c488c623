import browser from 'webextension-polyfill';
import { t } from '../../i18n/t.ts';
import type { Contact, Outreach, Relationship } from '../../shared/model.ts';
import { getDb } from '../../storage/db.ts';
import { byCreatedAt } from '../../storage/archive-layout.ts';
import { archivedRecords, readSummary } from '../../storage/archive.ts';
import { allContacts } from '../../storage/dashboard.ts';

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
  const tx = db.transaction(['outreach', 'archive']);
  const newest: Outreach[] = [];
  const [recent, summary] = await Promise.all([
    tx.objectStore('outreach').count(),
    readSummary(tx.objectStore('archive')),
    (async () => {
      let cursor = await tx.objectStore('outreach').index('byCreatedAt').openCursor(null, 'prev');
      while (cursor && newest.length < limit) {
        newest.push(cursor.value);
        cursor = await cursor.continue();
      }
    })(),
  ]);
  // Archived records are older than every recent one: they only matter when few are recent.
  if (newest.length < limit && summary.records > 0) {
    const archived = (await archivedRecords(tx.objectStore('archive'))).sort(byCreatedAt);
    newest.push(...archived.slice(-(limit - newest.length)).reverse());
  }
  return { newest, total: recent + summary.records };
}

/**
 * Every outreach record, oldest first, in one transaction: the archive's buckets (a few hundred
 * values) and the indexed store read as several time slices at once — the browser reads the
 * next slice from disk while this page decodes the previous one.
 */
async function readAllOutreach(slices = 4): Promise<Outreach[]> {
  const db = await getDb();
  const tx = db.transaction(['outreach', 'archive']);
  const index = tx.objectStore('outreach').index('byCreatedAt');
  const archived = archivedRecords(tx.objectStore('archive'));
  const [oldest, newest] = await Promise.all([index.openCursor(null, 'next'), index.openCursor(null, 'prev')]);
  const from = oldest?.value.createdAt ?? 0;
  const span = (newest?.value.createdAt ?? 0) - from;
  const count = span > 0 ? slices : 1;
  const parts = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const lower = from + (span * i) / count;
      const upper = from + (span * (i + 1)) / count;
      return index.getAll(
        i === count - 1 ? IDBKeyRange.lowerBound(lower) : IDBKeyRange.bound(lower, upper, false, true),
      );
    }),
  );
  const old = await archived;
  return old.length ? [...old, ...parts.flat()].sort(byCreatedAt) : parts.flat();
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
