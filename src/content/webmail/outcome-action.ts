import type { Recipient } from '../../messaging/contract.ts';
import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { closePrivateFrame, isFrameOpenFor, openPrivateFrame, prewarmPrivateFrame } from '../ui/private-frame.ts';

/**
 * "Record outcome" beside every open conversation, the same whoever wrote it: whether anyone in
 * it is in the log is found out in the private frame, never shown to the page.
 */
export function createOutcomeAction(
  root: ShadowRoot,
  participants: readonly Recipient[],
  signal: AbortSignal,
): HTMLButtonElement {
  const trigger = el(
    'button',
    { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    t('webmailRecordOutcomeButton'),
  );
  root.append(trigger);
  prewarmPrivateFrame(trigger.ownerDocument, signal);
  trigger.addEventListener(
    'click',
    (event) => {
      // A click the page's script dispatched is not the user's: it opens nothing.
      if (!event.isTrusted) return;
      if (isFrameOpenFor(trigger)) return closePrivateFrame();
      openPrivateFrame(root, { view: 'outcome', participants: participants.slice(0, 10) }, trigger, signal).catch(
        () => undefined,
      );
    },
    { signal },
  );
  return trigger;
}
