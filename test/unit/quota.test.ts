import { describe, expect, it } from 'vitest';
import type { Quota } from '../../src/shared/model.ts';
import { ASK_KINDS, gapOf, isAsk, quotaStatus, workingDaysLeft, type PaceInput } from '../../src/shared/quota.ts';

// November 2026: the 1st is a Sunday, the 27th a Friday, the 30th a Monday.
// Its working days: 2–6, 9–13, 16–20, 23–27 and 30 = 21.
const NOVEMBER: Quota = {
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  target: 120_000,
  currency: 'EUR',
  closedBaseline: 30_000,
  averageDealSize: 10_000,
};

function input(overrides: Partial<PaceInput> = {}, quota: Partial<Quota> = {}): PaceInput {
  return {
    quota: { ...NOVEMBER, ...quota },
    wonInPeriod: 5_000,
    today: '2026-11-23', // Monday
    asksMadeToday: 4,
    conversion: 0.25,
    ...overrides,
  };
}

describe('workingDaysLeft', () => {
  it('counts from today to the period end, both included', () => {
    expect(workingDaysLeft(NOVEMBER, '2026-11-23')).toBe(6); // Mon 23 – Mon 30
    expect(workingDaysLeft(NOVEMBER, '2026-11-27')).toBe(2); // Fri 27, Mon 30
    expect(workingDaysLeft(NOVEMBER, '2026-11-28')).toBe(1); // Sat: only Mon 30
    expect(workingDaysLeft(NOVEMBER, '2026-11-30')).toBe(1);
  });

  it('counts from the period start when the period has not started', () => {
    expect(workingDaysLeft(NOVEMBER, '2026-10-15')).toBe(21);
    expect(workingDaysLeft(NOVEMBER, '2026-11-01')).toBe(21);
  });

  it('is 0 after the period and when only a weekend is left', () => {
    expect(workingDaysLeft(NOVEMBER, '2026-12-01')).toBe(0);
    expect(workingDaysLeft({ ...NOVEMBER, periodEnd: '2026-11-29' }, '2026-11-28')).toBe(0);
  });
});

