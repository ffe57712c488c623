import type { Recipient, RecordableOutcome, TemplateSummary } from '../messaging/contract.ts';
import { request } from '../messaging/client.ts';
import { t } from '../i18n/t.ts';
import type { OutreachKind, Relationship } from '../shared/model.ts';
import { amountProblem, inputNumber, readAmount, withNumberHint } from '../ui/numbers.ts';
import { el } from '../ui/dom.ts';
import { closeFrame, insertInPage, trusted } from './session.ts';

/** Kinds in the list, in the playbook's order, with the words the user sees. */
export const EMAIL_KINDS: readonly { kind: OutreachKind; label: () => string }[] = [
  { kind: 'referral-ask', label: () => t('webmailKindReferralAsk') },
  { kind: 'upsell', label: () => t('webmailKindUpsell') },
  { kind: 'stalled-revival', label: () => t('webmailKindStalledRevival') },
  { kind: 'favour-ask', label: () => t('webmailKindFavourAsk') },
  { kind: 'follow-up', label: () => t('webmailKindFollowUp') },
  { kind: 'thank-you', label: () => t('webmailKindThankYou') },
];

/** What to offer first for someone, by who they are to the user (the playbook's order). */
const SUGGESTED: Partial<Record<Relationship, readonly OutreachKind[]>> = {
  customer: ['referral-ask', 'upsell'],
  'stalled-prospect': ['stalled-revival'],
  coworker: ['favour-ask'],
  friend: ['favour-ask'],
  family: ['favour-ask'],
  neighbour: ['favour-ask'],
  'group-member': ['favour-ask'],
  community: ['favour-ask'],
};

const MISSING_HINTS: Record<string, () => string> = {
  myName: () => t('webmailHintMyName'),
  myCompany: () => t('webmailHintMyCompany'),
  product: () => t('webmailHintProduct'),
  signature: () => t('webmailHintSignature'),
};

function describeMissing(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const own = missing.flatMap((name) => MISSING_HINTS[name]?.() ?? []);
  const theirs = missing.filter((name) => !MISSING_HINTS[name]).map((name) => `{{${name}}}`);
  return [
    theirs.length ? ` ${t('webmailFillIn', theirs.join(', '))}` : '',
    own.length
      ? ` ${t(
          'webmailSetInPopup',
          own.reduce((list, item) => t('webmailAnd', list, item)),
        )}`
      : '',
  ].join('');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : t('webmailUnknownError');
}

/**
 * The frame's dialog: heading, a menu of choices (WAI-ARIA menu keys: arrows, Home, End; Enter
 * or a click chooses), a status line and Close. Escape closes the frame (main.ts).
 */
function dialogShell(root: HTMLElement, headingText: string, signal: AbortSignal) {
  const heading = el('h2', { id: 'gc-heading' }, headingText);
  const body = el('div', { class: 'choices', role: 'menu', 'aria-labelledby': 'gc-heading' });
  body.addEventListener(
    'keydown',
    (event) => {
      const items = [...body.querySelectorAll<HTMLElement>('[role="menuitem"]')];
      const at = items.indexOf(event.target as HTMLElement);
      if (at < 0) return;
      const move = (index: number) => items[(index + items.length) % items.length]?.focus();
      const keys: Record<string, () => void> = {
        ArrowDown: () => move(at + 1),
        ArrowUp: () => move(at - 1),
        Home: () => move(0),
        End: () => move(items.length - 1),
      };
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    },
    { signal },
  );
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const close = el('button', { type: 'button', class: 'secondary' }, t('dialogClose'));
  const panel = el(
    'div',
    { class: 'panel', role: 'dialog', 'aria-labelledby': heading.id },
    heading,
    body,
    status,
    el('div', { class: 'row' }, close),
  );
  close.addEventListener(
    'click',
    trusted(() => closeFrame()),
    { signal },
  );
  root.append(panel);
  const setStatus = (message: string, isError = false) => {
    status.textContent = message;
    status.classList.toggle('error', isError);
  };
  return { panel, body, setStatus };
}

