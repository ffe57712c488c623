import type { Group, Person, Replies } from '../messaging/contract.ts';
import { request } from '../messaging/client.ts';
import { PROFILE_ACTIONS, profileActionsFor } from '../i18n/profile-actions.ts';
import { t } from '../i18n/t.ts';
import type { OutreachKind } from '../shared/model.ts';
import { copyAndLog } from '../ui/copy-and-log.ts';
import { createDraftDialog } from './draft-dialog.ts';
import { hintText } from './hint-text.ts';
import { closeFrame, insertInPage } from './session.ts';

function draftField(root: HTMLElement): HTMLTextAreaElement | undefined {
  return root.querySelector('textarea') ?? undefined;
}

/**
 * A profile's draft: the relationship, the hint and the upsell or revival choices for
 * customers and stalled deals are read here, in the frame, never in the page.
 */
export async function profileView(
  root: HTMLElement,
  open: { kind: OutreachKind; person: Person; via?: 'connection-note' },
  signal: AbortSignal,
): Promise<void> {
  const { person } = open;
  const name = person.firstName || person.fullName;
  const action = PROFILE_ACTIONS.find((entry) => entry.kind === open.kind) ?? PROFILE_ACTIONS[0];
  const dialog = createDraftDialog(root, signal, () => closeFrame());
  // Painted at once; the relationship and the hint follow when the log has answered.
  dialog.open({
    heading: action?.heading(name) ?? '',
    channel: 'linkedin-message',
    kind: open.kind,
    person,
    relationship: {
      current: undefined,
      change: async (value) => {
        await request('contact.setRelationship', { person, relationship: value });
      },
    },
    kindsFor: (current) =>
      profileActionsFor(current).map((entry) => ({
        kind: entry.kind,
        label: entry.label(),
        heading: entry.heading(name),
      })),
    // A message, unless the page offers only Connect: then a connection note (300 characters).
    via: open.via === 'connection-note' ? ['connection-note', 'message'] : ['message', 'connection-note'],
    actionLabel: t('linkedinCopyAndLog'),
    async act(draft) {
      const target = { person, kind: draft.kind, channel: 'linkedin-message' as const };
      return (await copyAndLog(draft, target, draftField(root)))
        ? { ok: true, message: t('sentCopiedDraft', name), draftKey: draft.idempotencyKey }
        : { ok: false, message: t('linkedinCopyBlocked'), draftKey: draft.idempotencyKey };
    },
  });
  const context: Replies['contact.context'] = person.linkedinUrl
    ? await request('contact.context', { linkedinUrl: person.linkedinUrl }).catch(() => ({}))
    : {};
  dialog.setContext({ relationship: context.relationship, hint: context.hint && hintText(context.hint) });
}

/** A group post's draft, copied and logged against the group. */
export function groupView(root: HTMLElement, group: Group, signal: AbortSignal): void {
  const dialog = createDraftDialog(root, signal, () => closeFrame());
  dialog.open({
    heading: t('linkedinHeadingHelp', group.name),
    channel: 'linkedin-group',
    kind: 'group-post',
    group,
    hint: t('linkedinGroupHint'),
    via: ['post'],
    actionLabel: t('linkedinCopyAndLog'),
    async act(draft) {
      return (await copyAndLog(draft, { group }, draftField(root)))
        ? { ok: true, message: t('sentGroupCopiedDraft'), draftKey: draft.idempotencyKey }
        : { ok: false, message: t('linkedinCopyBlocked'), draftKey: draft.idempotencyKey };
    },
  });
}

/**
 * A message box's draft: inserted by the page's script, then kept as a draft (when the partner is
 * known) under the box's token: it counts once the text appears in the conversation, or when the
 * user marks it sent in the popup.
 */
export function messageView(root: HTMLElement, partner: Person | undefined, signal: AbortSignal): void {
  const dialog = createDraftDialog(root, signal, () => closeFrame());
  const unknownName = t('linkedinUnknownPartnerName');
  dialog.open({
    heading: partner ? t('linkedinMessageTo', partner.fullName) : t('linkedinMessage'),
    channel: 'linkedin-message',
    kind: 'referral-ask',
    person: partner ?? { fullName: unknownName, firstName: unknownName },
    hint: partner ? undefined : t('linkedinPartnerUnknown'),
    via: ['message'],
    actionLabel: t('linkedinInsertAndLog'),
    async act(draft) {
      const { inserted, composeToken } = await insertInPage(draft.text);
      if (!inserted) return { ok: false, message: t('linkedinBoxClosed') };
      if (partner) {
        // Inserted, not sent: a draft (a failure here leaves the text in the box, nothing counted).
        await request('outreach.log', {
          idempotencyKey: composeToken ?? draft.idempotencyKey,
          kind: draft.kind,
          channel: 'linkedin-message',
          text: draft.text,
          person: partner,
          draft: true,
        });
      }
      const message = partner
        ? t('sentInsertedDraft', partner.firstName ?? partner.fullName)
        : t('linkedinInsertedNotLogged');
      closeFrame(message);
      return { ok: true, message };
    },
  });
}
