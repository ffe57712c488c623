import type { Person } from '../../messaging/contract.ts';
import { cleanText, firstNameOf } from '../../shared/names.ts';
import { PERSON_LIMITS } from '../../shared/person-limits.ts';
import { PROFILE, PROFILE_PATH } from './selectors.ts';

/**
 * Which profile layout a reader recognised: '2024' (top card marked with
 * `.pvs-profile-actions__action`), '2025' (the same card with hashed classes and no marker),
 * '2026' (server-driven), or 'title-only' when no top card was found and only the document title named the person.
 */
export type ProfileLayout = '2024' | '2025' | '2026' | 'title-only';

/** Anchors of a layout that a reader may miss while still reading the page (the site check lists them). */
export type ProfileAnchor = 'top card' | 'name link' | 'headline';

export interface ProfileSnapshot {
  fullName: string;
  firstName: string;
  headline?: string;
  company?: string;
  /** Canonical `https://www.linkedin.com/in/<slug>/`. */
  profileUrl: string;
  layout: ProfileLayout;
  /** The top card the facts came from; null when only the title was usable. */
  topCard: Element | null;
  /** The recognised layout's anchors that were not found (a fallback was used instead). */
  missing: ProfileAnchor[];
}

const MAX_NAME = 300;

/** The canonical profile URL for a page URL, or null when the page is not a profile. */
export function profileUrlOf(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== 'https://www.linkedin.com') return null;
  const match = PROFILE_PATH.exec(url.pathname);
  if (!match?.[1]) return null;
  return `https://www.linkedin.com/in/${match[1]}/`;
}

/** "(3) Jordan Whitfield | LinkedIn" → "Jordan Whitfield"; null when the title has no name. */
export function nameFromTitle(title: string): string | null {
  const withoutCount = cleanText(title).replace(/^\(\d+\+?\)\s*/, '');
  const parts = withoutCount.split(' | ');
  if (parts.length < 2) return null;
  const name = cleanText(parts.slice(0, -1).join(' | '));
  return name && name.length <= MAX_NAME && name.toLowerCase() !== 'linkedin' ? name : null;
}

function textOf(element: Element | null | undefined): string | undefined {
  const value = element ? cleanText(element.textContent ?? '') : '';
  return value && value.length <= 2000 ? value : undefined;
}

/** The card an element sits in: the nearest section, else its parent chain's top. */
function cardOf(element: Element): Element {
  return element.closest('section') ?? element.parentElement ?? element;
}

function company2024(card: Element): string | undefined {
  const english = card.querySelector(PROFILE.currentCompanyEn);
  if (english) return textOf(english);
  // Other languages: the same button, first in the panel (2024; in 2025 the panel's class is
  // hashed, so the first list item's button of the card), points at the experience card.
  const first =
    card.querySelector(`${PROFILE.companyPanel2024} li:first-child button[aria-label]`) ??
    card.querySelector('li:first-child > button[aria-label]');
  const label = first?.getAttribute('aria-label') ?? '';
  return first && /experience|erfahrung|expérience|experiencia|esperienza|ervaring/i.test(label)
    ? textOf(first)
    : undefined;
}

type CardFacts = Omit<ProfileSnapshot, 'profileUrl'>;

/**
 * The name in a top card: its own anchor, else the card's heading (noted as a missed anchor, so
 * the site check sees the layout drift before the fallback fails too). Null when neither names
 * anyone plausibly.
 */
function nameIn(
  card: Element,
  anchor: string,
  heading: string,
  missing: ProfileAnchor[],
): { element: Element; fullName: string } | null {
  let element = card.querySelector(anchor);
  if (!element) {
    missing.push('name link');
    element = card.querySelector(heading);
  }
  const fullName = textOf(element);
  return element && fullName && fullName.length <= MAX_NAME ? { element, fullName } : null;
}

/** What every layout's reader returns, the optional facts only when found. */
function cardFacts(
  fullName: string,
  found: { headline?: string | undefined; company?: string | undefined },
  layout: CardFacts['layout'],
  topCard: Element,
  missing: ProfileAnchor[],
): CardFacts {
  return {
    fullName,
    firstName: firstNameOf(fullName),
    ...(found.headline ? { headline: found.headline } : {}),
    ...(found.company ? { company: found.company } : {}),
    layout,
    topCard,
    missing,
  };
}

