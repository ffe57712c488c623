import { useState } from 'preact/hooks';
import { t, uiLocale } from '../i18n/t.ts';
import type { LocalDate, Me, Quota } from '../shared/model.ts';
import { parseQuotaForm, type QuotaFormErrors, type QuotaFormInput } from '../shared/quota-form.ts';
import { quotaErrorText } from '../ui/quota-errors.ts';

interface Props {
  today: LocalDate;
  me: Me;
  onSubmit: (quota: Quota, me: Me) => Promise<void>;
}

interface FieldProps {
  id: keyof QuotaFormInput | 'name' | 'company';
  label: string;
  type?: 'text' | 'date';
  /** Amount fields ask for a number keypad on touch devices. */
  amount?: boolean;
  value: string;
  error?: string | undefined;
  hint?: string;
  onInput: (value: string) => void;
}

function Field({ id, label, type = 'text', amount = false, value, error, hint, onInput }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const kind =
    type === 'date'
      ? { type: 'date' as const }
      : { type: 'text' as const, inputMode: amount ? ('decimal' as const) : undefined };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        {...kind}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="error">
          {error}
        </small>
      )}
    </div>
  );
}

function lastDayOfMonth(today: LocalDate): LocalDate {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${today.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** First run: the four numbers the gap needs, and who the drafts are signed by. */
export function FirstRun({ today, me, onSubmit }: Props) {
  const [form, setForm] = useState<QuotaFormInput>({
    target: '',
    closed: '',
    periodEnd: lastDayOfMonth(today),
    averageDealSize: '',
    currency: 'USD',
  });
  const [name, setName] = useState(me.name);
  const [company, setCompany] = useState(me.company);
  const [errors, setErrors] = useState<QuotaFormErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (key: keyof QuotaFormInput) => (value: string) => setForm({ ...form, [key]: value });

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = parseQuotaForm(form, today, uiLocale());
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(parsed.quota, { ...me, name: name.trim(), company: company.trim() });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="first-run-title" noValidate>
      <h2 id="first-run-title">{t('popupFirstRunTitle')}</h2>
      <p class="hint">{t('popupFirstRunIntro')}</p>
      <Field
        id="target"
        amount
        label={t('popupFieldTarget')}
        value={form.target}
        error={quotaErrorText(errors.target)}
        onInput={set('target')}
      />
      <Field
        id="closed"
        amount
        label={t('popupFieldClosed')}
        value={form.closed}
        error={quotaErrorText(errors.closed)}
        onInput={set('closed')}
      />
      <Field
        id="periodEnd"
        label={t('popupFieldPeriodEnd')}
        type="date"
        value={form.periodEnd}
        error={quotaErrorText(errors.periodEnd)}
        onInput={set('periodEnd')}
      />
      <Field
        id="averageDealSize"
        amount
        label={t('popupFieldAverageDealSize')}
        value={form.averageDealSize}
        error={quotaErrorText(errors.averageDealSize)}
        onInput={set('averageDealSize')}
      />
      <Field
        id="currency"
        label={t('popupFieldCurrency')}
        value={form.currency}
        error={quotaErrorText(errors.currency)}
        onInput={set('currency')}
      />
      <Field id="name" label={t('popupFieldName')} value={name} hint={t('popupFieldNameHint')} onInput={setName} />
      <Field id="company" label={t('popupFieldCompany')} value={company} onInput={setCompany} />
      <button type="submit" disabled={saving}>
        {t('popupStart')}
      </button>
    </form>
  );
}
