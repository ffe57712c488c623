import type { Feature } from './feature.ts';
import { mountProfileActions } from './profile-actions.ts';
import { profileUrlOf, readProfile, readProfileFromTitle, type ProfileSnapshot } from './profile-reader.ts';

/** How long to wait for the top card before acting on the title alone. */
const TOP_CARD_WAIT_MS = 1500;
/** LinkedIn may re-render the top card and drop our element; re-attach a bounded number of times. */
const MAX_REMOUNTS = 20;

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

/** Calls back once the current profile can be read, observing the DOM only until then. */
function whenProfileReady(doc: Document, signal: AbortSignal, ready: (profile: ProfileSnapshot) => void): void {
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
  // Checked in the observer's own callback (once per batch of mutations, two selector
  // queries), so the buttons are in the DOM before the card's first paint.
  const observer = new MutationObserver(() => {
    if (!signal.aborted) check(false);
  });
  const timer = setTimeout(() => check(true), TOP_CARD_WAIT_MS);
  function finish(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  signal.addEventListener('abort', finish, { once: true });
  if (!check(false)) observer.observe(doc.body, { childList: true, subtree: true });
}

function mountAndKeep(doc: Document, profile: ProfileSnapshot, signal: AbortSignal, remounts = 0): void {
  const mount = new AbortController();
  signal.addEventListener('abort', () => mount.abort(), { once: true, signal: mount.signal });
  previous = { card: profile.topCard, path: new URL(profile.profileUrl).pathname };
  const host = mountProfileActions(doc, profile, mount.signal);
  if (!profile.topCard || remounts >= MAX_REMOUNTS) return;
  // If the site re-renders the card and drops our element, put the actions back. Our element
  // leaves the document only when it or one of its ancestors leaves its parent, so only the
  // child lists of that chain are watched: the feed's churn elsewhere on the page never wakes us.
  const observer = new MutationObserver(() => {
    if (host.isConnected) {
      watchAncestors(observer, host);
      return;
    }
    observer.disconnect();
    mount.abort();
    if (signal.aborted) return;
    const fresh = readProfile(doc, doc.location.href);
    if (fresh) mountAndKeep(doc, fresh, signal, remounts + 1);
  });
  watchAncestors(observer, host);
  mount.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Observes the child list of every ancestor of `element` (again, as the chain may have moved). */
function watchAncestors(observer: MutationObserver, element: Element): void {
  observer.disconnect();
  for (let node = element.parentNode; node; node = node.parentNode) observer.observe(node, { childList: true });
}

export const profileFeature: Feature = {
  name: 'profile actions',
  appliesTo: (url) => profileUrlOf(url) !== null,
  mount(doc, signal) {
    whenProfileReady(doc, signal, (profile) => mountAndKeep(doc, profile, signal));
  },
};
