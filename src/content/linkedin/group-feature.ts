import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { createHost } from '../ui/host.ts';
import { closePrivateFrame, isFrameOpenFor, openPrivateFrame } from '../ui/private-frame.ts';
import type { Feature } from './feature.ts';
import { groupUrlOf, readGroup, type GroupSnapshot } from './group-reader.ts';

const GROUP_WAIT_MS = 1500;

function mountGroupAction(doc: Document, group: GroupSnapshot, signal: AbortSignal): void {
  const host = createHost(group.heading ? 'inline' : 'floating');
  const button = el(
    'button',
    { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    t('linkedinAskGroup'),
  );
  host.root.append(button);
  const target = { name: group.name, url: group.url };
  button.addEventListener(
    'click',
    (event) => {
      // A click the page's script dispatched is not the user's: it opens nothing.
      if (!event.isTrusted) return;
      if (isFrameOpenFor(button)) return closePrivateFrame();
      openPrivateFrame(host.root, { view: 'group', group: target }, button, signal).catch(() => undefined);
    },
    { signal },
  );
  if (group.heading?.parentElement) group.heading.insertAdjacentElement('afterend', host.element);
  else doc.body.append(host.element);
  signal.addEventListener('abort', () => host.element.remove(), { once: true });
}

export const groupFeature: Feature = {
  name: 'group post',
  appliesTo: (url) => groupUrlOf(url) !== null,
  mount(doc, signal) {
    const tryMount = (final: boolean): boolean => {
      const group = readGroup(doc, doc.location.href);
      if (!group || (!group.heading && !final)) return false;
      observer.disconnect();
      clearTimeout(timer);
      mountGroupAction(doc, group, signal);
      return true;
    };
    const observer = new MutationObserver(() => tryMount(false));
    const timer = setTimeout(() => {
      observer.disconnect();
      tryMount(true);
    }, GROUP_WAIT_MS);
    signal.addEventListener('abort', () => (observer.disconnect(), clearTimeout(timer)), { once: true });
    if (!tryMount(false)) observer.observe(doc.body, { childList: true, subtree: true });
  },
};
