import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { createHost } from '../ui/host.ts';
import { closePrivateFrame, isFrameOpenFor, openPrivateFrame, prewarmPrivateFrame } from '../ui/private-frame.ts';
import type { Feature } from './feature.ts';
import { groupUrlOf, readGroup, type GroupSnapshot } from './group-reader.ts';
import { onSeen } from './seen.ts';
import { reportSiteCheck } from './site-check.ts';

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
  prewarmPrivateFrame(doc, signal);
  signal.addEventListener('abort', () => host.element.remove(), { once: true });
}

export const groupFeature: Feature = {
  name: 'group post',
  appliesTo: (url) => groupUrlOf(url) !== null,
  mount(doc, signal) {
    // Waits for the group's heading through detect.css's animation on `main h1` (no DOM
    // observer), then after GROUP_WAIT_MS settles for the title.
    const waiting = new AbortController();
    signal.addEventListener('abort', () => waiting.abort(), { once: true, signal: waiting.signal });
    const tryMount = (final: boolean): boolean => {
      const group = readGroup(doc, doc.location.href);
      if (!group || (!group.heading && !final)) return false;
      waiting.abort();
      mountGroupAction(doc, group, signal);
      reportSiteCheck(
        group.heading
          ? { layout: 'group', missing: [], fallbacks: [] }
          : { layout: 'group-unknown', missing: ['group heading'], fallbacks: ['title', 'floating'] },
      );
      return true;
    };
    const timer = setTimeout(() => {
      waiting.abort();
      tryMount(true);
    }, GROUP_WAIT_MS);
    waiting.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    if (!tryMount(false)) onSeen(doc, waiting.signal, () => tryMount(false));
  },
};
