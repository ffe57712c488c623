import { t } from '../../i18n/t.ts';
import { copyAndLog } from '../../ui/copy-and-log.ts';
import { createDraftDialog } from '../ui/draft-dialog.ts';
import { el } from '../ui/dom.ts';
import { createHost } from '../ui/host.ts';
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
  const dialog = createDraftDialog(host.root, signal);
  const target = { name: group.name, url: group.url };
  button.addEventListener(
    'click',
    () => {
      if (dialog.isOpen) return dialog.close();
      dialog.open(
        {
          heading: t('linkedinHeadingHelp', group.name),
          channel: 'linkedin-group',
          kind: 'group-post',
          group: target,
          hint: t('linkedinGroupHint'),
          actionLabel: t('linkedinCopyAndLog'),
          async act(draft) {
            const field = host.root.querySelector('textarea') ?? undefined;
            return (await copyAndLog(draft, { group: target }, field))
              ? { ok: true, message: t('linkedinGroupCopied') }
              : { ok: false, message: t('linkedinCopyBlocked') };
          },
        },
        button,
      );
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
