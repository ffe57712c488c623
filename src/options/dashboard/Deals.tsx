import { notifyWorker } from '../../messaging/client.ts';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { localDateOf } from '../../shared/dates.ts';
import {
  DEFAULT_STALLED_AFTER_DAYS,
  IMPEDIMENTS,
  daysIdle,
  isStalled,
  type Deal,
  type ImpedimentKind,
} from '../../shared/deals.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { getDb } from '../../storage/db.ts';
import { listDeals } from '../../storage/deals.ts';
import { saveDealState, saveImpediment, saveSettingsRows } from '../../storage/page-writes.ts';
import { formatDate, formatMoney } from '../../ui/format.ts';
import { formatCount } from '../i18n.ts';
import type { Book } from './data.ts';
import { dealStateLabel } from './import-text.ts';

export const DEAL_FILTERS = ['all', 'open', 'stalled', 'won', 'lost'] as const;
export type DealFilter = (typeof DEAL_FILTERS)[number];

function filterLabel(filter: DealFilter): string {
  switch (filter) {
    case 'all':
      return t('dealsFilterAll');
    case 'open':
      return t('dealsFilterOpen');
    case 'stalled':
      return t('dealsFilterStalled');
    case 'won':
      return t('dealsFilterWon');
    case 'lost':
      return t('dealsFilterLost');
  }
}

export function impedimentLabel(kind: ImpedimentKind): string {
  switch (kind) {
    case 'budget':
      return t('dealsImpedimentBudget');
    case 'timing':
      return t('dealsImpedimentTiming');
    case 'decision-maker':
      return t('dealsImpedimentDecisionMaker');
    case 'competitor':
      return t('dealsImpedimentCompetitor');
    case 'no-clear-need':
      return t('dealsImpedimentNoClearNeed');
    case 'unknown':
      return t('dealsImpedimentUnknown');
  }
}

