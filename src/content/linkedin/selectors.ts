/**
 * Where LinkedIn keeps what we read. Hashed class names are never used; each alternative
 * says which layout it serves. aria-labels are localised, so English ones are only a
 * first try with a language-independent fallback after them.
 */
export const PROFILE = {
  /** 2024 layout: the member's name is the only h1 in main. */
  name2024: 'main h1',
  /** 2024 layout: headline right under the name (utility classes, stable for years). */
  headline2024: '.text-body-medium.break-words',
  /** 2024 layout, English UI: the current-company button of the top card. */
  currentCompanyEn: 'button[aria-label^="Current company:"]',
  /** 2024 layout: the list beside the name holding current company then education. */
  companyPanel2024: '.pv-text-details__right-panel',
  /** 2024 layout: every top-card action button (Connect, Message, More) carries this class. */
  action2024: '.pvs-profile-actions__action',
  /** 2026 layout: the top card, React ids ending in this suffix. */
  topCard2026: '[id$="QsTopcard"]',
} as const;

/** `/in/<slug>/` and anything below it (overlays, details) belong to one profile. */
export const PROFILE_PATH = /^\/in\/([^/?#]+)\/?/;
