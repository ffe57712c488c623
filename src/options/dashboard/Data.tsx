import { useState } from 'preact/hooks';
import {
  BACKUP_STORES,
  backupJson,
  makeBackup,
  previewRestore,
  type Backup,
  type StoreChange,
} from '../../shared/backup.ts';
import { t, uiLocale } from '../../i18n/t.ts';
import {
  CONTACT_FIELDS,
  contactsCsv,
  contactsFromRows,
  guessMapping,
  outreachCsv,
  type ColumnMapping,
  type ContactField,
} from '../../shared/csv.ts';
import { notifyWorker } from '../../messaging/client.ts';
import { exportAll } from '../../storage/backup.ts';
import { allOutreach } from '../../storage/dashboard.ts';
import { getDb } from '../../storage/db.ts';
import { DB_VERSION } from '../../storage/migrations.ts';
import { deleteEverything, importContactRows, readBackupFile, restoreBackup } from '../../storage/data-writes.ts';
import { preferencesForBackup, restorePreferences } from '../../ui/in-page-buttons.ts';
import { formatCount } from '../i18n.ts';
import { clearAlarmsAndBadge } from './data.ts';
import { relationshipLabels } from '../../i18n/relationships.ts';
import {
  backupErrorText,
  contactFieldLabel,
  csvFormatProblemText,
  isOne,
  rejectedRowText,
  storeLabel,
} from './data-text.ts';
import { download, parseCsvFile, stamp, type CsvFormatProblem } from './files.ts';

/** Rows of a contacts import shown in its preview. */
const PREVIEW_ROWS = 5;

function ProgressBar({ label, value }: { label: string; value: number | undefined }) {
  if (value === undefined) return null;
  return (
    <p>
      <progress aria-label={label} max={100} value={Math.round(value * 100)} />{' '}
      {new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(value)}
    </p>
  );
}

/** A labelled file input; choosing the same file again still counts as a new choice. */
function FileChoice({
  label,
  accept,
  onChoose,
}: {
  label: string;
  accept: string;
  onChoose: (file: File | undefined) => Promise<void>;
}) {
  return (
    <p>
      <label>
        {label}
        <input
          type="file"
          accept={accept}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            void onChoose(file);
          }}
        />
      </label>
    </p>
  );
}

