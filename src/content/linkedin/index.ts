import { existingHosts } from '../ui/host.ts';
import { mountProfileActions } from './profile-actions.ts';
import { hasTopCard, profileUrlOf, readProfile } from './profile-reader.ts';

/** How long to wait for the top card before acting on the title alone. */
const TOP_CARD_WAIT_MS = 1500;

let page: AbortController | undefined;
let currentUrl = '';

/** Resolves when the top card is in the DOM, or after the wait; one observer, then none. */
function whenTopCardReady(signal: AbortSignal): Promise<void> {
  if (hasTopCard(document)) return Promise.resolve();
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      // Batch bursts of mutations into one check per frame.
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (hasTopCard(document)) finish();
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(finish, TOP_CARD_WAIT_MS);
    signal.addEventListener('abort', finish, { once: true });
  });
}

async function showForCurrentPage(): Promise<void> {
  page?.abort();
  for (const stale of existingHosts(document)) stale.remove();
  page = new AbortController();
  const { signal } = page;
  if (!profileUrlOf(location.href)) return;
  await whenTopCardReady(signal);
  if (signal.aborted) return;
  const profile = readProfile(document, location.href);
  if (profile) mountProfileActions(document, profile, signal);
}

function onPossibleNavigation(): void {
  if (location.href === currentUrl) return;
  const samePerson = profileUrlOf(location.href) !== null && profileUrlOf(location.href) === profileUrlOf(currentUrl);
  currentUrl = location.href;
  if (!samePerson) void showForCurrentPage();
}

// LinkedIn navigates without reloading; its title changes with every page, and history
// traversal fires popstate. Both are cheap to watch, unlike the whole document.
new MutationObserver(onPossibleNavigation).observe(document.head, {
  childList: true,
  subtree: true,
  characterData: true,
});
addEventListener('popstate', onPossibleNavigation);
onPossibleNavigation();
