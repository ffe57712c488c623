import { t } from '../../i18n/t.ts';
import { request } from '../../messaging/client.ts';
import type { Relationship } from '../../shared/model.ts';
import { copyAndLog } from '../../ui/copy-and-log.ts';
import { createDraftDialog, type ActionResult } from '../ui/draft-dialog.ts';
import { el } from '../ui/dom.ts';
import { hintText } from '../ui/hint-text.ts';
import { createHost } from '../ui/host.ts';
import { findActionArea } from './action-area.ts';
import { personOf, type ProfileSnapshot } from './profile-reader.ts';
import { PROFILE_ACTIONS } from '../../i18n/profile-actions.ts';

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
  const dialog = createDraftDialog(host.root, signal);
  let relationship: Relationship | undefined;
  let hint: string | undefined;

  // Every action's button exists from the start; the relationship only shows or hides the
  // conditional ones, so the dialog's opener is never replaced under it.
  const triggers = PROFILE_ACTIONS.map((action) => {
    const button = el(
      'button',
      { type: 'button', class: 'trigger', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
      action.label(),
    );
    button.addEventListener(
      'click',
      () => {
        if (dialog.isOpen) dialog.close();
        dialog.open(
          {
            heading: action.heading(person.firstName || person.fullName),
            channel: 'linkedin-message',
            kind: action.kind,
            person,
            hint,
            relationship: { current: relationship, change: changeRelationship },
            actionLabel: t('linkedinCopyAndLog'),
            async act(draft): Promise<ActionResult> {
              const field = host.root.querySelector('textarea') ?? undefined;
              const target = { person, kind: draft.kind, channel: 'linkedin-message' as const };
              return (await copyAndLog(draft, target, field))
                ? { ok: true, message: t('linkedinCopiedAndLogged', person.firstName || person.fullName) }
                : { ok: false, message: t('linkedinCopyBlocked') };
            },
          },
          button,
        );
      },
      { signal },
    );
    buttons.append(button);
    return { action, button };
  });

  function render(): void {
    for (const { action, button } of triggers)
      button.hidden = Boolean(action.onlyFor && action.onlyFor !== relationship);
  }

  async function changeRelationship(value: Relationship): Promise<void> {
    await request('contact.setRelationship', { person, relationship: value });
    relationship = value;
    render();
  }

  render();
  if (area) area.append(host.element);
  else doc.body.append(host.element);
  signal.addEventListener('abort', () => host.element.remove(), { once: true });

  request('contact.context', { linkedinUrl: profile.profileUrl })
    .then((context) => {
      if (signal.aborted) return;
      relationship = context.relationship;
      hint = context.hint && hintText(context.hint);
      render();
    })
    .catch(() => {
      // Without context the basic actions still work.
    });
  return host.element;
}
