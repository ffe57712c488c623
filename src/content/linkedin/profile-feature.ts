import type { SiteCheckReport } from '../../shared/site-check.ts';
import type { Feature } from './feature.ts';
import { mountProfileActions } from './profile-actions.ts';
import { profileUrlOf, readProfile, readProfileFromTitle, type ProfileSnapshot } from './profile-reader.ts';
import { onSeen } from './seen.ts';
import { PROFILE } from './selectors.ts';
import { reportSiteCheck } from './site-check.ts';

/** How long to wait for the top card before acting on the title alone. */
const TOP_CARD_WAIT_MS = 1500;
/** LinkedIn may re-render the top card and drop our element; re-attach a bounded number of times. */
const MAX_REMOUNTS = 20;
const ROW_ANCHORS = `${PROFILE.action2024}, ${PROFILE.action2025}, ${PROFILE.action2026}`;

let previous: { card: Element | null; path: string } = { card: null, path: '' };

/**
 * A top card belongs to the profile in the address bar when it links to that profile, and is
 * stale when it links to the previous one or is the very element the previous profile used
 * (SPA navigation changes the URL before the new card is rendered).
 */
function isFresh(profile: ProfileSnapshot): boolean {
  const card = profile.topCard;
  if (!card) return false;
  const path = new URL(profile.profileUrl).pathname;
  const links = [...card.querySelectorAll<HTMLAnchorElement>('a[href*="/in/"]')].map(
    (link) => new URL(link.getAttribute('href') ?? '', 'https://www.linkedin.com').pathname,
  );
  if (links.some((href) => href.startsWith(path))) return true;
  if (previous.path && previous.path !== path && links.some((href) => href.startsWith(previous.path))) return false;
  return card !== previous.card;
}

/**
 * Calls back once the current profile can be read. Until then it listens only for detect.css's
 * animation on top cards and action items (no DOM observer), and after TOP_CARD_WAIT_MS acts on
 * the title alone — once the tab is visible, as a hidden tab renders nothing and so starts no
 * animation.
 */
function whenProfileReady(doc: Document, signal: AbortSignal, ready: (profile: ProfileSnapshot) => void): void {
  const waiting = new AbortController();
  signal.addEventListener('abort', () => waiting.abort(), { once: true, signal: waiting.signal });
  const check = (final: boolean): boolean => {
    const url = doc.location.href;
    const profile = readProfile(doc, url);
    if (profile && (profile.topCard ? isFresh(profile) : final)) {
      finish();
      ready(profile);
      return true;
    }
    if (!final) return false;
    // The card on screen still shows the previous person: trust the title instead.
    finish();
    const fromTitle = readProfileFromTitle(doc, url);
    if (fromTitle) ready(fromTitle);
    return true;
  };
  const timer = setTimeout(() => {
    if (doc.visibilityState !== 'hidden') return void check(true);
    doc.addEventListener('visibilitychange', () => check(true), { once: true, signal: waiting.signal });
  }, TOP_CARD_WAIT_MS);
  function finish(): void {
    waiting.abort();
    clearTimeout(timer);
  }
  waiting.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  if (check(false)) return;
  onSeen(doc, waiting.signal, () => check(false));
  // The animation reports a card one frame after it is painted; while (and only while) we wait,
  // a mutation callback also looks, so the buttons are in the card's first frame. It is gone
  // once the buttons are placed or the wait ends: the feed's churn after that runs none of our code.
  const early = new MutationObserver(() => check(false));
  early.observe(doc.body, { childList: true, subtree: true });
  waiting.signal.addEventListener('abort', () => early.disconnect(), { once: true });
}

/** The site check's finding for a placed set of buttons: codes only, no page text. */
function findingOf(profile: ProfileSnapshot, host: Element): SiteCheckReport<'linkedin'> {
  if (!profile.topCard) return { layout: 'profile-unknown', missing: ['top card'], fallbacks: ['title', 'floating'] };
  const inline = profile.topCard.contains(host);
  const anchored = inline && profile.topCard.querySelector(ROW_ANCHORS) !== null;
  return {
    layout: `profile-${profile.layout as '2024' | '2025' | '2026'}`,
    missing: [...profile.missing, ...(anchored ? [] : (['action row'] as const))],
    fallbacks: inline ? (anchored ? [] : ['card buttons']) : ['floating'],
  };
}

function mountAndKeep(doc: Document, profile: ProfileSnapshot, signal: AbortSignal, remounts = 0): void {
  const mount = new AbortController();
  signal.addEventListener('abort', () => mount.abort(), { once: true, signal: mount.signal });
  previous = { card: profile.topCard, path: new URL(profile.profileUrl).pathname };
  const host = mountProfileActions(doc, profile, mount.signal);
  reportSiteCheck(findingOf(profile, host));
  if (!profile.topCard || remounts >= MAX_REMOUNTS) return;
  // If the site re-renders the card or its row and drops our element, put the actions back. A
  // re-rendered card or row starts detect.css's animation again, and an IntersectionObserver
  // reports our element leaving the document; neither runs any of our code while the feed churns.
  const putBackIfGone = (): void => {
    if (host.isConnected || mount.signal.aborted) return;
    mount.abort();
    if (signal.aborted) return;
    const fresh = readProfile(doc, doc.location.href);
    if (fresh) mountAndKeep(doc, fresh, signal, remounts + 1);
  };
  onSeen(doc, mount.signal, putBackIfGone);
  const leaving = new IntersectionObserver(putBackIfGone);
  leaving.observe(host);
  mount.signal.addEventListener('abort', () => leaving.disconnect(), { once: true });
}

export const profileFeature: Feature = {
  name: 'profile actions',
  appliesTo: (url) => profileUrlOf(url) !== null,
  mount(doc, signal) {
    whenProfileReady(doc, signal, (profile) => mountAndKeep(doc, profile, signal));
  },
};
