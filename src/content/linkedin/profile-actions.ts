import { t } from '../../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { createHost } from '../ui/host.ts';
import { closePrivateFrame, isFrameOpenFor, openPrivateFrame, prewarmPrivateFrame } from '../ui/private-frame.ts';
import { findActionArea } from './action-area.ts';
import { REACH } from './selectors.ts';
import { personOf, type ProfileSnapshot } from './profile-reader.ts';
import { PROFILE_ACTIONS } from '../../i18n/profile-actions.ts';

/**
 * The buttons every profile shows, whoever the person is to the user: the page must not be able
 * to tell a customer from a stranger by our buttons. Upsell and revival are offered inside the
 * private frame, where the relationship is read.
 */
export const IN_PAGE_PROFILE_ACTIONS = PROFILE_ACTIONS.filter((action) => !action.onlyFor);

/**
 * Puts the profile's actions in its action row, or floating at the corner when the layout
 * has no row we recognise. Everything is removed when `signal` aborts (navigation).
 */
export function mountProfileActions(doc: Document, profile: ProfileSnapshot, signal: AbortSignal): HTMLElement {
  const area = findActionArea(profile.topCard);
  const host = createHost(area ? 'inline' : 'floating');
  const person = personOf(profile);
  const buttons = el('div', { class: 'buttons', role: 'group', 'aria-label': t('linkedinGroupLabel') });
  host.root.append(buttons);

  for (const action of IN_PAGE_PROFILE_ACTIONS) {
    const kind = action.kind === 'favour-ask' ? 'favour-ask' : 'referral-ask';
    const button = el(
      'button',
      { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
      action.label(),
    );
    button.addEventListener(
      'click',
      (event) => {
        // A click the page's script dispatched is not the user's: it opens nothing.
        if (!event.isTrusted) return;
        if (isFrameOpenFor(button)) return closePrivateFrame();
        // A profile offering Connect but no Message: the way in is a connection note (300 characters).
        const card = profile.topCard;
        const connectOnly = Boolean(card && !card.querySelector(REACH.message) && card.querySelector(REACH.toConnect));
        openPrivateFrame(
          host.root,
          { view: 'profile', kind, person, ...(connectOnly && { via: 'connection-note' as const }) },
          button,
          signal,
        ).catch(() => undefined);
      },
      { signal },
    );
    buttons.append(button);
  }

  if (area) area.append(host.element);
  else doc.body.append(host.element);
  prewarmPrivateFrame(doc, signal);
  signal.addEventListener('abort', () => host.element.remove(), { once: true });
  return host.element;
}
