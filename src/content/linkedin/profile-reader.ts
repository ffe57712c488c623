import type { Person } from '../../messaging/contract.ts';
import { cleanText, firstNameOf } from '../../shared/names.ts';
import { PERSON_LIMITS } from '../../shared/person-limits.ts';
import { PROFILE, PROFILE_PATH } from './selectors.ts';

export type ProfileLayout = '2024' | '2026' | 'title-only';

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
  // Other languages: the same button, first in the panel, points at the experience card.
  const first = card.querySelector(`${PROFILE.companyPanel2024} li:first-child button[aria-label]`);
  const label = first?.getAttribute('aria-label') ?? '';
  return first && /experience|erfahrung|expérience|experiencia|esperienza|ervaring/i.test(label)
    ? textOf(first)
    : undefined;
}

function read2024(root: ParentNode): Omit<ProfileSnapshot, 'profileUrl'> | null {
  const h1 = root.querySelector(PROFILE.name2024);
  const fullName = textOf(h1);
  if (!h1 || !fullName || fullName.length > MAX_NAME) return null;
  const card = cardOf(h1);
  const headline = textOf(card.querySelector(PROFILE.headline2024));
  const company = company2024(card);
  return {
    fullName,
    firstName: firstNameOf(fullName),
    ...(headline ? { headline } : {}),
    ...(company ? { company } : {}),
    layout: '2024',
    topCard: card,
  };
}

function read2026(root: ParentNode): Omit<ProfileSnapshot, 'profileUrl'> | null {
  const card = root.querySelector(PROFILE.topCard2026);
  const fullName = textOf(card?.querySelector('h2'));
  if (!card || !fullName || fullName.length > MAX_NAME) return null;
  const headline = textOf(card.querySelector('p'));
  return {
    fullName,
    firstName: firstNameOf(fullName),
    ...(headline ? { headline } : {}),
    layout: '2026',
    topCard: card,
  };
}

/**
 * Reads the profile in front of the user: the 2024 layout, then the 2026 one, then the
 * document title as a last resort. Null when the page is not a profile or names nobody.
 */
export function readProfile(doc: Document, pageUrl: string): ProfileSnapshot | null {
  const profileUrl = profileUrlOf(pageUrl);
  if (!profileUrl) return null;
  const fromCard = read2024(doc) ?? read2026(doc);
  if (fromCard) return { ...fromCard, profileUrl };
  return readProfileFromTitle(doc, pageUrl);
}

/** The last resort for unknown layouts: the name in `document.title`. */
export function readProfileFromTitle(doc: Document, pageUrl: string): ProfileSnapshot | null {
  const profileUrl = profileUrlOf(pageUrl);
  const fullName = nameFromTitle(doc.title);
  if (!profileUrl || !fullName) return null;
  return { fullName, firstName: firstNameOf(fullName), profileUrl, layout: 'title-only', topCard: null };
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
