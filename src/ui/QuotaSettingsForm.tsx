import { useState } from 'preact/hooks';
import { t, uiLocale } from '../i18n/t.ts';
import type { LocalDate, PaceSettings, PeriodKind, Quota, Settings, TargetKind } from '../shared/model.ts';
import {
  EDITABLE_CONVERSION_KINDS,
  parseQuotaSettings,
  quotaSettingsInput,
  type QuotaSettingsErrors,
  type QuotaSettingsInput,
} from '../shared/quota-settings.ts';
import { effectivePeriod } from '../shared/calendar.ts';
import { CountrySelect } from './CountrySelect.tsx';
import { formatDate, KIND_LABELS } from './format.ts';
import { quotaErrorText } from './quota-errors.ts';

interface Props {
  today: LocalDate;
  quota: Quota | undefined;
  settings: Settings;
  pace: PaceSettings;
  onSave: (quota: Quota, settings: Settings, pace: PaceSettings) => Promise<void>;
  onCancel?: () => void;
}

const WEEKDAYS = [
  [1, t('uiMon')],
  [2, t('uiTue')],
  [3, t('uiWed')],
  [4, t('uiThu')],
  [5, t('uiFri')],
  [6, t('uiSat')],
  [0, t('uiSun')],
] as const;

type TextKey = Exclude<
  keyof QuotaSettingsInput,
  'conversion' | 'workingWeekdays' | 'periodKind' | 'targetKind' | 'country' | 'workedHolidays'
>;

