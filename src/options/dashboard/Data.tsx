import { useState } from 'preact/hooks';
import {
  BACKUP_STORES,
  backupJson,
  makeBackup,
  previewRestore,
  readBackup,
  type Backup,
  type StoreChange,
} from '../../shared/backup.ts';
import {
  CONTACT_FIELD_LABELS,
  CONTACT_FIELDS,
  contactsCsv,
  contactsFromRows,
  guessMapping,
  outreachCsv,
  type ColumnMapping,
  type ContactField,
} from '../../shared/csv.ts';
import { deleteAll, exportAll, importContacts, restoreAll } from '../../storage/backup.ts';
import { allOutreach } from '../../storage/dashboard.ts';
import { getDb } from '../../storage/db.ts';
import { DB_VERSION } from '../../storage/migrations.ts';
import { notifyWorker } from '../../ui/data.ts';
import { clearAlarmsAndBadge, relationshipLabels } from './data.ts';
import { download, parseCsvFile, stamp } from './files.ts';

const STORE_LABELS: Record<(typeof BACKUP_STORES)[number], string> = {
  contacts: 'Contacts',
  outreach: 'Outreach',
  thanks: 'Thank-yous',
  favours: 'Favours',
  templates: 'Templates',
  settings: 'Settings',
};

function ProgressBar({ label, value }: { label: string; value: number | undefined }) {
  if (value === undefined) return null;
  return (
    <p>
      <progress aria-label={label} max={100} value={Math.round(value * 100)} /> {Math.round(value * 100)}%
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
    const data = await exportAll(await getDb());
    download(
      `gap-closer-backup-${stamp()}.json`,
      backupJson(makeBackup(data, DB_VERSION, new Date())),
      'application/json',
    );
    const count = BACKUP_STORES.reduce((sum, store) => sum + data[store].length, 0);
    setStatus(`Backup of ${count.toLocaleString('en')} records downloaded.`);
  }

  async function choose(file: File | undefined) {
    setError(undefined);
    setStatus(undefined);
    setPending(undefined);
    if (!file) return;
    setProgress(0.05);
    const result = readBackup(await file.text(), DB_VERSION);
    setProgress(undefined);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const current = await exportAll(await getDb());
    setPending({ backup: result.backup, changes: previewRestore(current, result.backup.stores), name: file.name });
  }

  async function restore() {
    if (!pending) return;
    setError(undefined);
    setProgress(0);
    try {
      await restoreAll(await getDb(), pending.backup.stores, (done, total) => setProgress(done / total));
      const count = BACKUP_STORES.reduce((sum, store) => sum + pending.backup.stores[store].length, 0);
      setStatus(`Restored ${count.toLocaleString('en')} records from ${pending.name}.`);
      setPending(undefined);
      void notifyWorker();
      onChanged();
    } catch (cause) {
      setError(`The restore failed and nothing was changed: ${message(cause)}`);
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <div class="data-part">
      <h3>Full backup (JSON)</h3>
      <p class="hint">Every contact, outreach, thank-you, favour, template and setting, in one file you keep.</p>
      <button type="button" onClick={() => void exportJson()}>
        Download full backup
      </button>
      <FileChoice label="Restore from a backup file" accept=".json,application/json" onChoose={choose} />
      <ProgressBar label="Restore progress" value={progress} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {pending && (
        <div class="preview">
          <table class="data">
            <caption>What restoring {pending.name} changes</caption>
            <thead>
              <tr>
                <th scope="col">Store</th>
                <th scope="col">Now</th>
                <th scope="col">In the file</th>
                <th scope="col">Added</th>
                <th scope="col">Changed</th>
                <th scope="col">Removed</th>
                <th scope="col">Unchanged</th>
              </tr>
            </thead>
            <tbody>
              {pending.changes.map((c) => (
                <tr key={c.store}>
                  <th scope="row">{STORE_LABELS[c.store]}</th>
                  <td>{c.current}</td>
                  <td>{c.incoming}</td>
                  <td>{c.added}</td>
                  <td>{c.changed}</td>
                  <td>{c.removed}</td>
                  <td>{c.unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Restoring replaces all your current data with the backup's. It happens completely or not at all.</p>
          <div class="row">
            <button type="button" onClick={() => void restore()}>
              Replace my data with this backup
            </button>
            <button type="button" class="secondary" onClick={() => setPending(undefined)}>
              Cancel restore
            </button>
          </div>
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}

/** CSV exports and the contacts import with column mapping and preview. */
function Csv({ onChanged }: { onChanged: () => void }) {
  const [file, setFile] = useState<
    { name: string; header: string[]; rows: string[][]; errors: string[] } | undefined
  >();
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [progress, setProgress] = useState<number | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function exportOutreach() {
    const db = await getDb();
    download(
      `gap-closer-outreach-${stamp()}.csv`,
      `\uFEFF${outreachCsv(await allOutreach(db))}`,
      'text/csv',
    );
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
      if (parsed.header.length === 0) throw new Error('The file is empty.');
      setFile({ name: chosen.name, ...parsed });
      setMapping(guessMapping(parsed.header));
    } catch (cause) {
      setError(`Could not read ${chosen.name}: ${message(cause)}`);
    } finally {
      setProgress(undefined);
    }
  }

  const result = file ? contactsFromRows(file.rows, mapping) : undefined;

  async function runImport() {
    if (!result || !file) return;
    setProgress(0);
    try {
      const done = await importContacts(await getDb(), result.contacts, Date.now(), (n, total) =>
        setProgress(n / total),
      );
      setStatus(`Imported ${file.name}: ${done.created} new contacts, ${done.updated} updated.`);
      setFile(undefined);
      onChanged();
    } catch (cause) {
      setError(`The import failed and nothing was changed: ${message(cause)}`);
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <div class="data-part">
      <h3>Spreadsheets and CRMs (CSV)</h3>
      <p class="hint">
        Contacts use the column names CRMs import directly (First Name, Last Name, Email Address, Company Name, LinkedIn
        URL). Cells that a spreadsheet would run as a formula are written as text.
      </p>
      <div class="row">
        <button type="button" onClick={() => void exportOutreach()}>
          Download outreach CSV
        </button>
        <button type="button" onClick={() => void exportContacts()}>
          Download contacts CSV
        </button>
      </div>
      <FileChoice label="Import contacts from a CSV file" accept=".csv,text/csv" onChoose={choose} />
      <ProgressBar label="Import progress" value={progress} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {file && result && (
        <div class="preview">
          <fieldset>
            <legend>Which column is what</legend>
            <div class="mapping">
              {file.header.map((name, column) => (
                <label key={column}>
                  Column “{name || `#${column + 1}`}”
                  <select
                    value={mapping[column] ?? ''}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[column] = (e.currentTarget.value || null) as ContactField | null;
                      setMapping(next);
                    }}
                  >
                    <option value="">Leave out</option>
                    {CONTACT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {CONTACT_FIELD_LABELS[field]}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </fieldset>
          <p role="status">
            {result.contacts.length} contact{result.contacts.length === 1 ? '' : 's'} ready to import
            {result.rejected.length > 0
              ? `, ${result.rejected.length} row${result.rejected.length === 1 ? '' : 's'} left out`
              : ''}
            .
          </p>
          {result.rejected.length > 0 && (
            <ul aria-label="Rows left out" class="rejected">
              {result.rejected.slice(0, 5).map((r) => (
                <li key={r.row}>
                  Row {r.row}: {r.message}
                </li>
              ))}
            </ul>
          )}
          {file.errors.length > 0 && <p class="warning">The file has format problems: {file.errors.join('; ')}</p>}
          <table class="data">
            <caption>Preview (first 5 contacts)</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Company</th>
                <th scope="col">LinkedIn</th>
                <th scope="col">Relationship</th>
              </tr>
            </thead>
            <tbody>
              {result.contacts.slice(0, 5).map((c, i) => (
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
              Import {result.contacts.length} contacts
            </button>
            <button type="button" class="secondary" onClick={() => setFile(undefined)}>
              Cancel import
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

  async function run() {
    try {
      await deleteAll(await getDb());
      await clearAlarmsAndBadge();
      setOpen(false);
      setTyped('');
      setStatus('All your data, settings and reminders were deleted.');
      onChanged();
    } catch (cause) {
      setError(`Nothing was deleted: ${message(cause)}`);
    }
  }

  return (
    <div class="data-part">
      <h3>Delete everything</h3>
      {!open ? (
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          Delete all my data…
        </button>
      ) : (
        <div class="confirm">
          <p>
            This removes every contact, outreach, thank-you, favour, template and setting, and the reminders. It cannot
            be undone: download a backup first if you may want it back.
          </p>
          <label>
            Type DELETE to confirm
            <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
          </label>
          <div class="row">
            <button type="button" class="danger" disabled={typed.trim() !== 'DELETE'} onClick={() => void run()}>
              Delete everything
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              Keep my data
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
    // Not translated yet: marked English so that a screen reader in another UI language reads it right.
    <section id="data" aria-labelledby="data-title" lang="en">
      <h2 id="data-title">Your data</h2>
      <p class="hint">Everything stays in this browser. These files are yours to keep, move or delete.</p>
      <Backups onChanged={onChanged} />
      <Csv onChanged={onChanged} />
      <DeleteAll onChanged={onChanged} />
    </section>
  );
}
