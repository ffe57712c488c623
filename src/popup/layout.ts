/**
 * Open lines a step of the named queue shows before "Show more": three steps of two keep the
 * queue, the thank-yous and the follow-ups inside the first ~600 px of the popup
 * (test/browser/popup-morning.test.ts measures it).
 */
export const FIRST_LINES = 2;
