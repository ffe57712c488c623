import { useState } from 'preact/hooks';
import { t, uiLocale } from '../i18n/t.ts';
import { periodContaining } from '../shared/calendar.ts';
import type { LocalDate, Me, PeriodKind, Quota } from '../shared/model.ts';
import { readAmountField } from '../shared/quota-errors.ts';
import { countryOfLocale } from '../shared/plan/countries.ts';
import { CountrySelect } from '../ui/CountrySelect.tsx';
import { DEFAULT_SALES_CYCLE_DAYS } from '../shared/plan/timing.ts';
import { parseQuotaForm, type CycleUnit, type QuotaFormErrors, type QuotaFormInput } from '../shared/quota-form.ts';
import { quotaErrorText } from '../ui/quota-errors.ts';

interface Props {
  today: LocalDate;
  me: Me;
  onSubmit: (quota: Quota, me: Me, salesCycleDays: number | undefined) => Promise<void>;
}

interface FieldProps {
  id: Exclude<keyof QuotaFormInput, 'periodKind' | 'salesCycleUnit' | 'country'> | 'name' | 'company' | 'product';
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

const PERIODS: readonly PeriodKind[] = ['month', 'quarter', 'custom'];
const AMOUNT_FIELDS = ['target', 'closed', 'averageDealSize'] as const;

function periodLabel(kind: PeriodKind): string {
  return kind === 'month' ? t('uiThisMonth') : kind === 'quarter' ? t('uiThisQuarter') : t('uiCustomDates');
}

/** First run: the numbers the gap needs, the period, and who the drafts are signed by and for what. */
export function FirstRun({ today, me, onSubmit }: Props) {
  const [form, setForm] = useState<QuotaFormInput>({
    periodKind: 'month',
    target: '',
    closed: '',
    periodEnd: periodContaining('month', today).end,
    averageDealSize: '',
    currency: 'USD',
    // The browser's region (en-US → US, de → DE); the user can choose another or none.
    country: countryOfLocale(navigator.language) ?? countryOfLocale(uiLocale()) ?? '',
    salesCycle: String(DEFAULT_SALES_CYCLE_DAYS),
    salesCycleUnit: 'days',
  });
  const [name, setName] = useState(me.name);
  const [company, setCompany] = useState(me.company);
  const [product, setProduct] = useState(me.product);
  const [errors, setErrors] = useState<QuotaFormErrors>({});
  const [currencyTouched, setCurrencyTouched] = useState(false);
  const [saving, setSaving] = useState(false);

  /**
   * Every change re-checks the fields already marked wrong, so an error goes away as soon as the
   * value is right; fields not yet marked stay quiet until the user submits.
   */
  function update(next: QuotaFormInput) {
    setForm(next);
    if (Object.keys(errors).length === 0) return;
    const parsed = parseQuotaForm(next, today, uiLocale());
    const still = parsed.ok ? {} : parsed.errors;
    const kept: QuotaFormErrors = {};
    for (const key of Object.keys(errors) as (keyof QuotaFormErrors)[]) if (still[key]) kept[key] = still[key];
    setErrors(kept);
  }

  const set = (key: Exclude<keyof QuotaFormInput, 'periodKind' | 'salesCycleUnit'>) => (value: string) => {
    const next = { ...form, [key]: value };
    if (key === 'periodEnd') next.periodKind = 'custom';
    if (key === 'currency') setCurrencyTouched(true);
    // "240.000 €" also says which currency, unless the user chose one.
    if ((AMOUNT_FIELDS as readonly string[]).includes(key) && !currencyTouched) {
      const written = readAmountField(value, uiLocale()).currency;
      if (written) next.currency = written;
    }
    update(next);
  };

  function choosePeriod(kind: PeriodKind) {
    update({
      ...form,
      periodKind: kind,
      periodEnd: kind === 'custom' ? form.periodEnd : periodContaining(kind, today).end,
    });
  }

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
      await onSubmit(
        parsed.quota,
        { ...me, name: name.trim(), company: company.trim(), product: product.trim() },
        parsed.salesCycleDays,
      );
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
        hint={t('popupFieldAmountHint')}
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
      <fieldset class="period">
        <legend>{t('uiPeriod')}</legend>
        {PERIODS.map((kind) => (
          <label key={kind} class="inline">
            <input
              type="radio"
              name="first-run-period"
              value={kind}
              checked={form.periodKind === kind}
              onChange={() => choosePeriod(kind)}
            />{' '}
            {periodLabel(kind)}
          </label>
        ))}
      </fieldset>
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
      <CountrySelect
        id="country"
        label={t('popupFieldCountry')}
        value={form.country ?? ''}
        onChange={(country) => update({ ...form, country })}
      />
      <div class="field cycle">
        <Field
          id="salesCycle"
          label={t('popupFieldSalesCycle')}
          value={form.salesCycle ?? ''}
          hint={t('popupFieldSalesCycleHint')}
          error={quotaErrorText(errors.salesCycle)}
          onInput={set('salesCycle')}
        />
        <select
          id="salesCycleUnit"
          aria-label={t('popupFieldSalesCycleUnit')}
          value={form.salesCycleUnit}
          onChange={(event) => update({ ...form, salesCycleUnit: event.currentTarget.value as CycleUnit })}
        >
          <option value="days">{t('popupCycleDays')}</option>
          <option value="weeks">{t('popupCycleWeeks')}</option>
        </select>
      </div>
      <Field id="name" label={t('popupFieldName')} value={name} hint={t('popupFieldNameHint')} onInput={setName} />
      <Field id="company" label={t('popupFieldCompany')} value={company} onInput={setCompany} />
      <Field
        id="product"
        label={t('popupFieldProduct')}
        value={product}
        hint={t('popupFieldProductHint')}
        onInput={setProduct}
      />
      <button type="submit" disabled={saving}>
        {t('popupStart')}
      </button>
    </form>
  );
}
