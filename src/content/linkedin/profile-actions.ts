import type { Person } from '../../messaging/contract.ts';
import { request } from '../../messaging/client.ts';
import type { OutreachKind, Relationship } from '../../shared/model.ts';
import { copyText } from '../ui/clipboard.ts';
import { createDraftDialog, type ActionResult } from '../ui/draft-dialog.ts';
import { el } from '../ui/dom.ts';
import { createHost } from '../ui/host.ts';
import { findActionArea } from './action-area.ts';
import { personOf, type ProfileSnapshot } from './profile-reader.ts';

interface ProfileAction {
  kind: OutreachKind;
  /** The button's text and accessible name. */
  label: string;
  heading: (firstName: string) => string;
  /** Shown only for people with this relationship; always when absent. */
  onlyFor?: Relationship;
}

/** The playbook on a profile: referrals and help from anyone; upsell customers; revive stalled deals. */
export const PROFILE_ACTIONS: readonly ProfileAction[] = [
  { kind: 'referral-ask', label: 'Ask for referral', heading: (name) => `Ask ${name} for a referral` },
  { kind: 'favour-ask', label: 'Ask for help', heading: (name) => `Ask ${name} for help` },
  { kind: 'upsell', label: 'Upsell', heading: (name) => `Check in with ${name}`, onlyFor: 'customer' },
  {
    kind: 'stalled-revival',
    label: 'Revive deal',
    heading: (name) => `Revive the deal with ${name}`,
    onlyFor: 'stalled-prospect',
  },
];

/** Copies the final text, then logs it; copying first so a failed log never loses the text. */
export async function copyAndLog(
  person: Person,
  draft: { text: string; kind: OutreachKind; idempotencyKey: string },
  field: HTMLTextAreaElement | undefined,
): Promise<ActionResult> {
  const copied = await copyText(draft.text, field);
  await request('outreach.log', {
    idempotencyKey: draft.idempotencyKey,
    kind: draft.kind,
    channel: 'linkedin-message',
    text: draft.text,
    person,
  });
  const name = person.firstName || person.fullName;
  return copied
    ? { ok: true, message: `Copied and logged. Paste it into your message to ${name} and send it.` }
    : { ok: false, message: 'Logged, but the browser blocked copying: select the draft and press Ctrl+C (⌘C).' };
}

/**
 * Puts the profile's actions in its action row, or floating at the corner when the layout
 * has no row we recognise. Everything is removed when `signal` aborts (navigation).
 */
export function mountProfileActions(doc: Document, profile: ProfileSnapshot, signal: AbortSignal): HTMLElement {
  const area = findActionArea(profile.topCard);
  const host = createHost(area ? 'inline' : 'floating');
  const person = personOf(profile);
  const buttons = el('div', { class: 'buttons', role: 'group', 'aria-label': 'Gap Closer' });
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
      action.label,
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
            actionLabel: 'Copy and log',
            act: (draft) => copyAndLog(person, draft, host.root.querySelector('textarea') ?? undefined),
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
      hint = context.hint;
      render();
    })
    .catch(() => {
      // Without context the basic actions still work.
    });
  return host.element;
}
