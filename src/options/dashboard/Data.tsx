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
import { contactsCsv, outreachCsv } from '../../shared/csv.ts';
import { notifyWorker } from '../../messaging/client.ts';
import { exportAll } from '../../storage/backup.ts';
import { allOutreach } from '../../storage/dashboard.ts';
import { getDb } from '../../storage/db.ts';
import { DB_VERSION } from '../../storage/migrations.ts';
import { deleteEverything, readBackupFile, restoreBackup } from '../../storage/data-writes.ts';
import { preferencesForBackup, restorePreferences } from '../../ui/in-page-buttons.ts';
import { formatCount } from '../i18n.ts';
import { clearAlarmsAndBadge } from './data.ts';
import { backupErrorText, isOne, storeLabel } from './data-text.ts';
import { useMarkWhenPainted } from './paint-mark.ts';
import { CrmExports } from './CrmExports.tsx';
import { download, stamp } from './files.ts';
import { Import } from './Import.tsx';

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

  // Marks for the bench (scripts/bench/dashboard.ts): file chosen → preview painted, click → result painted.
  useMarkWhenPainted('gap-closer:restore-previewed', pending);
  useMarkWhenPainted('gap-closer:restore-done', status);

  async function choose(file: File | undefined) {
    performance.mark('gap-closer:restore-chosen');
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
    performance.mark('gap-closer:restore-started');
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

/** CSV exports: the log, the contacts, and the files CRMs import without mapping. */
function Csv() {
  async function exportOutreach() {
    const db = await getDb();
    download(`gap-closer-outreach-${stamp()}.csv`, `\uFEFF${outreachCsv(await allOutreach(db))}`, 'text/csv');
  }
  async function exportContacts() {
    const db = await getDb();
    download(`gap-closer-contacts-${stamp()}.csv`, `\uFEFF${contactsCsv(await db.getAll('contacts'))}`, 'text/csv');
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
      <CrmExports />
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
      <Import onChanged={onChanged} />
      <Csv />
      <DeleteAll onChanged={onChanged} />
    </section>
  );
}
