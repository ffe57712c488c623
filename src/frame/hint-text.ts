import { t } from '../i18n/t.ts';
import type { ContactHint } from '../shared/contact-hint.ts';

/** The one-line hint about a person, in the user's language. */
export function hintText(hint: ContactHint): string {
  switch (hint.kind) {
    case 'not-thanked':
      return t('hintNotThanked');
    case 'asked-often':
      return t('hintAskedOften', hint.times, hint.days);
    case 'asked-today':
      return t('hintAskedToday');
    case 'asked-days-ago':
      return hint.days === 1 ? t('hintAskedOneDayAgo') : t('hintAskedDaysAgo', hint.days);
  }
}