function Text(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'date';
  onInput: (value: string) => void;
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        {...(props.type === 'date' ? { type: 'date' as const } : { type: 'text' as const })}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${props.id}-error`} class="error">
          {props.error}
        </small>
      )}
    </div>
  );
}

/** Quota, working days, pace and reminder settings: the same form in the popup and the options page. */
export function QuotaSettingsForm({ today, quota, settings, pace, onSave, onCancel }: Props) {
  const [form, setForm] = useState<QuotaSettingsInput>(() =>
    quotaSettingsInput(quota, settings, pace, today, uiLocale()),
  );
  const [errors, setErrors] = useState<QuotaSettingsErrors>({});
  const [saved, setSaved] = useState(false);
  // The stored holidays of the chosen country (a new country's are computed on save).
  const period = quota ? effectivePeriod(quota, today) : undefined;
  const holidays =
    quota?.holidays && period && quota.holidays.country === form.country
      ? quota.holidays.days.filter((day) => day.date >= period.start && day.date <= period.end)
      : [];
  const worked = new Set(form.workedHolidays);
  const toggleHoliday = (date: string, off: boolean) =>
    setForm({
      ...form,
      workedHolidays: off ? form.workedHolidays.filter((d) => d !== date) : [...form.workedHolidays, date],
    });
  const set = (key: TextKey) => (value: string) => setForm({ ...form, [key]: value });
  const text = (key: TextKey, label: string, extra: { hint?: string; type?: 'date' } = {}) => (
    <Text
      id={`qs-${key}`}
      label={label}
      value={form[key]}
      error={quotaErrorText(errors[key])}
      onInput={set(key)}
      {...extra}
    />
  );

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = parseQuotaSettings(form, today, { settings, pace }, uiLocale());
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setSaved(false);
      return;
    }
    setErrors({});
    await onSave(parsed.quota, parsed.settings, parsed.pace);
    setSaved(true);
  }

  const deals = form.targetKind === 'deals';
  return (
    <form onSubmit={submit} aria-labelledby="qs-title" noValidate class="settings">
      <h2 id="qs-title">{t('uiSettingsTitle')}</h2>
      <fieldset>
        <legend>{t('uiPeriod')}</legend>
        {(
          [
            ['month', t('uiThisMonth')],
            ['quarter', t('uiThisQuarter')],
            ['custom', t('uiCustomDates')],
          ] as [PeriodKind, string][]
        ).map(([value, label]) => (
          <label key={value} class="inline">
            <input
              type="radio"
              name="qs-period"
              value={value}
              checked={form.periodKind === value}
              onChange={() => setForm({ ...form, periodKind: value })}
            />{' '}
            {label}
          </label>
        ))}
        {form.periodKind === 'custom' && (
          <>
            {text('periodStart', t('uiPeriodStarts'), { type: 'date' })}
            {text('periodEnd', t('uiPeriodEnds'), { type: 'date' })}
          </>
        )}
      </fieldset>
      <div class="field">
        <label for="qs-targetKind">{t('uiTargetIn')}</label>
        <select
          id="qs-targetKind"
          value={form.targetKind}
          onChange={(event) => setForm({ ...form, targetKind: event.currentTarget.value as TargetKind })}
        >
          <option value="amount">{t('uiAnAmount')}</option>
          <option value="deals">{t('uiNumberOfDeals')}</option>
        </select>
      </div>
      {text('target', deals ? t('uiQuotaTargetDeals') : t('uiQuotaTarget'))}
      {text('closed', deals ? t('uiDealsClosed') : t('uiClosed'), {
        hint: t('uiClosedHint'),
      })}
      {text('averageDealSize', t('uiAverageDealSize'))}
      {text('currency', t('uiCurrency'))}
      <fieldset aria-describedby={errors.workingWeekdays ? 'qs-weekdays-error' : undefined}>
        <legend>{t('uiWorkingDays')}</legend>
        {WEEKDAYS.map(([day, label]) => (
          <label key={day} class="inline">
            <input
              type="checkbox"
              checked={form.workingWeekdays.includes(day)}
              onChange={(event) =>
                setForm({
                  ...form,
                  workingWeekdays: event.currentTarget.checked
                    ? [...form.workingWeekdays, day]
                    : form.workingWeekdays.filter((d) => d !== day),
                })
              }
            />{' '}
            {label}
          </label>
        ))}
        {errors.workingWeekdays && (
          <small id="qs-weekdays-error" class="error">
            {quotaErrorText(errors.workingWeekdays)}
          </small>
        )}
      </fieldset>
      <CountrySelect
        id="qs-country"
        label={t('uiCountry')}
        value={form.country}
        onChange={(country) => setForm({ ...form, country })}
      />
      {holidays.length > 0 && (
        <fieldset>
          <legend>{t('uiHolidaysLegend')}</legend>
          <small class="hint">{t('uiHolidaysHint')}</small>
          {holidays.map((day) => (
            <label key={day.date} class="inline holiday">
              <input
                type="checkbox"
                checked={!worked.has(day.date)}
                onChange={(event) => toggleHoliday(day.date, event.currentTarget.checked)}
              />{' '}
              {t('uiHolidayOff', day.name, formatDate(day.date))}
            </label>
          ))}
        </fieldset>
      )}
      {text('daysOff', t('uiDaysOff'), { hint: t('uiDaysOffHint') })}
      {text('salesCycle', t('uiSalesCycle'), { hint: t('uiSalesCycleHint') })}
      {text('reminderHour', t('uiReminderHour'), { hint: t('uiReminderHourHint') })}
      {text('realisticAsksPerDay', t('uiRealisticAsks'), { hint: t('uiRealisticAsksHint') })}
      {text('customersPerDay', t('uiCustomerAsks'), { hint: t('uiCustomerAsksHint') })}
      {text('stalledPerDay', t('uiStalledRevivals'), { hint: t('uiStalledRevivalsHint') })}
      <fieldset>
        <legend>{t('uiConversionLegend')}</legend>
        {EDITABLE_CONVERSION_KINDS.map((kind) => (
          <Text
            key={kind}
            id={`qs-conv-${kind}`}
            label={KIND_LABELS[kind] ?? kind}
            value={form.conversion[kind] ?? ''}
            error={quotaErrorText(errors[kind])}
            onInput={(value) => setForm({ ...form, conversion: { ...form.conversion, [kind]: value } })}
          />
        ))}
      </fieldset>
      <div class="row">
        <button type="submit">{t('uiSaveSettings')}</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            {t('uiBack')}
          </button>
        )}
        {saved && <span role="status">{t('uiSaved')}</span>}
      </div>
    </form>
  );
}
