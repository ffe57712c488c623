import { formatMoney } from '../popup/format.ts';
import type { Outcome } from '../shared/model.ts';
import type { PlaybookStep } from '../shared/pace.ts';

export { formatMoney, formatTime, KIND_LABELS } from '../popup/format.ts';

/** A value in the target's unit: money, or deals. */
export function formatValue(value: number, unit: 'amount' | 'deals', currency: string): string {
  if (unit === 'amount') return formatMoney(value, currency);
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} deal${rounded === 1 ? '' : 's'}`;
}

export function formatPercent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export const STEP_LABELS: Record<PlaybookStep, string> = {
  customers: 'Customers',
  stalled: 'Stalled deals',
  networks: 'Networks',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  'no-reply': 'No reply',
  replied: 'Replied',
  'helped-referral': 'Helped: referral',
  'helped-intro': 'Helped: intro',
  'helped-advice': 'Helped: advice',
  meeting: 'Meeting',
  won: 'Won',
  lost: 'Lost',
  declined: 'Declined',
};

export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(new Date(y, m - 1, d));
}
