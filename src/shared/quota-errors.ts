/**
 * Why a field of the quota forms (first run and settings) was refused. Shared code says what is
 * wrong; the UI words it in the user's language (src/ui/quota-errors.ts).
 */
export type QuotaFieldError =
  | { code: 'target-amount' }
  | { code: 'target-deals' }
  | { code: 'closed-amount' }
  | { code: 'closed-deals' }
  | { code: 'average-deal-size' }
  | { code: 'average-deal-size-optional' }
  | { code: 'period-start' }
  | { code: 'period-end' }
  | { code: 'period-end-before-start' }
  | { code: 'period-end-past' }
  | { code: 'currency' }
  | { code: 'working-weekdays' }
  | { code: 'day-off'; day: string }
  | { code: 'reminder-hour' }
  | { code: 'realistic-asks' }
  | { code: 'whole-number' }
  | { code: 'percentage' };
