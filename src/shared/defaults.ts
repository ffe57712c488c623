import type { ConversionAssumptions, PaceSettings, Settings } from './model.ts';

/**
 * Starting assumptions, stated in the popup so nothing is a black box: one referral ask in
 * ten turns into a deal, and so on. They are the user's to change.
 */
export const DEFAULT_CONVERSION: ConversionAssumptions = {
  'referral-ask': 0.1,
  upsell: 0.15,
  'stalled-revival': 0.12,
  'favour-ask': 0.05,
  'group-post': 0.02,
  'follow-up': 0.05,
  'thank-you': 0,
};

export const DEFAULT_SETTINGS: Settings = {
  me: { name: '', company: '', product: '', signature: '' },
  conversion: DEFAULT_CONVERSION,
};

export const DEFAULT_PACE_SETTINGS: PaceSettings = {
  reminderHour: 9,
  realisticAsksPerDay: 25,
  stepCapacity: { customers: 5, stalled: 5 },
  followUpWorkingDays: 3,
};

/** How many asks the stated assumption weighs, as if it had been observed over that many. */
export const PRIOR_STRENGTH = 20;