function choiceButton(label: string, onChoose: () => void, signal: AbortSignal): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'choice', role: 'menuitem', tabindex: '-1' }, label);
  button.addEventListener('click', trusted(onChoose), { signal });
  return button;
}

/**
 * "Insert template" of a compose window: the email templates by kind, the ones suggested for who
 * the recipient is to the user first. Choosing one renders it for the recipient, has the page's
 * script insert it at the caret (and fill an empty subject), logs it, and closes.
 */
export async function templatesView(root: HTMLElement, recipient: Recipient | undefined, signal: AbortSignal) {
  const who = recipient ? (recipient.name ?? recipient.email) : '';
  const shell = dialogShell(root, who ? t('webmailTemplatesFor', who) : t('webmailEmailTemplates'), signal);
  shell.setStatus(t('webmailLoading'));
  let list: TemplateSummary[];
  let suggested: readonly OutreachKind[];
  try {
    const [templates, known] = await Promise.all([
      request('templates.list', { channel: 'email' }),
      recipient ? request('contact.lookup', { emails: [recipient.email] }) : Promise.resolve({ contacts: [] }),
    ]);
    list = templates.templates;
    const relationship = known.contacts[0]?.relationship;
    suggested = (relationship && SUGGESTED[relationship]) ?? [];
  } catch (error) {
    shell.setStatus(errorText(error) || t('webmailLoadFailed'), true);
    return;
  }
  shell.setStatus('');

  async function choose(template: TemplateSummary): Promise<void> {
    shell.setStatus(t('webmailInserting', template.name));
    try {
      const draft = await request('webmail.draft', {
        templateId: template.id,
        ...(recipient && { recipient }),
      });
      const { inserted, subjectSet, composeToken } = await insertInPage(draft.text, draft.subject);
      if (!inserted) throw new Error(t('webmailComposeClosed'));
      const gaps = describeMissing([...draft.missing, ...draft.unknown]);
      if (!recipient) {
        closeFrame(`${t('webmailInsertedNoRecipient', draft.templateName)}${gaps}`);
        return;
      }
      // A draft under the compose window's token: inserting again into this window is the same
      // draft, and the user's Send there (send-watch.ts) counts it.
      await request('webmail.log', {
        idempotencyKey: composeToken ?? crypto.randomUUID().replaceAll('-', ''),
        templateId: draft.templateId,
        text: draft.text,
        recipient,
        draft: true,
      });
      const done = subjectSet ? t('sentWebmailInsertedWithSubject', who) : t('sentWebmailInserted', who);
      // Back to the email; the page's status line says what happened and what is left to fill
      // in (the page knows the text it now holds, nothing more).
      closeFrame(`${done}${gaps}`);
    } catch (error) {
      shell.setStatus(t('webmailNotInserted', errorText(error)), true);
    }
  }

  const order = [...EMAIL_KINDS].sort(
    (a, b) => Number(suggested.includes(b.kind)) - Number(suggested.includes(a.kind)),
  );
  const groups = order.flatMap(({ kind, label: labelOf }) => {
    const ofKind = list.filter((template) => template.kind === kind);
    if (ofKind.length === 0) return [];
    const label = suggested.includes(kind) ? t('webmailSuggested', labelOf()) : labelOf();
    const labelId = `gc-kind-${kind}`;
    return [
      el(
        'div',
        { role: 'group', 'aria-labelledby': labelId },
        el('p', { class: 'group-label', id: labelId, role: 'presentation' }, label),
        ...ofKind.map((template) => choiceButton(template.name, () => void choose(template), signal)),
      ),
    ];
  });
  shell.body.replaceChildren(
    ...(groups.length
      ? groups
      : [el('div', { role: 'menuitem', 'aria-disabled': 'true', tabindex: '-1' }, t('webmailNoTemplates'))]),
  );
  // The menu pattern: opening moves focus to the first item.
  shell.body.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
}

