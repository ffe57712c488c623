import { useEffect, useState } from 'preact/hooks';
import type { Ledger, LedgerWarning } from '../shared/ledger.ts';
import { OUTCOMES, type Outcome, type Outreach } from '../shared/model.ts';
import { loadLedger, saveFavour, saveOutcome } from './data.ts';
import { OUTCOME_LABELS } from './format.ts';

interface Props {
  record: Outreach;
  onChanged: () => void;
}

function LedgerLine({ ledger }: { ledger: Ledger }) {
  return (
    <p class="hint ledger">
      Asked {ledger.asksMade}× · helped you {ledger.helpReceived}× · thanked {ledger.thanksSent}× · you helped them{' '}
      {ledger.favoursGiven}×
    </p>
  );
}

/** Quick outcome recording for one outreach, with the person's goodwill ledger beside it. */
export function OutcomeRecorder({ record, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(record.outcome ?? 'replied');
  const [amount, setAmount] = useState(record.wonAmount ? String(record.wonAmount) : '');
  const [error, setError] = useState<string | undefined>();
  const [ledger, setLedger] = useState<{ ledger: Ledger; warnings: LedgerWarning[] } | undefined>();
  const id = `outcome-${record.id}`;

  useEffect(() => {
    if (!open || !record.contactId) return;
    void loadLedger(record.contactId, record.contactName).then(setLedger);
  }, [open, record.contactId, record.contactName]);

  async function save(event: Event) {
    event.preventDefault();
    let wonAmount: number | undefined;
    if (outcome === 'won') {
      wonAmount = Number(amount.replace(/[\s,_]/g, ''));
      if (!Number.isFinite(wonAmount) || wonAmount <= 0) {
        setError('Enter the amount won, e.g. 12000.');
        return;
      }
    }
    setError(undefined);
    await saveOutcome(record.id, outcome, wonAmount);
    setOpen(false);
    onChanged();
  }

  async function helped() {
    if (!record.contactId) return;
    await saveFavour(record.contactId, 'I helped them');
    setLedger(await loadLedger(record.contactId, record.contactName));
  }

  if (!open) {
    return (
      <button
        type="button"
        class="link"
        onClick={() => setOpen(true)}
        aria-label={`Record outcome for ${record.contactName}`}
      >
        {record.outcome ? OUTCOME_LABELS[record.outcome] : 'Outcome…'}
      </button>
    );
  }
  return (
    <form class="outcome" onSubmit={save} aria-label={`Outcome for ${record.contactName}`}>
      <label for={id}>Outcome</label>
      <select id={id} value={outcome} onChange={(event) => setOutcome(event.currentTarget.value as Outcome)}>
        {OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {OUTCOME_LABELS[value]}
          </option>
        ))}
      </select>
      {outcome === 'won' && (
        <>
          <label for={`${id}-amount`}>Won amount</label>
          <input
            id={`${id}-amount`}
            inputMode="decimal"
            value={amount}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </>
      )}
      {error && (
        <small id={`${id}-error`} class="error">
          {error}
        </small>
      )}
      <div class="row">
        <button type="submit">Save outcome</button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {ledger && (
        <>
          <LedgerLine ledger={ledger.ledger} />
          {ledger.warnings.map((warning) => (
            <p key={warning.kind} class="warning">
              {warning.message}
            </p>
          ))}
          <button type="button" class="secondary" onClick={() => void helped()}>
            I helped them
          </button>
        </>
      )}
    </form>
  );
}
