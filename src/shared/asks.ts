import type { OutreachKind } from './model.ts';

/** Kinds that ask someone for something; follow-ups and thank-yous do not count as asks. */
export const ASK_KINDS: ReadonlySet<OutreachKind> = new Set<OutreachKind>([
  'referral-ask',
  'upsell',
  'stalled-revival',
  'favour-ask',
  'group-post',
]);

export function isAsk(kind: OutreachKind): boolean {
  return ASK_KINDS.has(kind);
}
