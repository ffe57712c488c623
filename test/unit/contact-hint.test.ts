import { describe, expect, it } from 'vitest';
import { describeLastAsk } from '../../src/shared/contact-hint.ts';
import type { Outreach } from '../../src/shared/model.ts';

const NOW = Date.UTC(2026, 10, 27, 12);
const DAY = 86_400_000;

function record(fields: Partial<Outreach>): Outreach {
  return {
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    contactName: 'Jordan',
    kind: 'referral-ask',
    channel: 'linkedin-message',
    text: 'Hi',
    createdAt: NOW - DAY,
    status: 'awaiting',
    ...fields,
  };
}

describe('describeLastAsk', () => {
  it('says nothing about someone never asked', () => {
    expect(describeLastAsk([], NOW)).toBeUndefined();
    expect(describeLastAsk([record({ kind: 'thank-you' })], NOW)).toBeUndefined();
  });

  it('says when they were last asked', () => {
    expect(describeLastAsk([record({ createdAt: NOW - 3 * DAY }), record({ createdAt: NOW - 40 * DAY })], NOW)).toBe(
      'You last asked them 3 days ago.',
    );
    expect(describeLastAsk([record({ createdAt: NOW - DAY })], NOW)).toBe('You last asked them 1 day ago.');
    expect(describeLastAsk([record({ createdAt: NOW - 60_000 })], NOW)).toBe('You asked them today.');
  });

  it('warns when they were asked twice or more in the last 30 days', () => {
    const recent = record({ createdAt: NOW - 3 * DAY });
    const twice = [recent, record({ createdAt: NOW - 10 * DAY })];
    expect(describeLastAsk(twice, NOW)).toBe('You asked them 2 times in the last 30 days: give them a break.');
    const threeWithOld = [...twice, record({ createdAt: NOW - 29 * DAY }), record({ createdAt: NOW - 31 * DAY })];
    expect(describeLastAsk(threeWithOld, NOW)).toBe('You asked them 3 times in the last 30 days: give them a break.');
    // Thank-yous and follow-ups are not asks.
    expect(describeLastAsk([recent, record({ kind: 'thank-you' }), record({ kind: 'follow-up' })], NOW)).toBe(
      'You last asked them 3 days ago.',
    );
  });

  it('puts an unthanked help first, until a thank-you after it is logged', () => {
    const helped = record({
      createdAt: NOW - 5 * DAY,
      outcome: 'helped-intro',
      outcomeAt: NOW - 2 * DAY,
      status: 'resolved',
    });
    expect(describeLastAsk([helped], NOW)).toBe('Not yet thanked for their last help.');
    const thanks = record({ kind: 'thank-you', createdAt: NOW - DAY });
    expect(describeLastAsk([helped, thanks], NOW)).toBe('You last asked them 5 days ago.');
  });
});
