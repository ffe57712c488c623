/**
 * Where LinkedIn keeps what we read. Hashed class names are never used; each alternative
 * says which layout it serves. aria-labels are localised, so English ones are only a
 * first try with a language-independent fallback after them.
 */
export const PROFILE = {
  /**
   * 2024 and 2025 layouts: the top card. The sticky header that repeats Message / Connect / More
   * is an earlier section without `data-member-id`, so it is never taken.
   */
  topCard2025: 'section.artdeco-card[data-member-id]',
  /** 2024 and 2025 layouts: the name is the h1 in the "about this profile" link. */
  name2025: 'a[href$="/overlay/about-this-profile/"] h1',
  /** 2024 layout (and a 2025 card whose link moved): the member's name is the only h1 in main. */
  name2024: 'main h1',
  /** 2024 and 2025 layouts: headline right under the name (utility classes, stable for years). */
  headline2024: '.text-body-medium.break-words',
  /** 2024 layout, English UI: the current-company button of the top card. */
  currentCompanyEn: 'button[aria-label^="Current company:"]',
  /** 2024 layout: the list beside the name holding current company then education. */
  companyPanel2024: '.pv-text-details__right-panel',
  /** 2024 layout: every top-card action button (Connect, Message, More) carries this class. */
  action2024: '.pvs-profile-actions__action',
  /**
   * 2025 layout (no `.pvs-profile-actions__action`): the action row's buttons. The Message
   * button's wrapper and the More button's id are language-independent; "Follow " is English.
   */
  action2025: '.entry-point > button, button[id$="-profile-overflow-action"], button[aria-label^="Follow "]',
  /**
   * 2026 server-driven layout: the top card, `com.linkedin.sdui.profile.card.ref<member URN>Topcard`
   * (the URN in the middle may end in anything; the same string is its `componentkey`).
   */
  topCard2026: '[id^="com.linkedin.sdui.profile.card.ref"][id$="Topcard"]',
  /** 2026 layout: the name is the h2 (h1 on pages of an A/B test) in the verification link. */
  name2026: 'a[componentkey^="ProfileVerificationTriggerRef-"] :is(h1, h2)',
  /** 2026 layout: the action items of the top card's row (the row exists twice, one copy hidden). */
  action2026:
    '[data-view-name="profile-primary-message"], [data-view-name="edge-creation-connect-action"], [data-view-name="profile-overflow-button"]',
} as const;

/** `/in/<slug>/` and anything below it (overlays, details) belong to one profile. */
/**
 * Whether the profile can be messaged or only asked to connect (a connection note: 300 characters).
 * English aria-labels first (2024/2025), the language-independent 2026 `data-view-name` and the
 * 2025 Message wrapper after them.
 */
export const REACH = {
  message: 'button[aria-label^="Message "], .entry-point > button, [data-view-name="profile-primary-message"]',
  toConnect:
    'button[aria-label^="Invite "][aria-label$=" to connect"], button[aria-label$=" to connect"], [data-view-name="edge-creation-connect-action"]',
};

export const PROFILE_PATH = /^\/in\/([^/?#]+)\/?/;

export const GROUP = {
  /** The group's name is the page's h1 (groups kept the 2024 page frame). */
  name: 'main h1',
} as const;

/** `/groups/<id>/` and anything below it. */
export const GROUP_PATH = /^\/groups\/([^/?#]+)\/?/;

export const MESSAGING = {
  /** The message compose box, on the messaging page and in overlay bubbles. */
  editor: '.msg-form__contenteditable[contenteditable="true"]',
  /** Fallback for a renamed editor class: any rich textbox inside a message form. */
  editorFallback: '.msg-form [contenteditable="true"][role="textbox"]',
  /** The form around the editor; our button goes into it. */
  form: '.msg-form, form',
  /** A conversation: an overlay bubble, or the thread on the messaging page. */
  conversation:
    '[id^="msg-overlay-conversation-bubble-"], .msg-overlay-conversation-bubble, .msg-thread, .msg-convo-wrapper',
  /** The partner's profile link in the conversation header (language-independent). */
  partnerLink: '.msg-thread__link-to-profile, .msg-overlay-bubble-header a[href*="/in/"], header a[href*="/in/"]',
  /** Without a link: the header's title. */
  partnerTitle: '.msg-overlay-bubble-header__title, .msg-entity-lockup__entity-title, header h2',
} as const;
