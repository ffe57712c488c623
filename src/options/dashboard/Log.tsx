import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { isWaiting } from '../../shared/asks.ts';
import type { ReferredPerson } from '../../shared/referrals.ts';
import { ReferralFields, useReferralForm } from '../../ui/ReferralFields.tsx';
import { CHANNELS, OUTCOMES, OUTREACH_KINDS, type Outcome, type Outreach } from '../../shared/model.ts';
import { notifyWorker } from '../../messaging/client.ts';
import { removeOutreach, saveOutreachEdit } from '../../storage/page-writes.ts';
import { formatMoney, KIND_LABELS, OUTCOME_LABELS } from '../../ui/format.ts';
import { amountProblem, inputNumber, readAmount, withNumberHint } from '../../ui/numbers.ts';
import type { LogRow } from '../../storage/log-rows.ts';
import type { Book, FirstPage } from './data.ts';
import { channelLabels, loadText, loadTexts } from './data.ts';
import { formatCount, formatDateTime } from '../i18n.ts';
import { VirtualList } from './VirtualList.tsx';
import { applyFilters, NO_FILTERS, type Filters, type Sort } from './log-filters.ts';

const ROW_HEIGHT = 44;
function Editor({
  record,
  knownText,
  currency,
  onDone,
}: {
  record: LogRow;
  /** The message text if the log has read it (for a search); else it is read here. */
  knownText: string | undefined;
  currency: string;
  onDone: (changed: boolean) => void;
}) {
  const [text, setText] = useState(knownText);
  useEffect(() => {
    if (knownText !== undefined) return;
    let live = true;
    loadText(record).then(
      (read) => live && setText(read ?? ''),
      () => live && setText(''),
    );
    return () => {
      live = false;
    };
  }, [record, knownText]);
  const [outcome, setOutcome] = useState<string>(record.outcome ?? '');
  const [amount, setAmount] = useState(record.wonAmount === undefined ? '' : inputNumber(record.wonAmount));
  const [followUp, setFollowUp] = useState(record.followUpOn ?? '');
  const [error, setError] = useState<string | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const referral = useReferralForm();

  async function save(event: Event) {
    event.preventDefault();
    let wonAmount: number | undefined;
    if (outcome === 'won') {
      // Read as the UI language writes numbers: "4,200" in English, "4.200" in German.
      const read = readAmount(amount);
      if (!read.ok || read.value <= 0) {
        setError(withNumberHint(t('optionsLogAmountError'), amountProblem(read)));
        return;
      }
      wonAmount = read.value;
    }
    // A new "Helped: referral" asks whom: that person becomes a lead referred by this contact.
    let person: ReferredPerson | undefined;
    if (outcome === 'helped-referral' && record.outcome !== 'helped-referral') {
      person = referral.read();
      if (!person) return;
    }
    try {
      await saveOutreachEdit({
        id: record.id,
        outcome: (outcome || null) as Outcome | null,
        wonAmount,
        followUpOn: followUp || undefined,
        ...(person && { referral: person }),
      });
      void notifyWorker();
      onDone(true);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t('optionsLogSaveError'));
    }
  }

  async function remove() {
    await removeOutreach({ id: record.id });
    void notifyWorker();
    onDone(true);
  }

  return (
    <form class="editor" aria-labelledby="log-edit-title" onSubmit={(e) => void save(e)}>
      <h3 id="log-edit-title">
        {t(
          'optionsLogEditTitle',
          KIND_LABELS[record.kind] ?? record.kind,
          record.contactName,
          formatDateTime(record.createdAt),
        )}
      </h3>
      <p class="sent-text" aria-busy={text === undefined}>
        {text ?? '…'}
      </p>
      <div class="fields">
        <label>
          {t('optionsLogOutcome')}
          <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)}>
            <option value="">{t('optionsLogAwaiting')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        {outcome === 'won' && (
          <label>
            {t('optionsLogAmountWon', currency)}
            <input inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </label>
        )}
        {outcome === 'helped-referral' && record.outcome !== 'helped-referral' && (
          <ReferralFields
            id={`log-referral-${record.id}`}
            value={referral.value}
            problems={referral.problems}
            onChange={referral.onChange}
          />
        )}
        <label>
          {t('optionsLogFollowUpField')}
          <input type="date" value={followUp} onInput={(e) => setFollowUp(e.currentTarget.value)} />
        </label>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit">{t('optionsLogSave')}</button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t('optionsLogCancel')}
        </button>
        {confirmDelete ? (
          <>
            <span>{t('optionsLogDeleteAsk')}</span>
            <button type="button" class="danger" onClick={() => void remove()}>
              {t('optionsLogDeleteYes')}
            </button>
          </>
        ) : (
          <button type="button" class="secondary" onClick={() => setConfirmDelete(true)}>
            {t('optionsLogDelete')}
          </button>
        )}
      </div>
    </form>
  );
}

function Row({ r, currency, onEdit }: { r: LogRow; currency: string; onEdit?: (id: string) => void }) {
  const when = formatDateTime(r.createdAt);
  return (
    <>
      <span class="c-when">{when}</span>
      <span class="c-who">{r.contactName}</span>
      <span class="c-kind">{KIND_LABELS[r.kind]}</span>
      <span class="c-channel">{channelLabels()[r.channel]}</span>
      <span class="c-outcome">
        {r.outcome ? OUTCOME_LABELS[r.outcome] : isWaiting(r) ? t('optionsLogWaiting') : t('optionsLogThanked')}
        {r.outcome === 'won' && r.wonAmount !== undefined ? ` ${formatMoney(r.wonAmount, currency)}` : ''}
      </span>
      <span class="c-follow">
        {r.followUpOn && r.kind !== 'thank-you' ? t('optionsLogFollowUpOn', r.followUpOn) : ''}
      </span>
      {onEdit ? (
        <button
          type="button"
          class="link"
          aria-label={t('optionsLogEditRow', r.contactName, when)}
          onClick={() => onEdit(r.id)}
        >
          {t('optionsLogEdit')}
        </button>
      ) : (
        <span />
      )}
    </>
  );
}

