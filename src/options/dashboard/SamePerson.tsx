import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import type { Contact } from '../../shared/model.ts';
import { findSamePeople, linkedinKey, survivorOf, type SamePersonPair } from '../../shared/same-person.ts';
import { getDb } from '../../storage/db.ts';
import { readMerges, readRefusals, type MergeRecord } from '../../storage/merge-contacts.ts';
import { mergeSamePerson, refuseMerge, undoContactMerge } from '../../storage/page-writes.ts';
import { formatCount, formatDateTime } from '../i18n.ts';
import type { Book } from './data.ts';

/** Suggestions shown at once: the user works through them; the rest are counted. */
const SHOWN = 25;

/** What tells two namesakes apart in a list: their company, address or profile. */
function described(contact: Contact): string {
  const detail = contact.company ?? contact.email ?? linkedinKey(contact.linkedinUrl) ?? '';
  return detail ? `${contact.fullName} (${detail})` : contact.fullName;
}

function reasonText(reason: string): string {
  switch (reason) {
    case 'linkedin':
      return t('samePersonReasonLinkedin');
    case 'email':
      return t('samePersonReasonEmail');
    case 'name-company':
      return t('samePersonReasonNameCompany');
    case 'name-email-domain':
      return t('samePersonReasonNameEmailDomain');
    case 'name-only':
      return t('samePersonReasonNameOnly');
    default:
      return t('samePersonReasonConfirmed');
  }
}

/** Where the details of one contact came from, as the list shows them. */
function Side({ contact }: { contact: Contact }) {
  return (
    <span class="same-person-side">
      <strong>{contact.fullName}</strong>
      {[contact.headline, contact.company, contact.email, contact.linkedinUrl ? t('samePersonFromLinkedin') : '']
        .filter(Boolean)
        .map((part) => ` · ${part}`)
        .join('')}
    </span>
  );
}

/**
 * "Same person?": contacts whose name and company (or mail domain) suggest one person, to merge
 * or keep apart (remembered), and the merges on record with an undo. Contacts sharing a profile
 * or an address are merged where they come in; any left from older data are listed here too.
 */
export function SamePerson({ book, onChanged }: { book: Book; onChanged: () => void }) {
  const [refused, setRefused] = useState<Set<string> | undefined>();
  const [merges, setMerges] = useState<MergeRecord[]>([]);
  const [pairs, setPairs] = useState<SamePersonPair[]>([]);
  const [status, setStatus] = useState<{ text: string; undo?: string } | undefined>();
  const [error, setError] = useState('');

  useEffect(() => {
    void getDb().then(async (db) => {
      const [pairsRefused, recorded] = await Promise.all([readRefusals(db), readMerges(db)]);
      setRefused(pairsRefused);
      setMerges(recorded);
    });
  }, [book]);
  useEffect(() => {
    if (!refused) return;
    // After the page has painted: comparing a large book's names is not worth a frame.
    const timer = setTimeout(() => setPairs(findSamePeople(book.contacts, refused)), 0);
    return () => clearTimeout(timer);
  }, [book, refused]);

  async function act(work: () => Promise<{ text: string; undo?: string }>) {
    setError('');
    try {
      setStatus(await work());
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const merge = (pair: SamePersonPair) =>
    act(async () => {
      const [keep, drop] = survivorOf(pair.a, pair.b);
      const mergeId = await mergeSamePerson({ keepId: keep.id, dropId: drop.id });
      return { text: t('samePersonMerged', described(drop), keep.fullName), undo: mergeId };
    });
  const refuse = (pair: SamePersonPair) =>
    act(async () => {
      await refuseMerge({ a: pair.a.id, b: pair.b.id });
      return { text: t('samePersonRefused', described(pair.a), described(pair.b)) };
    });
  const undo = (record: MergeRecord) =>
    act(async () => {
      await undoContactMerge({ mergeId: record.id });
      return { text: t('samePersonUndone', described(record.removed)) };
    });
  const undoable = status?.undo ? merges.find((record) => record.id === status.undo) : undefined;

  return (
    <section id="same-person" aria-labelledby="same-person-title">
      <h3 id="same-person-title">{t('samePersonTitle')}</h3>
      <p class="hint">{t('samePersonIntro')}</p>
      {status && (
        <p role="status">
          {status.text}{' '}
          {undoable && (
            <button type="button" class="link" onClick={() => void undo(undoable)}>
              {t('samePersonUndoMerge')}
            </button>
          )}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {pairs.length === 0 ? (
        <p class="hint">{t('samePersonNone')}</p>
      ) : (
        <ul class="same-person" aria-label={t('samePersonListLabel')}>
          {pairs.slice(0, SHOWN).map((pair) => (
            <li key={`${pair.a.id}|${pair.b.id}`}>
              <Side contact={pair.a} />
              <Side contact={pair.b} />
              <span class="hint">{reasonText(pair.match.reason)}</span>
              <span class="actions">
                <button
                  type="button"
                  aria-label={t('samePersonMergeLabel', described(pair.a), described(pair.b))}
                  onClick={() => void merge(pair)}
                >
                  {t('samePersonMerge')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('samePersonRefuseLabel', described(pair.a), described(pair.b))}
                  onClick={() => void refuse(pair)}
                >
                  {t('samePersonRefuse')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {pairs.length > SHOWN && <p class="hint">{t('samePersonMore', formatCount(pairs.length - SHOWN))}</p>}
      {merges.length > 0 && (
        <details>
          <summary>{t('samePersonMergesTitle', formatCount(merges.length))}</summary>
          <ul aria-label={t('samePersonMergesLabel')}>
            {merges.map((record) => (
              <li key={record.id}>
                {t(
                  'samePersonMergeEntry',
                  formatDateTime(record.at),
                  described(record.removed),
                  record.keptBefore.fullName,
                  reasonText(record.reason),
                )}{' '}
                <button
                  type="button"
                  class="link"
                  aria-label={t('samePersonUndoLabel', described(record.removed), record.keptBefore.fullName)}
                  onClick={() => void undo(record)}
                >
                  {t('samePersonUndo')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
