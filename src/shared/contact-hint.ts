import type { Outreach } from './model.ts';
import { OFTEN_ASKED, RECENT_ASK_DAYS } from './ledger.ts';
import { isAsk } from './asks.ts';

const DAY_MS = 86_400_000;
const HELPED = new Set(['helped-referral', 'helped-intro', 'helped-advice', 'meeting', 'won']);

/**
 * The one line the page may show about a person: whether they still wait for a thank-you, or
 * when they were last asked. Nothing else from the log (no notes, no values) leaves the
 * extension.
 */
export function describeLastAsk(history: readonly Outreach[], now: number): string | undefined {
  const newestFirst = [...history].sort((a, b) => b.createdAt - a.createdAt);
  const lastHelp = newestFirst.find((record) => record.outcome && HELPED.has(record.outcome));
  if (lastHelp) {
    const thanked = newestFirst.some(
      (record) => record.kind === 'thank-you' && record.createdAt >= (lastHelp.outcomeAt ?? 0),
    );
    if (!thanked) return 'Not yet thanked for their last help.';
  }
  const lastAsk = newestFirst.find((record) => isAsk(record.kind));
  if (!lastAsk) return undefined;
  // Asked twice or more in the last 30 days: the goodwill ledger's warning.
  const recent = newestFirst.filter(
    (record) => isAsk(record.kind) && record.createdAt <= now && now - record.createdAt <= RECENT_ASK_DAYS * DAY_MS,
  ).length;
  if (recent >= OFTEN_ASKED)
    return `You asked them ${recent} times in the last ${RECENT_ASK_DAYS} days: give them a break.`;
  const days = Math.floor((now - lastAsk.createdAt) / DAY_MS);
  return days <= 0 ? 'You asked them today.' : `You last asked them ${days} day${days === 1 ? '' : 's'} ago.`;
}
