import { describe, expect, it } from 'vitest';
import { contactHint } from '../../src/shared/contact-hint.ts';
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

describe('contactHint', () => {
  it('says nothing about someone never asked', () => {
    expect(contactHint([], NOW)).toBeUndefined();
    expect(contactHint([record({ kind: 'thank-you' })], NOW)).toBeUndefined();
  });

  it('says when they were last asked', () => {
    expect(contactHint([record({ createdAt: NOW - 3 * DAY }), record({ createdAt: NOW - 40 * DAY })], NOW)).toEqual({
      kind: 'asked-days-ago',
      days: 3,
    });
    expect(contactHint([record({ createdAt: NOW - DAY })], NOW)).toEqual({ kind: 'asked-days-ago', days: 1 });
    expect(contactHint([record({ createdAt: NOW - 60_000 })], NOW)).toEqual({ kind: 'asked-today' });
  });

  it('warns when they were asked twice or more in the last 30 days', () => {
    const recent = record({ createdAt: NOW - 3 * DAY });
    const twice = [recent, record({ createdAt: NOW - 10 * DAY })];
    expect(contactHint(twice, NOW)).toEqual({ kind: 'asked-often', times: 2, days: 30 });
    const threeWithOld = [...twice, record({ createdAt: NOW - 29 * DAY }), record({ createdAt: NOW - 31 * DAY })];
    expect(contactHint(threeWithOld, NOW)).toEqual({ kind: 'asked-often', times: 3, days: 30 });
    // Thank-yous and follow-ups are not asks.
    expect(contactHint([recent, record({ kind: 'thank-you' }), record({ kind: 'follow-up' })], NOW)).toEqual({
      kind: 'asked-days-ago',
      days: 3,
    });
  });

  it('puts an unthanked help first, until a thank-you after it is logged', () => {
    const helped = record({
      createdAt: NOW - 5 * DAY,
      outcome: 'helped-intro',
      outcomeAt: NOW - 2 * DAY,
      status: 'resolved',
    });
    expect(contactHint([helped], NOW)).toEqual({ kind: 'not-thanked' });
    const thanks = record({ kind: 'thank-you', createdAt: NOW - DAY });
    expect(contactHint([helped, thanks], NOW)).toEqual({ kind: 'asked-days-ago', days: 5 });
  });
});
