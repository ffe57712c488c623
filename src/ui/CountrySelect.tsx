import { useState } from 'preact/hooks';
import { t, uiLocale } from '../i18n/t.ts';
import { countryOptions } from '../shared/plan/countries.ts';

/**
 * The country whose public holidays are not worked, named in the UI language (first run and the
 * quota settings ask the same question the same way).
 */
export function CountrySelect({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (country: string) => void;
}) {
  const [countries] = useState(() => countryOptions(uiLocale()));
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name="country"
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{t('popupCountryNone')}</option>
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      <small id={`${id}-hint`} class="hint">
        {t('popupFieldCountryHint')}
      </small>
    </div>
  );
}
