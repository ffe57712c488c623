import type { ConversionAssumptions, Settings } from './model.ts';

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
  inPageButtons: true,
};