function message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** JSON backup and restore. */
function Backups({ onChanged }: { onChanged: () => void }) {
  const [pending, setPending] = useState<{ backup: Backup; changes: StoreChange[]; name: string } | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | undefined>();

  async function exportJson() {
    const db = await getDb();
    const [data, preferences] = await Promise.all([exportAll(db), preferencesForBackup()]);
    download(
      `gap-closer-backup-${stamp()}.json`,
      backupJson(makeBackup(data, DB_VERSION, new Date(), preferences)),
      'application/json',
    );
    const count = BACKUP_STORES.reduce((sum, store) => sum + data[store].length, 0);
    setStatus(
      isOne(count)
        ? t('dataBackupDownloadedOne', formatCount(count))
        : t('dataBackupDownloadedOther', formatCount(count)),
    );
  }

  async function choose(file: File | undefined) {
    setError(undefined);
    setStatus(undefined);
    setPending(undefined);
    if (!file) return;
    setProgress(0.05);
    // What is stored now (for the preview) is read while the file is: neither waits for the other.
    const reading = getDb().then(exportAll);
    reading.catch(() => undefined);
    const result = readBackupFile(await file.text());
    setProgress(undefined);
    if (!result.ok) {
      setError(backupErrorText(result.error));
      return;
    }
    const current = await reading;
    setPending({ backup: result.backup, changes: previewRestore(current, result.backup.stores), name: file.name });
  }

  async function restore() {
    if (!pending) return;
    setError(undefined);
    setProgress(0);
    try {
      await restoreBackup(pending.backup.stores, (done, total) => setProgress(done / total));
      await restorePreferences(pending.backup.preferences);
      const count = BACKUP_STORES.reduce((sum, store) => sum + pending.backup.stores[store].length, 0);
      setStatus(
        isOne(count)
          ? t('dataRestoredOne', formatCount(count), pending.name)
          : t('dataRestoredOther', formatCount(count), pending.name),
      );
      setPending(undefined);
      void notifyWorker();
      onChanged();
    } catch (cause) {
      setError(t('dataRestoreFailed', message(cause)));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <div class="data-part">
      <h3>{t('dataBackupTitle')}</h3>
      <p class="hint">{t('dataBackupHint')}</p>
      <button type="button" onClick={() => void exportJson()}>
        {t('dataBackupDownload')}
      </button>
      <FileChoice label={t('dataRestoreFile')} accept=".json,application/json" onChoose={choose} />
      <ProgressBar label={t('dataRestoreProgress')} value={progress} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {pending && (
        <div class="preview">
          <table class="data">
            <caption>{t('dataRestoreCaption', pending.name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dataColStore')}</th>
                <th scope="col">{t('dataColNow')}</th>
                <th scope="col">{t('dataColInFile')}</th>
                <th scope="col">{t('dataColAdded')}</th>
                <th scope="col">{t('dataColChanged')}</th>
                <th scope="col">{t('dataColRemoved')}</th>
                <th scope="col">{t('dataColUnchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.changes.map((c) => (
                <tr key={c.store}>
                  <th scope="row">{storeLabel(c.store)}</th>
                  <td>{formatCount(c.current)}</td>
                  <td>{formatCount(c.incoming)}</td>
                  <td>{formatCount(c.added)}</td>
                  <td>{formatCount(c.changed)}</td>
                  <td>{formatCount(c.removed)}</td>
                  <td>{formatCount(c.unchanged)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('dataRestoreExplain')}</p>
          <div class="row">
            <button type="button" onClick={() => void restore()}>
              {t('dataRestoreConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setPending(undefined)}>
              {t('dataRestoreCancel')}
            </button>
          </div>
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}

/** "3 contacts ready to import, 1 row left out." */
function readyText(ready: number, leftOut: number): string {
  if (leftOut === 0)
    return isOne(ready) ? t('dataReadyOne', formatCount(ready)) : t('dataReadyOther', formatCount(ready));
  return t(
    'dataReadyLeftOut',
    isOne(ready) ? t('dataReadyCountOne', formatCount(ready)) : t('dataReadyCountOther', formatCount(ready)),
    isOne(leftOut) ? t('dataLeftOutOne', formatCount(leftOut)) : t('dataLeftOutOther', formatCount(leftOut)),
  );
}

/** CSV exports and the contacts import with column mapping and preview. */
function Csv({ onChanged }: { onChanged: () => void }) {
  const [file, setFile] = useState<
    { name: string; header: string[]; rows: string[][]; errors: CsvFormatProblem[] } | undefined
  >();
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [progress, setProgress] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function exportOutreach() {
    const db = await getDb();
    download(`gap-closer-outreach-${stamp()}.csv`, `\uFEFF${outreachCsv(await allOutreach(db))}`, 'text/csv');
  }
  async function exportContacts() {
    const db = await getDb();
    download(`gap-closer-contacts-${stamp()}.csv`, `\uFEFF${contactsCsv(await db.getAll('contacts'))}`, 'text/csv');
  }

  async function choose(chosen: File | undefined) {
    setFile(undefined);
    setStatus(undefined);
    setError(undefined);
    if (!chosen) return;
    setProgress(0);
    try {
      const parsed = await parseCsvFile(chosen, setProgress);
      if (parsed.header.length === 0) throw new Error(t('dataImportEmpty'));
      setFile({ name: chosen.name, ...parsed });
      setMapping(guessMapping(parsed.header));
    } catch (cause) {
      setError(t('dataImportReadFailed', chosen.name, message(cause)));
    } finally {
      setProgress(undefined);
    }
  }

  const result = file ? contactsFromRows(file.rows, mapping) : undefined;

  async function runImport() {
    if (!result || !file) return;
    setProgress(0);
    try {
      const done = await importContactRows(result.contacts, (n, total) => setProgress(n / total));
      const created = isOne(done.created)
        ? t('dataNewContactsOne', formatCount(done.created))
        : t('dataNewContactsOther', formatCount(done.created));
      setStatus(t('dataImported', file.name, created, formatCount(done.updated)));
      setFile(undefined);
      onChanged();
    } catch (cause) {
      setError(t('dataImportFailed', message(cause)));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <div class="data-part">
      <h3>{t('dataCsvTitle')}</h3>
      <p class="hint">{t('dataCsvHint')}</p>
      <div class="row">
        <button type="button" onClick={() => void exportOutreach()}>
          {t('dataCsvOutreach')}
        </button>
        <button type="button" onClick={() => void exportContacts()}>
          {t('dataCsvContacts')}
        </button>
      </div>
      <FileChoice label={t('dataImportFile')} accept=".csv,text/csv" onChoose={choose} />
      <ProgressBar label={t('dataImportProgress')} value={progress} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {file && result && (
        <div class="preview">
          <fieldset>
            <legend>{t('dataMappingLegend')}</legend>
            <div class="mapping">
              {file.header.map((name, column) => (
                <label key={column}>
                  {name ? t('dataMappingColumn', name) : t('dataMappingColumnNumber', formatCount(column + 1))}
                  <select
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[column] = (e.currentTarget.value || null) as ContactField | null;
                      setMapping(next);
                    }}
                  >
                    <option value="">{t('dataMappingLeaveOut')}</option>
                    {CONTACT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {contactFieldLabel(field)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <p role="status">{readyText(result.contacts.length, result.rejected.length)}</p>
          {result.rejected.length > 0 && (
            <ul aria-label={t('dataLeftOutLabel')} class="rejected">
              {result.rejected.slice(0, PREVIEW_ROWS).map((r) => (
                <li key={r.row}>{rejectedRowText(r)}</li>
              ))}
            </ul>
          )}
          {file.errors.length > 0 && (
            <p class="warning">{t('dataFormatProblems', file.errors.map(csvFormatProblemText).join('; '))}</p>
          )}
          <table class="data">
            <caption>{t('dataPreviewCaption', formatCount(PREVIEW_ROWS))}</caption>
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
              {result.contacts.slice(0, PREVIEW_ROWS).map((c, i) => (
                <tr key={i}>
                  <th scope="row">{c.fullName}</th>
                  <td>{c.email ?? ''}</td>
                  <td>{c.company ?? ''}</td>
                  <td>{c.linkedinUrl ?? ''}</td>
                  <td>{c.relationship ? relationshipLabels()[c.relationship] : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="row">
            <button type="button" disabled={result.contacts.length === 0} onClick={() => void runImport()}>
              {isOne(result.contacts.length)
                ? t('dataImportOne', formatCount(result.contacts.length))
                : t('dataImportOther', formatCount(result.contacts.length))}
            </button>
            <button type="button" class="secondary" onClick={() => setFile(undefined)}>
              {t('dataImportCancel')}
            </button>
          </div>
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}

/** Delete-all: every store and setting, the alarms and the badge. */
function DeleteAll({ onChanged }: { onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // The word to type is the UI language's (DELETE, LÖSCHEN); the label names it.
  const word = t('dataDeleteWord');

  async function run() {
    try {
      await deleteEverything();
      await clearAlarmsAndBadge();
      setOpen(false);
      setTyped('');
      setStatus(t('dataDeleted'));
      onChanged();
    } catch (cause) {
      setError(t('dataDeleteFailed', message(cause)));
    }
  }

  return (
    <div class="data-part">
      <h3>{t('dataDeleteTitle')}</h3>
      {!open ? (
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          {t('dataDeleteOpen')}
        </button>
      ) : (
        <div class="confirm">
          <p>{t('dataDeleteExplain')}</p>
          <label>
            {t('dataDeleteType', word)}
            <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
          </label>
          <div class="row">
            <button type="button" class="danger" disabled={typed.trim() !== word} onClick={() => void run()}>
              {t('dataDeleteConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              {t('dataDeleteKeep')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}

/** Your data: backup, restore, CSV in and out, delete-all. */
export function Data({ onChanged }: { onChanged: () => void }) {
  return (
    <section id="data" aria-labelledby="data-title">
      <h2 id="data-title">{t('dataTitle')}</h2>
      <p class="hint">{t('dataIntro')}</p>
      <Backups onChanged={onChanged} />
      <Csv onChanged={onChanged} />
      <DeleteAll onChanged={onChanged} />
    </section>
  );
}
