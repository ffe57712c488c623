import browser from 'webextension-polyfill';
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

export async function loadBook(): Promise<Book> {
  const db = await getDb();
  const [outreach, contacts] = await Promise.all([allOutreach(db), allContacts(db)]);
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  return { outreach, contacts, contactById, relationshipOf: (id) => contactById.get(id)?.relationship };
}

/** After delete-all: no alarm and no badge are left (extension pages may use both APIs). */
export async function clearAlarmsAndBadge(): Promise<void> {
  await browser.alarms.clearAll();
  await browser.action.setBadgeText({ text: '' });
  await browser.notifications.clear('gap-closer:reminder').catch(() => false);
}

export const RELATIONSHIP_LABELS: Record<Relationship | 'unset', string> = {
  customer: 'Customer',
  'stalled-prospect': 'Stalled prospect',
  coworker: 'Coworker',
  friend: 'Friend',
  family: 'Family',
  neighbour: 'Neighbour',
  'group-member': 'Group member',
  community: 'Community / chamber',
  other: 'Other',
  unset: 'Not set',
};

export const CHANNEL_LABELS: Record<string, string> = {
  'linkedin-message': 'LinkedIn message',
  'linkedin-group': 'LinkedIn group',
  email: 'Email',
  phone: 'Phone',
  'in-person': 'In person',
  other: 'Other',
};