/** The newest records while the rest is still being read. */
export function LogPreview({ first, currency }: { first: FirstPage; currency: string }) {
  return (
    <section id="log" aria-labelledby="log-title" aria-busy="true">
      <h2 id="log-title">{t('optionsLogTitle')}</h2>
      <p role="status" data-testid="log-count">
        {t('optionsLogPreviewCount', formatCount(first.newest.length), formatCount(first.total))}
      </p>
      {first.newest.length > 0 && (
        <VirtualList
          label={t('optionsLogListLabel')}
          count={first.newest.length}
          rowHeight={ROW_HEIGHT}
          height={Math.min(440, first.newest.length * ROW_HEIGHT)}
          renderRow={(index) => <Row r={first.newest[index] as Outreach} currency={currency} />}
        />
      )}
    </section>
  );
}

/** The outreach log: search, filter, sort, edit and delete, windowed for tens of thousands of rows. */
export function Log({ book, currency, onChanged }: { book: Book; currency: string; onChanged: () => void }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editing, setEditing] = useState<string | undefined>();
  // The texts are read at the first search (the book lists records without them) and belong to
  // the book they were read with: a reloaded book reads them again at its next search.
  const [read, setRead] = useState<{ of: readonly LogRow[]; texts: Map<string, string> } | undefined>();
  const [textsError, setTextsError] = useState(false);
  const texts = read?.of === book.outreach ? read.texts : undefined;
  const searching = filters.query.trim() !== '' && !texts;
  useEffect(() => {
    if (!searching) return;
    let live = true;
    const of = book.outreach;
    setTextsError(false);
    loadTexts().then(
      (loaded) => live && setRead({ of, texts: loaded }),
      () => live && setTextsError(true),
    );
    return () => {
      live = false;
    };
  }, [searching, book.outreach]);
  // Lower-cased name and text per record, built at the first search and kept for the next ones.
  const haystack = useMemo(() => {
    let cached: string[] | undefined;
    return () => (cached ??= book.outreach.map((r) => `${r.contactName}\n${texts?.get(r.id) ?? ''}`.toLowerCase()));
  }, [book.outreach, texts]);
  // Until the texts are in, the list stays as the other filters make it (no half-done search).
  const applied = useMemo(() => (searching ? { ...filters, query: '' } : filters), [filters, searching]);
  const rows = useMemo(() => applyFilters(book.outreach, applied, haystack), [book.outreach, applied, haystack]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const record = editing ? book.outreach.find((r) => r.id === editing) : undefined;

  return (
    <section id="log" aria-labelledby="log-title">
      <h2 id="log-title">{t('optionsLogTitle')}</h2>
      <div class="filters" role="search" aria-label={t('optionsLogFilterLabel')}>
        <label>
          {t('optionsLogSearch')}
          <input type="search" value={filters.query} onInput={(e) => set({ query: e.currentTarget.value })} />
        </label>
        <label>
          {t('optionsLogKind')}
          <select value={filters.kind} onChange={(e) => set({ kind: e.currentTarget.value })}>
            <option value="">{t('optionsLogAllKinds')}</option>
            {OUTREACH_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsLogChannel')}
          <select value={filters.channel} onChange={(e) => set({ channel: e.currentTarget.value })}>
            <option value="">{t('optionsLogAllChannels')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabels()[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsLogOutcome')}
          <select value={filters.outcome} onChange={(e) => set({ outcome: e.currentTarget.value })}>
            <option value="">{t('optionsLogAllOutcomes')}</option>
            <option value="awaiting">{t('optionsLogAwaiting')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsLogFrom')}
          <input type="date" value={filters.from} onInput={(e) => set({ from: e.currentTarget.value })} />
        </label>
        <label>
          {t('optionsLogTo')}
          <input type="date" value={filters.to} onInput={(e) => set({ to: e.currentTarget.value })} />
        </label>
        <label>
          {t('optionsLogSort')}
          <select value={filters.sort} onChange={(e) => set({ sort: e.currentTarget.value as Sort })}>
            <option value="newest">{t('optionsLogSortNewest')}</option>
            <option value="oldest">{t('optionsLogSortOldest')}</option>
            <option value="contact">{t('optionsLogSortContact')}</option>
            <option value="value">{t('optionsLogSortValue')}</option>
          </select>
        </label>
        <button type="button" class="secondary" onClick={() => setFilters(NO_FILTERS)}>
          {t('optionsLogClearFilters')}
        </button>
      </div>
      <p role="status" data-testid="log-count" aria-busy={searching}>
        {t('optionsLogCount', formatCount(rows.length), formatCount(book.outreach.length))}
      </p>
      {textsError && (
        <p role="alert" class="error">
          {t('optionsReadError')}
        </p>
      )}
      {rows.length > 0 && (
        <VirtualList
          label={t('optionsLogListLabel')}
          count={rows.length}
          rowHeight={ROW_HEIGHT}
          height={Math.min(440, rows.length * ROW_HEIGHT)}
          renderRow={(index) => <Row r={rows[index] as LogRow} currency={currency} onEdit={setEditing} />}
        />
      )}
      {record && (
        <Editor
          key={record.id}
          record={record}
          knownText={texts?.get(record.id)}
          currency={currency}
          onDone={(changed) => {
            setEditing(undefined);
            if (changed) onChanged();
          }}
        />
      )}
    </section>
  );
}