/** 2024 and 2025 layouts: the `section.artdeco-card[data-member-id]` top card. */
function read2025(root: ParentNode): CardFacts | null {
  const card = root.querySelector(PROFILE.topCard2025);
  if (!card) return null;
  const missing: ProfileAnchor[] = [];
  const name = nameIn(card, PROFILE.name2025, 'h1', missing);
  if (!name) return null;
  const headline = textOf(card.querySelector(PROFILE.headline2024));
  if (!headline) missing.push('headline');
  const layout = card.querySelector(PROFILE.action2024) ? '2024' : '2025';
  return cardFacts(name.fullName, { headline, company: company2024(card) }, layout, card, missing);
}

/** A 2024-style page whose top card lost its `data-member-id`: the only h1 in main, in its section. */
function read2024(root: ParentNode): CardFacts | null {
  const h1 = root.querySelector(PROFILE.name2024);
  const fullName = textOf(h1);
  if (!h1 || !fullName || fullName.length > MAX_NAME) return null;
  const card = cardOf(h1);
  const headline = textOf(card.querySelector(PROFILE.headline2024));
  const missing: ProfileAnchor[] = headline ? ['top card'] : ['top card', 'headline'];
  return cardFacts(fullName, { headline, company: company2024(card) }, '2024', card, missing);
}

/**
 * Pronouns as LinkedIn shows them under a 2026 name ("He/Him", "she/they", "Er/Ihm"): two or
 * three short words joined by slashes. A headline is longer ("Sales / Marketing Lead") or has
 * more words between its slashes.
 */
export function looksLikePronouns(text: string): boolean {
  return /^\p{L}{1,5}(?:\s?\/\s?\p{L}{1,5}){1,2}$/u.test(text);
}

/** 2026 server-driven layout: the `…Topcard` card, the name in its verification link. */
function read2026(root: ParentNode): CardFacts | null {
  const card = root.querySelector(PROFILE.topCard2026);
  if (!card) return null;
  const missing: ProfileAnchor[] = [];
  const name = nameIn(card, PROFILE.name2026, 'h1, h2', missing);
  if (!name) return null;
  // The paragraphs after the name: pronouns may come first, then the headline.
  const after = [...card.querySelectorAll('p')]
    .filter((p) => name.element.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING)
    .map(textOf)
    .filter((text): text is string => text !== undefined);
  const headline = after[0] !== undefined && looksLikePronouns(after[0]) ? after[1] : after[0];
  if (!headline) missing.push('headline');
  return cardFacts(name.fullName, { headline }, '2026', card, missing);
}

/**
 * Reads the profile in front of the user: the 2024/2025 top card, then the 2026 one, then a
 * 2024-style h1 in main, then the document title as a last resort. Null when the page is not a
 * profile or names nobody.
 */
export function readProfile(doc: Document, pageUrl: string): ProfileSnapshot | null {
  const profileUrl = profileUrlOf(pageUrl);
  if (!profileUrl) return null;
  const fromCard = read2025(doc) ?? read2026(doc) ?? read2024(doc);
  if (fromCard) return { ...fromCard, profileUrl };
  return readProfileFromTitle(doc, pageUrl);
}

/** The last resort for unknown layouts: the name in `document.title`. */
export function readProfileFromTitle(doc: Document, pageUrl: string): ProfileSnapshot | null {
  const profileUrl = profileUrlOf(pageUrl);
  const fullName = nameFromTitle(doc.title);
  if (!profileUrl || !fullName) return null;
  return {
    fullName,
    firstName: firstNameOf(fullName),
    profileUrl,
    layout: 'title-only',
    topCard: null,
    missing: ['top card'],
  };
}

/** The facts about a profile that travel in messages (never the DOM element). */
export function personOf(profile: ProfileSnapshot): Person {
  // A page may show more than a message may carry (a 1,000-character headline): clip, so the
  // draft is still made instead of the whole request being refused.
  const headline = clip(profile.headline, PERSON_LIMITS.headline);
  const company = clip(profile.company, PERSON_LIMITS.company);
  return {
    fullName: profile.fullName,
    firstName: clip(profile.firstName, PERSON_LIMITS.firstName) ?? '',
    ...(headline ? { headline } : {}),
    ...(company ? { company } : {}),
    linkedinUrl: profile.profileUrl,
  };
}

function clip(text: string | undefined, max: number): string | undefined {
  return text && text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
