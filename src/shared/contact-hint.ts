import type { Outreach } from './model.ts';
import { OFTEN_ASKED, RECENT_ASK_DAYS } from './ledger.ts';
import { isAsk } from './asks.ts';
import { DAY_MS } from './dates.ts';

const HELPED = new Set(['helped-referral', 'helped-intro', 'helped-advice', 'meeting', 'won']);

/** The one fact the page may show about a person (worded in the user's language elsewhere). */
export type ContactHint =
  | { kind: 'not-thanked' }
  | { kind: 'asked-often'; times: number; days: number }
  | { kind: 'asked-today' }
  | { kind: 'asked-days-ago'; days: number };

/**
 * Whether they still wait for a thank-you, were asked often lately, or when they were last
 * asked. Nothing else from the log (no notes, no values) leaves the extension.
 */
export function contactHint(history: readonly Outreach[], now: number): ContactHint | undefined {
  const newestFirst = [...history].sort((a, b) => b.createdAt - a.createdAt);
  const lastHelp = newestFirst.find((record) => record.outcome && HELPED.has(record.outcome));
  if (lastHelp) {
    const thanked = newestFirst.some(
      (record) => record.kind === 'thank-you' && record.createdAt >= (lastHelp.outcomeAt ?? 0),
    );
    if (!thanked) return { kind: 'not-thanked' };
  }
  const lastAsk = newestFirst.find((record) => isAsk(record.kind));
  if (!lastAsk) return undefined;
  // Asked twice or more in the last 30 days: the goodwill ledger's warning.
  const recent = newestFirst.filter(
    (record) => isAsk(record.kind) && record.createdAt <= now && now - record.createdAt <= RECENT_ASK_DAYS * DAY_MS,
  ).length;
  if (recent >= OFTEN_ASKED) return { kind: 'asked-often', times: recent, days: RECENT_ASK_DAYS };
  const days = Math.floor((now - lastAsk.createdAt) / DAY_MS);
  return days <= 0 ? { kind: 'asked-today' } : { kind: 'asked-days-ago', days };
}
