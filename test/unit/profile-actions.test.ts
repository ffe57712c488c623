import { describe, expect, it, vi } from 'vitest';
import { profileActionsFor } from '../../src/i18n/profile-actions.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('./i18n-fake.ts')).fakeI18n } }));

const offered = (relationship?: Parameters<typeof profileActionsFor>[0]) =>
  profileActionsFor(relationship).map((action) => action.label());

describe('the profile actions, one list for the page and the popup', () => {
  it('offers referral and help to anyone, upsell to customers, a revival to stalled prospects', () => {
    expect(offered()).toEqual(['Ask for referral', 'Ask for help']);
    expect(offered('friend')).toEqual(['Ask for referral', 'Ask for help']);
    expect(offered('customer')).toEqual(['Ask for referral', 'Ask for help', 'Upsell']);
    expect(offered('stalled-prospect')).toEqual(['Ask for referral', 'Ask for help', 'Revive deal']);
  });
});
