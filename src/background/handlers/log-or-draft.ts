import type { ContactInput } from '../../storage/contacts.ts';
import { followUpDateFor } from '../../storage/day.ts';
import type { Db } from '../../storage/db.ts';
import { saveDraft } from '../../storage/drafts.ts';
import { logOutreach, type NewOutreach } from '../../storage/outreach.ts';

export interface LoggedOrDrafted {
  outreachId: string;
  contactId: string;
  duplicate: boolean;
  /** Kept as a draft: it counts once the user sends it (or says it was sent). */
  drafted: boolean;
}

/**
 * One path for every page that copies or inserts an ask: a draft waits in `drafts` until it is
 * sent (a draft already sent under this key answers with its record); anything else is logged
 * at once with its follow-up date, contact and outreach in one transaction.
 */
export async function logOrDraft(
  db: Db,
  entry: Omit<NewOutreach, 'followUpOn'>,
  person: ContactInput | undefined,
  draft: boolean | undefined,
  now: Date,
): Promise<LoggedOrDrafted> {
  if (draft) {
    const saved = await saveDraft(db, { ...entry, ...(person && { person }) }, now.getTime());
    return {
      outreachId: saved.sent?.id ?? '',
      contactId: saved.sent?.contactId ?? '',
      duplicate: !saved.created,
      drafted: !saved.sent,
    };
  }
  const followUpOn = await followUpDateFor(db, now);
  const { record, created } = await logOutreach(db, { ...entry, followUpOn }, now.getTime(), person);
  return { outreachId: record.id, contactId: record.contactId ?? '', duplicate: !created, drafted: false };
}