describe('quotaStatus', () => {
  it('works out the gap and the pace in the middle of a period', () => {
    // closed = 30 000 + 5 000 = 35 000; gap = 85 000; EV per ask = 10 000 × 0.25 = 2 500;
    // asks needed = 85 000 / 2 500 = 34; days Mon 23 – Mon 30 = 6; per day = ceil(34 / 6) = 6;
    // left today = 6 − 4 = 2.
    expect(quotaStatus(input())).toEqual({
      closed: 35_000,
      gap: 85_000,
      progress: 35_000 / 120_000,
      workingDaysLeft: 6,
      expectedValuePerAsk: 2_500,
      asksNeeded: 34,
      asksPerDay: 6,
      asksMadeToday: 4,
      asksLeftToday: 2,
      state: 'on-the-way',
    });
  });

  it('rounds the asks needed and the asks per day up', () => {
    // gap = 120 000 − 35 001 = 84 999 → 84 999 / 2 500 = 33.9996 → 34 asks.
    const almost = quotaStatus(input({ wonInPeriod: 5_001 }));
    expect(almost.gap).toBe(84_999);
    expect(almost.asksNeeded).toBe(34);
    // gap = 85 001 → 34.0004 → 35 asks; 35 / 6 = 5.83 → 6 a day.
    const over = quotaStatus(input({ wonInPeriod: 4_999 }));
    expect(over.asksNeeded).toBe(35);
    expect(over.asksPerDay).toBe(6);
    // gap = 1 → one ask, one a day even with 6 days left.
    const tiny = quotaStatus(input({ wonInPeriod: 89_999 }));
    expect(tiny.gap).toBe(1);
    expect(tiny.asksNeeded).toBe(1);
    expect(tiny.asksPerDay).toBe(1);
    expect(tiny.asksLeftToday).toBe(0);
  });

  it('never lets the asks left today go below 0', () => {
    expect(quotaStatus(input({ asksMadeToday: 6 })).asksLeftToday).toBe(0);
    expect(quotaStatus(input({ asksMadeToday: 50 })).asksLeftToday).toBe(0);
    expect(quotaStatus(input({ asksMadeToday: 0 })).asksLeftToday).toBe(6);
    expect(quotaStatus(input({ asksMadeToday: 5 })).asksLeftToday).toBe(1);
  });

  it('reports a closed gap', () => {
    const status = quotaStatus(input({ wonInPeriod: 95_000, asksMadeToday: 3 }));
    expect(status).toEqual({
      closed: 125_000,
      gap: 0,
      progress: 1,
      workingDaysLeft: 6,
      expectedValuePerAsk: 2_500,
      asksNeeded: 0,
      asksPerDay: 0,
      asksMadeToday: 3,
      asksLeftToday: 0,
      state: 'closed',
    });
    const exactly = quotaStatus(input({ wonInPeriod: 90_000 }));
    expect([exactly.gap, exactly.progress, exactly.state]).toEqual([0, 1, 'closed']);
  });

  it('reports a period that is over, with no pace', () => {
    const status = quotaStatus(input({ today: '2026-12-01' }));
    expect(status.state).toBe('period-over');
    expect(status.workingDaysLeft).toBe(0);
    expect(status.gap).toBe(85_000);
    expect(status.asksNeeded).toBe(34);
    expect(status.asksPerDay).toBeNull();
    expect(status.asksLeftToday).toBeNull();
  });

  it('says closed rather than over when the gap was closed in an ended period', () => {
    const status = quotaStatus(input({ today: '2026-12-01', wonInPeriod: 90_000, asksMadeToday: 2 }));
    expect(status.state).toBe('closed');
    expect(status.asksPerDay).toBe(0);
    expect(status.asksLeftToday).toBe(0);
  });

  it('paces a period that has not started over all its working days, without counting today', () => {
    // 21 working days; 34 asks → ceil(34 / 21) = 2 a day; asks made today do not count yet.
    const status = quotaStatus(input({ today: '2026-10-28', asksMadeToday: 5 }));
    expect(status.state).toBe('not-started');
    expect(status.workingDaysLeft).toBe(21);
    expect(status.asksNeeded).toBe(34);
    expect(status.asksPerDay).toBe(2);
    expect(status.asksLeftToday).toBe(2);
  });

  it('reports no working day left when only a weekend remains', () => {
    // Today is Saturday 28 November and the period ends on Sunday the 29th.
    const status = quotaStatus(input({ today: '2026-11-28' }, { periodEnd: '2026-11-29' }));
    expect(status.state).toBe('no-working-day-left');
    expect(status.workingDaysLeft).toBe(0);
    expect(status.asksNeeded).toBe(34);
    expect(status.asksPerDay).toBeNull();
    expect(status.asksLeftToday).toBeNull();
  });

  it('counts a Saturday before a working Monday as on the way', () => {
    const status = quotaStatus(input({ today: '2026-11-28', asksMadeToday: 0 }));
    expect(status.state).toBe('on-the-way');
    expect(status.workingDaysLeft).toBe(1);
    expect(status.asksPerDay).toBe(34);
    expect(status.asksLeftToday).toBe(34);
  });

  it('has no asks needed when no ask can convert', () => {
    const status = quotaStatus(input({ conversion: 0 }));
    expect(status.expectedValuePerAsk).toBe(0);
    expect(status.asksNeeded).toBeNull();
    expect(status.asksPerDay).toBeNull();
    expect(status.asksLeftToday).toBeNull();
    expect(status.state).toBe('on-the-way');
    expect(status.gap).toBe(85_000);
  });

  it('treats an average deal size of 0 like conversion 0', () => {
    const status = quotaStatus(input({}, { averageDealSize: 0 }));
    expect(status.asksNeeded).toBeNull();
    expect(status.asksPerDay).toBeNull();
  });

  it('treats a target of 0 as closed', () => {
    const status = quotaStatus(input({ wonInPeriod: 0 }, { target: 0, closedBaseline: 0 }));
    expect(status.gap).toBe(0);
    expect(status.progress).toBe(1);
    expect(status.state).toBe('closed');
    expect(status.asksNeeded).toBe(0);
    expect(status.asksLeftToday).toBe(0);
  });

  it('caps progress at 1 and computes partial progress exactly', () => {
    expect(quotaStatus(input({ wonInPeriod: 0 }, { closedBaseline: 60_000 })).progress).toBe(0.5);
    expect(quotaStatus(input({ wonInPeriod: 0 }, { closedBaseline: 0 })).progress).toBe(0);
    expect(quotaStatus(input({ wonInPeriod: 500_000 })).progress).toBe(1);
  });
});

describe('gapOf / isAsk', () => {
  it('never returns a negative gap', () => {
    expect(gapOf(100, 40)).toBe(60);
    expect(gapOf(100, 100)).toBe(0);
    expect(gapOf(100, 250)).toBe(0);
  });

  it('counts asks but not follow-ups or thank-yous', () => {
    expect([...ASK_KINDS].sort()).toEqual(['favour-ask', 'group-post', 'referral-ask', 'stalled-revival', 'upsell']);
    expect(isAsk('referral-ask')).toBe(true);
    expect(isAsk('follow-up')).toBe(false);
    expect(isAsk('thank-you')).toBe(false);
  });
});

describe('quotaStatus rounding', () => {
  it('does not round a floating-point quotient up to one ask too many', () => {
    const status = quotaStatus({
      quota: {
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
        target: 57_000,
        currency: 'USD',
        closedBaseline: 0,
        averageDealSize: 10_000,
      },
      wonInPeriod: 0,
      today: '2026-11-27',
      asksMadeToday: 0,
      conversion: 0.57,
    });
    expect(status.asksNeeded).toBe(10);
  });
});
