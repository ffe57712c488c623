import { t } from '../i18n/t.ts';
import type { LedgerWarning } from '../shared/ledger.ts';

/** A goodwill-ledger warning in the user's language. */
export function ledgerWarningText(warning: LedgerWarning): string {
  const name = warning.firstName.trim();
  if (warning.kind === 'not-thanked') return name ? t('uiWarningNotThanked', name) : t('uiWarningNotThankedNoName');
  // Only from two asks on (OFTEN_ASKED), so the count is always plural.
  return name
    ? t('uiWarningAskedOften', name, warning.count, warning.days)
    : t('uiWarningAskedOftenNoName', warning.count, warning.days);
}
