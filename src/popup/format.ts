export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString()} ${currency}`;
  }
}

export function formatTime(epochMs: number): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

export const KIND_LABELS: Record<string, string> = {
  'referral-ask': 'Referral ask',
  upsell: 'Upsell',
  'stalled-revival': 'Stalled-deal revival',
  'favour-ask': 'Favour / intro ask',
  'group-post': 'Group post',
  'follow-up': 'Follow-up',
  'thank-you': 'Thank-you',
};