/** The outcomes offered, each with its label and how the status line words it. */
export function outcomeChoices(): { outcome: RecordableOutcome; label: string; past: string }[] {
  return [
    { outcome: 'replied', label: t('webmailOutcomeReplied'), past: t('webmailPastReplied') },
    { outcome: 'helped-referral', label: t('webmailOutcomeHelpedReferral'), past: t('webmailPastHelpedReferral') },
    { outcome: 'helped-intro', label: t('webmailOutcomeHelpedIntro'), past: t('webmailPastHelpedIntro') },
    { outcome: 'helped-advice', label: t('webmailOutcomeHelpedAdvice'), past: t('webmailPastHelpedAdvice') },
    { outcome: 'meeting', label: t('webmailOutcomeMeeting'), past: t('webmailPastMeeting') },
    { outcome: 'won', label: t('webmailOutcomeWon'), past: t('webmailPastWon') },
    { outcome: 'declined', label: t('webmailOutcomeDeclined'), past: t('webmailPastDeclined') },
  ];
}

/**
 * "Record outcome" of a conversation: whether anyone in its headers is in the log is found out
 * here; for the first who is, the outcomes, a win asking for its amount.
 */
export async function outcomeView(root: HTMLElement, participants: readonly Recipient[], signal: AbortSignal) {
  let known: { email: string }[];
  try {
    ({ contacts: known } = await request('contact.lookup', { emails: participants.map((person) => person.email) }));
  } catch (error) {
    dialogShell(root, t('webmailRecordOutcomeButton'), signal).setStatus(errorText(error), true);
    return;
  }
  const contact = participants.find((person) => known.some((entry) => entry.email === person.email));
  if (!contact) {
    const shell = dialogShell(root, t('webmailRecordOutcomeButton'), signal);
    shell.body.remove();
    shell.setStatus(t('webmailNotInLog'));
    shell.panel.querySelector('button')?.focus();
    return;
  }
  const who = contact.name ?? contact.email;
  const shell = dialogShell(root, t('webmailOutcomeHeading', who), signal);
  const choices = outcomeChoices();
  // Text, not type=number: the amount is read as the UI language writes numbers ("4.200" in
  // German), not as the browser's number field would.
  const amount = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', id: 'gc-amount' });
  const save = el('button', { type: 'button' }, t('webmailSaveWin'));
  const amountForm = el(
    'div',
    { class: 'amount', hidden: true, role: 'group', 'aria-label': t('webmailWonAmountGroup') },
    el('label', { for: amount.id }, t('webmailAmountWon')),
    amount,
    save,
  );

  async function record(outcome: RecordableOutcome, wonAmount?: number): Promise<void> {
    shell.setStatus(t('webmailRecording'));
    try {
      const result = await request('outcome.record', {
        email: contact?.email ?? '',
        outcome,
        ...(wonAmount !== undefined && { wonAmount }),
      });
      const past = choices.find((choice) => choice.outcome === outcome)?.past ?? outcome;
      shell.setStatus(
        result.wonAmount !== undefined
          ? t('webmailRecordedWon', result.contactName, past, inputNumber(result.wonAmount))
          : t('webmailRecordedFor', result.contactName, past),
      );
    } catch (error) {
      shell.setStatus(t('webmailNotRecorded', errorText(error)), true);
    }
  }

  function saveWin(): void {
    const read = readAmount(amount.value);
    if (!read.ok || read.value <= 0) {
      amount.setCustomValidity(withNumberHint(t('webmailEnterAmount'), amountProblem(read)));
      amount.reportValidity();
      return;
    }
    amount.setCustomValidity('');
    amountForm.hidden = true;
    void record('won', read.value);
  }

  shell.panel.insertBefore(amountForm, shell.body.nextSibling);
  shell.body.replaceChildren(
    ...choices.map(({ outcome, label }) =>
      choiceButton(
        label,
        () => {
          if (outcome !== 'won') return void record(outcome);
          amountForm.hidden = false;
          amount.value = '';
          amount.focus();
        },
        signal,
      ),
    ),
  );
  save.addEventListener('click', trusted(saveWin), { signal });
  amount.addEventListener(
    'keydown',
    trusted((event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      saveWin();
    }),
    { signal },
  );
  shell.body.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
}
