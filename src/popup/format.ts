import { t, uiLocale } from '../i18n/t.ts';

/** One formatter per currency: building an Intl formatter costs far more than formatting with it. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string): string {
  try {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(uiLocale(), { style: 'currency', currency, maximumFractionDigits: 0 });
      moneyFormats.set(currency, format);
    }
    return format.format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString(uiLocale())} ${currency}`;
  }
}

export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

export const KIND_LABELS: Record<string, string> = {
  'referral-ask': t('uiKindReferralAsk'),
  upsell: t('uiKindUpsell'),
  'stalled-revival': t('uiKindStalledRevival'),
  'favour-ask': t('uiKindFavourAsk'),
  'group-post': t('uiKindGroupPost'),
  'follow-up': t('uiKindFollowUp'),
  'thank-you': t('uiKindThankYou'),
};
