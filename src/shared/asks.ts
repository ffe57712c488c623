import type { Outcome, OutreachKind } from './model.ts';

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

/**
 * Outcomes that decide an ask for the conversion rate. A referral received is not a decision: the
 * ask lives on in the referred lead, and counting it as a resolved non-win would lower the rate
 * for every referral the user is given (issue 15). Everything else recorded ends the ask.
 */
export function decidesConversion(outcome: Outcome | undefined): outcome is Outcome {
  return outcome !== undefined && outcome !== 'helped-referral';
}

/** The outcomes that leave an ask out of the conversion count (for index-based recounts). */
export const UNDECIDED_OUTCOMES: readonly Outcome[] = ['helped-referral'];

/**
 * Whether a record still waits for an answer, as the log shows it. A thank-you never does — not
 * even one an older version stored as awaiting or with a follow-up date (read-time rule; storage
 * v6 also resolves them).
 */
export function isWaiting(record: { kind: OutreachKind; outcome?: Outcome | undefined }): boolean {
  return record.kind !== 'thank-you' && record.outcome === undefined;
}
