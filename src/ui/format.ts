import { t, uiLocale } from '../i18n/t.ts';
import { formatMoney } from '../popup/format.ts';
import type { Outcome } from '../shared/model.ts';
import type { PlaybookStep } from '../shared/pace.ts';

export { formatMoney, formatTime, KIND_LABELS } from '../popup/format.ts';

/** A value in the target's unit: money, or deals. */
export function formatValue(value: number, unit: 'amount' | 'deals', currency: string): string {
  if (unit === 'amount') return formatMoney(value, currency);
  const rounded = Math.round(value * 10) / 10;
  const shown = new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1, useGrouping: false }).format(rounded);
  return rounded === 1 ? t('uiDealOne', shown) : t('uiDealsMany', shown);
}

export function formatPercent(rate: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 1, useGrouping: false }).format(
    Math.round(rate * 1000) / 1000,
  );
}

export const STEP_LABELS: Record<PlaybookStep, string> = {
  customers: t('uiStepCustomers'),
  stalled: t('uiStepStalled'),
  networks: t('uiStepNetworks'),
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  'no-reply': t('uiOutcomeNoReply'),
  replied: t('uiOutcomeReplied'),
  'helped-referral': t('uiOutcomeHelpedReferral'),
  'helped-intro': t('uiOutcomeHelpedIntro'),
  'helped-advice': t('uiOutcomeHelpedAdvice'),
  meeting: t('uiOutcomeMeeting'),
  won: t('uiOutcomeWon'),
  lost: t('uiOutcomeLost'),
  declined: t('uiOutcomeDeclined'),
};

export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short' }).format(new Date(y, m - 1, d));
}
