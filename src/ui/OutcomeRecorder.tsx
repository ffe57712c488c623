import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';
import type { Ledger, LedgerWarning } from '../shared/ledger.ts';
import { OUTCOMES, type Outcome, type Outreach } from '../shared/model.ts';
import { loadLedger, saveFavour, saveOutcome } from './data.ts';
import { OUTCOME_LABELS } from './format.ts';
import { ledgerWarningText } from './ledger-warnings.ts';
import { ReferralFields, useReferralForm } from './ReferralFields.tsx';
import { formatMoney } from './format.ts';
import { amountProblem, inputNumber, readAmount, withNumberHint } from './numbers.ts';

interface Props {
  record: Outreach;
  onChanged: () => void;
}

function LedgerLine({ ledger, currency }: { ledger: Ledger; currency: string }) {
  const { referrals } = ledger;
  return (
    <>
      <p class="hint ledger">
        {t(
          'uiLedgerLine',
          String(ledger.asksMade),
          String(ledger.helpReceived),
          String(ledger.thanksSent),
          String(ledger.favoursGiven),
        )}
      </p>
      {referrals.referred > 0 && (
        <p class="hint ledger">
          {t(
            'uiLedgerReferrals',
            String(referrals.referred),
            String(referrals.met),
            String(referrals.won),
            formatMoney(referrals.wonAmount, currency),
          )}
        </p>
      )}
    </>
  );
}

/** Quick outcome recording for one outreach, with the person's goodwill ledger beside it. */
export function OutcomeRecorder({ record, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(record.outcome ?? 'replied');
  const [amount, setAmount] = useState(record.wonAmount ? inputNumber(record.wonAmount) : '');
  const [error, setError] = useState<string | undefined>();
  const referral = useReferralForm();
  const [ledger, setLedger] = useState<{ ledger: Ledger; warnings: LedgerWarning[]; currency: string } | undefined>();
  const id = `outcome-${record.id}`;
  const select = useRef<HTMLSelectElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  // Keyboard users land on the outcome when the form opens, and back on its button when it closes.
  useEffect(() => {
    if (open) select.current?.focus();
    else if (opened.current) toggle.current?.focus();
    opened.current ||= open;
  }, [open]);

  useEffect(() => {
    if (!open || !record.contactId) return;
    void loadLedger(record.contactId, record.contactName).then(setLedger);
  }, [open, record.contactId, record.contactName]);

  async function save(event: Event) {
    event.preventDefault();
    let wonAmount: number | undefined;
    if (outcome === 'won') {
      // Read as the UI language writes numbers: "10,000" in English, "10.000" in German.
      const read = readAmount(amount);
      if (!read.ok || read.value <= 0) {
        setError(withNumberHint(t('uiWonAmountError', inputNumber(12_000)), amountProblem(read)));
        return;
      }
      wonAmount = read.value;
    }
    // "Helped: referral" asks whom: that person becomes a lead referred by this contact.
    let person;
    if (outcome === 'helped-referral') {
      person = referral.read();
      if (!person) return;
    }
    setError(undefined);
    await saveOutcome(record.id, outcome, wonAmount, person);
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
        ref={toggle}
        type="button"
        class="link"
        onClick={() => setOpen(true)}
        aria-label={t('uiRecordOutcomeFor', record.contactName)}
      >
        {record.outcome ? OUTCOME_LABELS[record.outcome] : t('uiOutcomeButton')}
      </button>
    );
  }
  return (
    <form class="outcome" onSubmit={save} aria-label={t('uiOutcomeFor', record.contactName)}>
      <label for={id}>{t('uiOutcome')}</label>
      <select
        ref={select}
        id={id}
        value={outcome}
        onChange={(event) => setOutcome(event.currentTarget.value as Outcome)}
      >
        {OUTCOMES.map((value) => (
          <option key={value} value={value}>
            {OUTCOME_LABELS[value]}
          </option>
        ))}
      </select>
      {outcome === 'won' && (
        <>
          <label for={`${id}-amount`}>{t('uiWonAmount')}</label>
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
      {outcome === 'helped-referral' && (
        <ReferralFields
          id={`${id}-referral`}
          value={referral.value}
          problems={referral.problems}
          onChange={referral.onChange}
        />
      )}
      {error && (
        <small id={`${id}-error`} class="error">
          {error}
        </small>
      )}
      <div class="row">
        <button type="submit">{t('uiSaveOutcome')}</button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('uiCancel')}
        </button>
      </div>
      {ledger && (
        <>
          <LedgerLine ledger={ledger.ledger} currency={ledger.currency} />
          {ledger.warnings.map((warning) => (
            <p key={warning.kind} class="warning">
              {ledgerWarningText(warning)}
            </p>
          ))}
          <button type="button" class="secondary" onClick={() => void helped()}>
            {t('uiHelpedThem')}
          </button>
        </>
      )}
    </form>
  );
}
