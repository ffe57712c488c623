import { notifyWorker } from '../../messaging/client.ts';
import { useMemo, useState } from 'preact/hooks';
import { t, uiLocale } from '../../i18n/t.ts';
import { relationshipLabels } from '../../i18n/relationships.ts';
import {
  CONTACT_IMPORT_FIELDS,
  DEAL_IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
} from '../../shared/import/formats.ts';
import type { Book } from '../../shared/import/plan.ts';
import { planImport, readImportFile, type ImportFile } from '../../shared/import/read.ts';
import type { ContactCandidate, DealCandidate } from '../../shared/import/records.ts';
import { bookForImport, importPlanned } from '../../storage/data-writes.ts';
import { formatDate } from '../../ui/format.ts';
import { formatCount } from '../i18n.ts';
import { isOne, rejectedRowText, storeLabel } from './data-text.ts';
import { dealStateLabel, formatLabel, importFieldLabel } from './import-text.ts';
import { useMarkWhenPainted } from './paint-mark.ts';

/** Rows shown in the preview table, and left-out rows listed with their reasons. */
const PREVIEW_ROWS = 5;

interface Chosen {
  name: string;
  file: ImportFile;
  book: Book;
}

function message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function money(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined) return '';
  try {
    return new Intl.NumberFormat(uiLocale(), {
      style: currency ? 'currency' : 'decimal',
      ...(currency ? { currency } : {}),
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return formatCount(amount);
  }
}

/**
 * One entry for every file people have (LinkedIn, Google, Outlook, HubSpot, Salesforce,
 * Pipedrive, any CSV): the format is recognised, the mapping can be corrected, the preview says
 * what is added, changed and left out and why, and the write is all or nothing.
 */
export function Import({ onChanged }: { onChanged: () => void }) {
  const [chosen, setChosen] = useState<Chosen | undefined>();
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const preview = useMemo(
    () => (chosen ? planImport(chosen.file, mapping, chosen.book, Date.now(), undefined, PREVIEW_ROWS) : undefined),
    [chosen, mapping],
  );

  // Marks for the bench (scripts/bench/import.ts): file chosen → preview painted, click → result painted.
  useMarkWhenPainted('gap-closer:import-previewed', preview);
  useMarkWhenPainted('gap-closer:import-done', status);

  async function choose(file: File | undefined) {
    performance.mark('gap-closer:import-chosen');
    setChosen(undefined);
    setStatus(undefined);
    setError(undefined);
    if (!file) return;
    setBusy(true);
    try {
      const [bytes, book] = await Promise.all([file.arrayBuffer(), bookForImport()]);
      const read = readImportFile(new Uint8Array(bytes));
      if (read.table.header.length === 0) throw new Error(t('dataImportEmpty'));
      setMapping(read.mapping);
      setChosen({ name: file.name, file: read, book });
    } catch (cause) {
      setError(t('dataImportReadFailed', file.name, message(cause)));
    } finally {
      setBusy(false);
    }
  }

  async function runImport() {
    if (!chosen || !preview) return;
    performance.mark('gap-closer:import-started');
    setError(undefined);
    setProgress(0);
    try {
      await importPlanned(preview.plan, chosen.book, (done, total) => setProgress(done / total));
      performance.mark('gap-closer:import-written');
      const { contacts, deals } = preview.plan;
      setStatus(
        t(
          'importDone',
          chosen.name,
          formatCount(contacts.added.length + deals.added.length),
          formatCount(contacts.changed.length + deals.changed.length),
        ),
      );
      setChosen(undefined);
      // The worker recomputes the named queue (and the badge) for the new people and deals; a
      // file that changed nothing leaves everything as it was, the queue's stamp included.
      if (contacts.added.length + deals.added.length + contacts.changed.length + deals.changed.length > 0)
        void notifyWorker();
      onChanged();
    } catch (cause) {
      setError(t('dataImportFailed', message(cause)));
    } finally {
      setProgress(undefined);
    }
  }

  const fields: readonly ImportField[] =
    preview?.kind === 'deals'
      ? [...DEAL_IMPORT_FIELDS, 'company', 'fullName', 'email', 'lastActivity']
      : CONTACT_IMPORT_FIELDS;
  const ready = preview?.plan.ready ?? 0;
  const leftOut = preview?.plan.leftOut ?? [];

  return (
    <div class="data-part">
      <h3>{t('importTitle')}</h3>
      <p class="hint">{t('importHint')}</p>
      <p>
        <label>
          {t('importFile')}
          <input
            type="file"
            accept=".csv,text/csv,.txt,text/plain"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              void choose(file);
            }}
          />
        </label>
      </p>
      {busy && <p aria-busy="true">{t('importReading')}</p>}
      {progress !== undefined && (
        <p>
          <progress aria-label={t('dataImportProgress')} max={100} value={Math.round(progress * 100)} />
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {chosen && preview && (
        <div class="preview">
          <p>
            {t('importRecognised', formatLabel(chosen.file.format))}
            {chosen.file.table.skippedBefore > 0 &&
              ` ${t('importPreamble', formatCount(chosen.file.table.skippedBefore))}`}
            {chosen.file.table.footerLines > 0 && ` ${t('importFooter', formatCount(chosen.file.table.footerLines))}`}
          </p>
          <fieldset>
            <legend>{t('dataMappingLegend')}</legend>
            <div class="mapping">
              {chosen.file.table.header.map((name, column) => (
                <label key={column}>
                  {name ? t('dataMappingColumn', name) : t('dataMappingColumnNumber', formatCount(column + 1))}
                  <select
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[column] = (e.currentTarget.value || null) as ImportField | null;
                      setMapping(next);
                    }}
                  >
                    <option value="">{t('dataMappingLeaveOut')}</option>
                    {[...new Set([...fields, ...(mapping[column] ? [mapping[column]] : [])])].map((field) => (
                      <option key={field} value={field}>
                        {importFieldLabel(field)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <p role="status">
            {isOne(ready) ? t('importReadyOne', formatCount(ready)) : t('importReadyOther', formatCount(ready))}{' '}
            {leftOut.length > 0 &&
              (isOne(leftOut.length)
                ? t('dataLeftOutOne', formatCount(leftOut.length))
                : t('dataLeftOutOther', formatCount(leftOut.length)))}
          </p>
          <table class="data">
            <caption>{t('importChangesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dataColStore')}</th>
                <th scope="col">{t('dataColAdded')}</th>
                <th scope="col">{t('dataColChanged')}</th>
                <th scope="col">{t('dataColUnchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {(['contacts', 'deals'] as const)
                .filter((store) => store === 'contacts' || preview.kind === 'deals')
                .map((store) => {
                  const changes = preview.plan[store];
                  return (
                    <tr key={store}>
                      <th scope="row">{storeLabel(store)}</th>
                      <td>{formatCount(changes.added.length)}</td>
                      <td>{formatCount(changes.changed.length)}</td>
                      <td>{formatCount(changes.unchanged)}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
          {leftOut.length > 0 && (
            <ul aria-label={t('dataLeftOutLabel')} class="rejected">
              {leftOut.slice(0, PREVIEW_ROWS).map((r) => (
                <li key={r.row}>{rejectedRowText(r)}</li>
              ))}
              {leftOut.length > PREVIEW_ROWS && (
                <li>{t('importMoreLeftOut', formatCount(leftOut.length - PREVIEW_ROWS))}</li>
              )}
            </ul>
          )}
          <table class="data">
            <caption>{t('importPreviewCaption', formatCount(PREVIEW_ROWS))}</caption>
            {preview.kind === 'deals' ? (
              <DealRows rows={preview.sample as DealCandidate[]} />
            ) : (
              <ContactRows rows={preview.sample as ContactCandidate[]} />
            )}
          </table>
          <div class="row">
            <button type="button" disabled={ready === 0} onClick={() => void runImport()}>
              {isOne(ready) ? t('importConfirmOne', formatCount(ready)) : t('importConfirmOther', formatCount(ready))}
            </button>
            <button type="button" class="secondary" onClick={() => setChosen(undefined)}>
              {t('dataImportCancel')}
            </button>
          </div>
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}

function ContactRows({ rows }: { rows: ContactCandidate[] }) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('dataColName')}</th>
          <th scope="col">{t('dataColEmail')}</th>
          <th scope="col">{t('dataColCompany')}</th>
          <th scope="col">{t('dataColLinkedIn')}</th>
          <th scope="col">{t('dataColRelationship')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.row}>
            <th scope="row">{c.fullName}</th>
            <td>{c.email ?? ''}</td>
            <td>{c.company ?? ''}</td>
            <td>{c.linkedinUrl ?? ''}</td>
            <td>{c.relationship ? relationshipLabels()[c.relationship] : ''}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}

function DealRows({ rows }: { rows: DealCandidate[] }) {
  return (
    <>
      <thead>
        <tr>
          <th scope="col">{t('importFieldDealName')}</th>
          <th scope="col">{t('dataColCompany')}</th>
          <th scope="col">{t('importFieldAmount')}</th>
          <th scope="col">{t('importFieldStatus')}</th>
          <th scope="col">{t('importFieldCloseDate')}</th>
          <th scope="col">{t('importFieldPeople')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.row}>
            <th scope="row">{d.name}</th>
            <td>{d.company ?? ''}</td>
            <td>{money(d.amount, d.currency)}</td>
            <td>{dealStateLabel(d.state)}</td>
            <td>{d.closeDate ? formatDate(d.closeDate) : ''}</td>
            <td>{d.people.map((p) => p.name ?? p.email).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </>
  );
}