/** The form after a revival: what stands in the way (never guessed for the user), a note, the next step. */
function ImpedimentForm({ deal, onDone }: { deal: Deal; onDone: (saved: boolean) => void }) {
  const [kind, setKind] = useState<ImpedimentKind>(deal.impediment?.kind ?? 'unknown');
  const [note, setNote] = useState(deal.impediment?.note ?? '');
  const [nextStep, setNextStep] = useState(deal.nextStep ?? '');
  const [error, setError] = useState<string | undefined>();
  async function save() {
    try {
      await saveImpediment({ id: deal.id, kind, note, nextStep });
      void notifyWorker();
      onDone(true);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }
  return (
    <fieldset>
      <legend>{t('dealsLearnedLegend', deal.name)}</legend>
      <label>
        {t('dealsImpediment')}
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ImpedimentKind)}>
          {IMPEDIMENTS.map((k) => (
            <option key={k} value={k}>
              {impedimentLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dealsNote')}
        <textarea value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        {t('dealsNextStep')}
        <input value={nextStep} onInput={(e) => setNextStep(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="button" onClick={() => void save()}>
          {t('dealsSaveLearned')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t('dealsCancel')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The pipeline: every deal with filters (open, stalled, won, lost, a search), what stands in
 * the way of each stalled one, and the setting that says when a deal is stalled.
 */
export function Deals({ book, day, onChanged }: { book: Book; day: DaySnapshot; onChanged: () => void }) {
  const [deals, setDeals] = useState<Deal[] | undefined>();
  const [filter, setFilter] = useState<DealFilter>('all');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | undefined>();
  const [stalledAfter, setStalledAfter] = useState(day.paceSettings.stalledAfterDays ?? DEFAULT_STALLED_AFTER_DAYS);
  const [status, setStatus] = useState<string | undefined>();
  const reload = async () => setDeals(await listDeals(await getDb()));
  useEffect(() => {
    void reload();
  }, [book]);

  const now = Date.now();
  const currency = day.quota?.currency ?? 'USD';
  const revivals = new Map<string, number>();
  for (const record of book.outreach)
    if (record.dealId) revivals.set(record.dealId, Math.max(revivals.get(record.dealId) ?? 0, record.createdAt));
  const query = search.trim().toLowerCase();
  const stalled = (deal: Deal) => isStalled(deal, now, day.today, stalledAfter);
  const shown = (deals ?? []).filter((deal) => {
    if (filter === 'stalled' ? !stalled(deal) : filter !== 'all' && deal.state !== filter) return false;
    if (!query) return true;
    const names = deal.contactIds.map((id) => book.contactById.get(id)?.fullName ?? '');
    return [deal.name, deal.company ?? '', deal.stage ?? '', ...names].some((text) =>
      text.toLowerCase().includes(query),
    );
  });

  async function mark(deal: Deal, state: Deal['state']) {
    await saveDealState({ id: deal.id, state });
    await reload();
    // Won deals make customers, stalled ones are asked: the worker recomputes the named queue.
    void notifyWorker();
    onChanged();
  }
  async function saveStalledAfter() {
    await saveSettingsRows({ pace: { ...day.paceSettings, stalledAfterDays: stalledAfter } });
    void notifyWorker();
    setStatus(t('dealsStalledSaved', formatCount(stalledAfter)));
    onChanged();
  }

  return (
    <section id="deals" aria-labelledby="deals-title">
      <h2 id="deals-title">{t('dealsTitle')}</h2>
      <p class="hint">{t('dealsHint')}</p>
      <div class="row">
        <label>
          {t('dealsFilter')}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as DealFilter)}>
            {DEAL_FILTERS.map((f) => (
              <option key={f} value={f}>
                {filterLabel(f)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dealsSearch')}
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <label>
          {t('dealsStalledAfter')}
          <input
            type="number"
            min={1}
            max={365}
            value={stalledAfter}
            onInput={(e) => setStalledAfter(Math.max(1, Math.min(365, Number(e.currentTarget.value) || 1)))}
          />
        </label>
        <button type="button" class="secondary" onClick={() => void saveStalledAfter()}>
          {t('dealsStalledSave')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
      {deals === undefined ? (
        <p aria-busy="true">{t('optionsLoadingRest')}</p>
      ) : deals.length === 0 ? (
        <p>{t('dealsNone')}</p>
      ) : (
        <table class="data">
          <caption>{t('dealsCaption', formatCount(shown.length), formatCount(deals.length))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('importFieldDealName')}</th>
              <th scope="col">{t('dataColCompany')}</th>
              <th scope="col">{t('importFieldPeople')}</th>
              <th scope="col">{t('importFieldAmount')}</th>
              <th scope="col">{t('importFieldStage')}</th>
              <th scope="col">{t('dealsColState')}</th>
              <th scope="col">{t('importFieldCloseDate')}</th>
              <th scope="col">{t('dealsColIdle')}</th>
              <th scope="col">{t('dealsImpediment')}</th>
              <th scope="col">{t('dealsNextStep')}</th>
              <th scope="col">{t('dealsColActions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((deal) => {
              const revivedAt = revivals.get(deal.id);
              return (
                <tr key={deal.id}>
                  <th scope="row">{deal.name}</th>
                  <td>{deal.company ?? ''}</td>
                  <td>
                    {deal.contactIds
                      .map((id) => book.contactById.get(id)?.fullName ?? '')
                      .filter(Boolean)
                      .join(', ')}
                  </td>
                  <td>{deal.amount === undefined ? '' : formatMoney(deal.amount, deal.currency ?? currency)}</td>
                  <td>{deal.stage ?? ''}</td>
                  <td>
                    {stalled(deal) ? t('dealsStalledState', dealStateLabel(deal.state)) : dealStateLabel(deal.state)}
                  </td>
                  <td>{deal.closeDate ? formatDate(deal.closeDate) : ''}</td>
                  <td>{deal.state === 'open' ? formatCount(daysIdle(deal, now)) : ''}</td>
                  <td>
                    {deal.impediment
                      ? [impedimentLabel(deal.impediment.kind), deal.impediment.note].filter(Boolean).join(' · ')
                      : revivedAt
                        ? t('dealsRevivedAsk', formatDate(localDateOf(new Date(revivedAt))))
                        : ''}
                  </td>
                  <td>{deal.nextStep ?? ''}</td>
                  <td>
                    {editing === deal.id ? (
                      <ImpedimentForm
                        deal={deal}
                        onDone={(saved) => {
                          setEditing(undefined);
                          if (saved) {
                            void reload();
                            onChanged();
                          }
                        }}
                      />
                    ) : (
                      deal.state === 'open' && (
                        <div class="row">
                          <button type="button" onClick={() => setEditing(deal.id)}>
                            {t('dealsRecordLearned')}
                          </button>
                          <button type="button" class="secondary" onClick={() => void mark(deal, 'won')}>
                            {t('dealsMarkWon')}
                          </button>
                          <button type="button" class="secondary" onClick={() => void mark(deal, 'lost')}>
                            {t('dealsMarkLost')}
                          </button>
                        </div>
                      )
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
