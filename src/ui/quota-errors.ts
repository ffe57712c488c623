import { t } from '../i18n/t.ts';
import type { QuotaFieldError } from '../shared/quota-errors.ts';
import { inputNumber, withNumberHint } from './numbers.ts';

/**
 * A refused quota field in the user's language: what to type instead, and how to write a number
 * in the UI language when what was typed is not one there ("7,5" in English).
 */
export function quotaErrorText(error: QuotaFieldError | undefined): string | undefined {
  if (!error) return undefined;
  return withNumberHint(fieldText(error), error.number);
}

function fieldText(error: QuotaFieldError): string {
  switch (error.code) {
    case 'target-amount':
      return t('uiErrorTargetAmount', inputNumber(120_000));
    case 'target-deals':
      return t('uiErrorTargetDeals');
    case 'closed-amount':
      return t('uiErrorClosedAmount');
    case 'closed-deals':
      return t('uiErrorClosedDeals');
    case 'average-deal-size':
      return t('uiErrorAverageDealSize');
    case 'average-deal-size-optional':
      return t('uiErrorAverageDealSizeOptional');
    case 'period-start':
      return t('uiErrorPeriodStart');
    case 'period-end':
      return t('uiErrorPeriodEnd');
    case 'period-end-before-start':
      return t('uiErrorPeriodEndBeforeStart');
    case 'period-end-past':
      return t('uiErrorPeriodEndPast');
    case 'currency':
      return t('uiErrorCurrency');
    case 'amount-currency':
      return t('uiErrorAmountCurrency', error.typed, error.chosen);
    case 'working-weekdays':
      return t('uiErrorWorkingWeekdays');
    case 'day-off':
      return t('uiErrorDayOff', error.day);
    case 'reminder-hour':
      return t('uiErrorReminderHour');
    case 'realistic-asks':
      return t('uiErrorRealisticAsks');
    case 'whole-number':
      return t('uiErrorWholeNumber');
    case 'percentage':
      return t('uiErrorPercentage', inputNumber(7.5, 1));
    case 'sales-cycle':
      return t('uiErrorSalesCycle');
    case 'country':
      return t('uiErrorCountry');
  }
}
