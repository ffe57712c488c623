import type { Deal } from '../shared/deals.ts';
import type { Contact, Favour } from '../shared/model.ts';
import type { Db } from './db.ts';

/** The deals a contact is on and the favours given them: what a draft may draw on. */
export async function bookFactsOf(db: Db, contact: Contact | undefined): Promise<{ deals: Deal[]; favours: Favour[] }> {
  if (!contact) return { deals: [], favours: [] };
  const tx = db.transaction(['deals', 'favours']);
  const [deals, favours] = await Promise.all([
    tx.objectStore('deals').index('byContact').getAll(contact.id),
    tx.objectStore('favours').index('byContact').getAll(contact.id),
    tx.done,
  ]);
  return { deals, favours };
}
