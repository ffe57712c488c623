import browser from 'webextension-polyfill';
import { IN_PAGE_BUTTONS_KEY, PAGE_READ_REQUEST } from '../../messaging/page-contract.ts';
import { hostsIn } from '../ui/host.ts';
import type { Feature } from './feature.ts';
import { groupFeature } from './group-feature.ts';
import { messageBoxFeature } from './message-box-feature.ts';
import { readPageSubject } from './page-reader.ts';
import { profileFeature } from './profile-feature.ts';

const FEATURES: readonly Feature[] = [profileFeature, groupFeature, messageBoxFeature];

let page: AbortController | undefined;
let currentUrl = '';
let buttonsOn = true;

function mountForCurrentPage(): void {
  page?.abort();
  for (const stale of hostsIn(document)) stale.remove();
  page = new AbortController();
  if (!buttonsOn) return;
  for (const feature of FEATURES) {
    if (!feature.appliesTo(location.href)) continue;
    try {
      feature.mount(document, page.signal);
    } catch (error) {
      // One broken feature must not take the others down; say which one, for bug reports.
      console.warn(`Gap Closer: ${feature.name} could not start`, error);
    }
  }
}

function onPossibleNavigation(): void {
  if (location.href === currentUrl) return;
  const from = currentUrl ? new URL(currentUrl) : undefined;
  currentUrl = location.href;
  // A query or hash change on the same page (tabs, overlays) is not a new page.
  if (from?.pathname.split('/').slice(0, 3).join('/') === location.pathname.split('/').slice(0, 3).join('/')) return;
  mountForCurrentPage();
}

// The popup asks what this tab shows when in-page buttons are off (or anyway): read on demand.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  if ((message as { type?: unknown } | null)?.type !== PAGE_READ_REQUEST) return undefined;
  return Promise.resolve(readPageSubject(document, location.href));
});

browser.storage.onChanged.addListener((changes, area) => {
  const change = changes[IN_PAGE_BUTTONS_KEY];
  if (area !== 'local' || !change) return;
  buttonsOn = change.newValue !== false;
  mountForCurrentPage();
});

// LinkedIn navigates without reloading. Where the browser has the Navigation API, its
// `currententrychange` fires for every pushState, replaceState and history traversal; elsewhere
// (Firefox ESR) the title, which changes with every page, and popstate say the same. Neither
// watches the document, so the feed's churn wakes nothing.
const navigation = (globalThis as { navigation?: EventTarget }).navigation;
if (navigation && typeof navigation.addEventListener === 'function') {
  navigation.addEventListener('currententrychange', onPossibleNavigation);
} else {
  new MutationObserver(onPossibleNavigation).observe(document.head, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  addEventListener('popstate', onPossibleNavigation);
}

void browser.storage.local
  .get(IN_PAGE_BUTTONS_KEY)
  .then((stored) => {
    buttonsOn = stored[IN_PAGE_BUTTONS_KEY] !== false;
  })
  .catch(() => undefined)
  .finally(onPossibleNavigation);
