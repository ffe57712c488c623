import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Ledger, LedgerWarning } from '../../shared/ledger.ts';
import { RELATIONSHIPS, type Contact, type Relationship } from '../../shared/model.ts';
import { t } from '../../i18n/t.ts';
import { isWaiting } from '../../shared/asks.ts';
import { saveContactEdit } from '../../storage/page-writes.ts';
import { loadLedger } from '../../ui/data.ts';
import { formatMoney, KIND_LABELS, OUTCOME_LABELS } from '../../ui/format.ts';
import { ledgerWarningText } from '../../ui/ledger-warnings.ts';
import { channelLabels, type Book } from './data.ts';
import { relationshipLabels } from '../../i18n/relationships.ts';
import { PERSON_LIMITS } from '../../shared/person-limits.ts';
import { formatCount, formatDateTime } from '../i18n.ts';
import { SamePerson } from './SamePerson.tsx';
import { VirtualList } from './VirtualList.tsx';

const ROW_HEIGHT = 40;

function Detail({
  contact,
  book,
  currency,
  onChanged,
}: {
  contact: Contact;
  book: Book;
  currency: string;
  onChanged: () => void;
}) {
  const [relationship, setRelationship] = useState<string>(contact.relationship ?? '');
  const [notes, setNotes] = useState(contact.notes ?? '');
  const [saved, setSaved] = useState(false);
  const [ledger, setLedger] = useState<{ ledger: Ledger; warnings: LedgerWarning[] } | undefined>();
  useEffect(() => {
    void loadLedger(contact.id, contact.fullName).then(setLedger);
  }, [contact.id, contact.fullName, book]);
  const timeline = useMemo(
    () => book.outreach.filter((r) => r.contactId === contact.id).sort((a, b) => b.createdAt - a.createdAt),
    [book, contact.id],
  );

  async function save(event: Event) {
    event.preventDefault();
    await saveContactEdit({
      id: contact.id,
      relationship: (relationship || undefined) as Relationship | undefined,
      notes,
    });
    setSaved(true);
    onChanged();
  }

  return (
    <div class="contact-detail" aria-labelledby="contact-title">
      <h3 id="contact-title">{contact.fullName}</h3>
      <p class="hint">
        {[contact.headline, contact.company, contact.email, ...(contact.otherEmails ?? [])].filter(Boolean).join(' · ')}
        {contact.linkedinUrl && (
          <>
            {' · '}
            <a href={contact.linkedinUrl} target="_blank" rel="noreferrer">
              {t('optionsContactsProfileLink')}
            </a>
          </>
        )}
      </p>
      <form onSubmit={(e) => void save(e)} class="fields">
        <label>
          {t('optionsContactsRelationship')}
          <select value={relationship} onChange={(e) => setRelationship(e.currentTarget.value)}>
            <option value="">{relationshipLabels().unset}</option>
            {RELATIONSHIPS.map((r) => (
              <option key={r} value={r}>
                {relationshipLabels()[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsContactsNotes')}
          <textarea
            rows={3}
            maxLength={PERSON_LIMITS.notes}
            value={notes}
            onInput={(e) => setNotes(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('optionsContactsSave')}</button>
        {saved && <span role="status">{t('optionsSaved')}</span>}
      </form>
      {ledger && (
        <>
          <table class="data" aria-label={t('optionsLedgerLabel', contact.firstName || contact.fullName)}>
            <caption>{t('optionsLedgerCaption')}</caption>
            <tbody>
              <tr>
                <th scope="row">{t('optionsLedgerAsks')}</th>
                <td>{ledger.ledger.asksMade}</td>
              </tr>
              <tr>
                <th scope="row">{t('optionsLedgerHelp')}</th>
                <td>{ledger.ledger.helpReceived}</td>
              </tr>
              <tr>
                <th scope="row">{t('optionsLedgerThanksSent')}</th>
                <td>{ledger.ledger.thanksSent}</td>
              </tr>
              <tr>
                <th scope="row">{t('optionsLedgerFavours')}</th>
                <td>{ledger.ledger.favoursGiven}</td>
              </tr>
              <tr>
                <th scope="row">{t('optionsLedgerThanksOwed')}</th>
                <td>{ledger.ledger.thanksOwed}</td>
              </tr>
              {ledger.ledger.referrals.referred > 0 && (
                <tr>
                  <th scope="row">{t('optionsLedgerReferrals')}</th>
                  <td>
                    {t(
                      'uiLedgerReferrals',
                      String(ledger.ledger.referrals.referred),
                      String(ledger.ledger.referrals.met),
                      String(ledger.ledger.referrals.won),
                      formatMoney(ledger.ledger.referrals.wonAmount, currency),
                    )}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {ledger.warnings.map((w) => (
            <p key={w.kind} class="warning">
              {ledgerWarningText(w)}
            </p>
          ))}
        </>
      )}
      <h4>{t('optionsTimelineTitle')}</h4>
      {timeline.length === 0 ? (
        <p class="hint">{t('optionsTimelineEmpty')}</p>
      ) : (
        <ol class="timeline" aria-label={t('optionsTimelineLabel', contact.fullName)}>
          {timeline.slice(0, 200).map((r) => (
            <li key={r.id}>
              <time dateTime={new Date(r.createdAt).toISOString()}>{formatDateTime(r.createdAt)}</time>{' '}
              {t('optionsTimelineEntry', KIND_LABELS[r.kind] ?? r.kind, channelLabels()[r.channel] ?? r.channel)}
              {` → ${r.outcome ? OUTCOME_LABELS[r.outcome] : isWaiting(r) ? t('optionsTimelineWaiting') : t('optionsTimelineThanked')}`}
              {r.outcome === 'won' && r.wonAmount !== undefined ? ` (${formatMoney(r.wonAmount, currency)})` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Contacts: search, open one to see the timeline and goodwill ledger, set relationship and notes. */
export function Contacts({ book, currency, onChanged }: { book: Book; currency: string; onChanged: () => void }) {
  const [query, setQuery] = useState('');
  const [relationship, setRelationship] = useState('');
  const [openId, setOpenId] = useState<string | undefined>();
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return book.contacts
      .filter(
        (c) =>
          (!relationship || (c.relationship ?? 'unset') === relationship) &&
          (!q || `${c.fullName} ${c.company ?? ''} ${c.email ?? ''}`.toLowerCase().includes(q)),
      )
      .sort((a, b) => a.fullName.localeCompare(b.fullName));
  }, [book.contacts, query, relationship]);
  const open = openId ? book.contactById.get(openId) : undefined;

  return (
    <section id="contacts" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('optionsContactsTitle')}</h2>
      <div class="filters" role="search" aria-label={t('optionsContactsFind')}>
        <label>
          {t('optionsContactsSearch')}
          <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>
        <label>
          {t('optionsContactsRelationship')}
          <select value={relationship} onChange={(e) => setRelationship(e.currentTarget.value)}>
            <option value="">{t('optionsContactsAllRelationships')}</option>
            {[...RELATIONSHIPS, 'unset' as const].map((r) => (
              <option key={r} value={r}>
                {relationshipLabels()[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status">{t('optionsContactsCount', formatCount(rows.length), formatCount(book.contacts.length))}</p>
      {rows.length > 0 && (
        <VirtualList
          label={t('optionsContactsListLabel')}
          count={rows.length}
          rowHeight={ROW_HEIGHT}
          height={Math.min(320, rows.length * ROW_HEIGHT)}
          renderRow={(index) => {
            const c = rows[index] as Contact;
            return (
              <>
                <span class="c-who">{c.fullName}</span>
                <span class="c-kind">{c.company ?? ''}</span>
                <span class="c-channel">{relationshipLabels()[c.relationship ?? 'unset']}</span>
                <button
                  type="button"
                  class="link"
                  aria-label={t('optionsContactsOpenRow', c.fullName)}
                  onClick={() => setOpenId(c.id)}
                >
                  {t('optionsContactsOpen')}
                </button>
              </>
            );
          }}
        />
      )}
      {open && <Detail key={open.id} contact={open} book={book} currency={currency} onChanged={onChanged} />}
      <SamePerson book={book} onChanged={onChanged} />
    </section>
  );
}
