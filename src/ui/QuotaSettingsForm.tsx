import { useState } from 'preact/hooks';
import type { LocalDate, PaceSettings, PeriodKind, Quota, Settings, TargetKind } from '../shared/model.ts';
import {
  EDITABLE_CONVERSION_KINDS,
  parseQuotaSettings,
  quotaSettingsInput,
  type QuotaSettingsErrors,
  type QuotaSettingsInput,
} from '../shared/quota-settings.ts';
import { KIND_LABELS } from './format.ts';

interface Props {
  today: LocalDate;
  quota: Quota | undefined;
  settings: Settings;
  pace: PaceSettings;
  onSave: (quota: Quota, settings: Settings, pace: PaceSettings) => Promise<void>;
  onCancel?: () => void;
}

const WEEKDAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [0, 'Sun'],
] as const;

type TextKey = Exclude<keyof QuotaSettingsInput, 'conversion' | 'workingWeekdays' | 'periodKind' | 'targetKind'>;

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
  const [form, setForm] = useState<QuotaSettingsInput>(() => quotaSettingsInput(quota, settings, pace, today));
  const [errors, setErrors] = useState<QuotaSettingsErrors>({});
  const [saved, setSaved] = useState(false);
  const set = (key: TextKey) => (value: string) => setForm({ ...form, [key]: value });
  const text = (key: TextKey, label: string, extra: { hint?: string; type?: 'date' } = {}) => (
    <Text id={`qs-${key}`} label={label} value={form[key]} error={errors[key]} onInput={set(key)} {...extra} />
  );

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = parseQuotaSettings(form, today, { settings, pace });
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
      <h2 id="qs-title">Quota and pace settings</h2>
      <fieldset>
        <legend>Period</legend>
        {(
          [
            ['month', 'This month'],
            ['quarter', 'This quarter'],
            ['custom', 'Custom dates'],
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
            {text('periodStart', 'Period starts', { type: 'date' })}
            {text('periodEnd', 'Period ends', { type: 'date' })}
          </>
        )}
      </fieldset>
      <div class="field">
        <label for="qs-targetKind">Target in</label>
        <select
          id="qs-targetKind"
          value={form.targetKind}
          onChange={(event) => setForm({ ...form, targetKind: event.currentTarget.value as TargetKind })}
        >
          <option value="amount">An amount</option>
          <option value="deals">A number of deals</option>
        </select>
      </div>
      {text('target', deals ? 'Quota target (deals)' : 'Quota target')}
      {text('closed', deals ? 'Deals closed so far' : 'Closed so far', {
        hint: 'Before Gap Closer counted; won outcomes add to it.',
      })}
      {text('averageDealSize', 'Average deal size')}
      {text('currency', 'Currency')}
      <fieldset aria-describedby={errors.workingWeekdays ? 'qs-weekdays-error' : undefined}>
        <legend>Working days</legend>
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
            {errors.workingWeekdays}
          </small>
        )}
      </fieldset>
      {text('daysOff', 'Days off', { hint: 'Dates as YYYY-MM-DD, separated by commas.' })}
      {text('reminderHour', 'Reminder hour', { hint: 'A daily notification at this hour (0–23).' })}
      {text('realisticAsksPerDay', 'Realistic asks a day', { hint: 'Above this, the pace is called unrealistic.' })}
      {text('customersPerDay', 'Customer asks a day', { hint: 'Playbook step 1; stalled deals come next.' })}
      {text('stalledPerDay', 'Stalled-deal revivals a day', { hint: 'Step 2; networks take the rest.' })}
      <fieldset>
        <legend>Conversion assumptions (% of asks that become a deal)</legend>
        {EDITABLE_CONVERSION_KINDS.map((kind) => (
          <Text
            key={kind}
            id={`qs-conv-${kind}`}
            label={KIND_LABELS[kind] ?? kind}
            value={form.conversion[kind] ?? ''}
            error={errors[kind]}
            onInput={(value) => setForm({ ...form, conversion: { ...form.conversion, [kind]: value } })}
          />
        ))}
      </fieldset>
      <div class="row">
        <button type="submit">Save settings</button>
        {onCancel && (
          <button type="button" class="secondary" onClick={onCancel}>
            Back
          </button>
        )}
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
