import { describe, expect, it } from 'vitest';
import { ASK_KINDS, isAsk } from '../../src/shared/asks.ts';
import { OUTREACH_KINDS } from '../../src/shared/model.ts';

describe('asks', () => {
  it('counts referral, upsell, stalled-deal, favour and group asks; not follow-ups or thank-yous', () => {
    expect([...ASK_KINDS].sort()).toEqual(['favour-ask', 'group-post', 'referral-ask', 'stalled-revival', 'upsell']);
    expect(OUTREACH_KINDS.filter((kind) => !isAsk(kind))).toEqual(['follow-up', 'thank-you']);
  });
});
