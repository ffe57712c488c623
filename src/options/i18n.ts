import { uiLocale } from '../i18n/t.ts';

let numberFormat: Intl.NumberFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** A count in the UI language's digits and grouping (1,234 in English, 1.234 in German). */
export function formatCount(value: number): string {
  return (numberFormat ??= new Intl.NumberFormat(uiLocale())).format(value);
}

/** A moment as a medium date and a short time in the UI language. */
export function formatDateTime(value: number | Date): string {
  return (dateTimeFormat ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })).format(
    value,
  );
}
