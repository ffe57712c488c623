import type { Recipient, RecordableOutcome, Replies, TemplateSummary } from '../messaging/contract.ts';
import { request } from '../messaging/client.ts';
import { t } from '../i18n/t.ts';
import type { OutreachKind, Relationship } from '../shared/model.ts';
import { amountProblem, inputNumber, readAmount, withNumberHint } from '../ui/numbers.ts';
import { el } from '../ui/dom.ts';
import { readReferralForm, type ReferredPerson } from '../shared/referrals.ts';
import { fillPlaceholders, gapsIn, PLACEHOLDERS } from '../shared/template.ts';
import { missingValuesForm } from './missing-form.ts';
import { closeFrame, insertInPage, trusted } from './session.ts';

const isPlaceholder = (name: string): boolean => (PLACEHOLDERS as readonly string[]).includes(name);

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

  /** Inserts the draft (its sign-off only where the compose has no signature), logs it, closes. */
  async function insertAndLog(
    draft: Replies['webmail.draft'],
    typedValues: Record<string, string> = {},
  ): Promise<void> {
    const { company } = typedValues;
    const signOff = draft.signOff && draft.text.endsWith(draft.signOff) ? draft.signOff : undefined;
    const main = signOff ? draft.text.slice(0, -signOff.length).trimEnd() : draft.text;
    const { inserted, subjectSet, signedOff, composeToken } = await insertInPage(main, draft.subject, signOff);
    if (!inserted) throw new Error(t('webmailComposeClosed'));
    if (!recipient) {
      closeFrame(
        `${t('webmailInsertedNoRecipient', draft.templateName)}${
          draft.suggest?.includes('idealReferral') ? ` ${t('webmailSetInPopup', t('hintIdealReferral'))}` : ''
        }`,
      );
      return;
    }
    // A draft under the compose window's token: inserting again into this window is the same
    // draft, and the user's Send there (send-watch.ts) counts it.
    await request('webmail.log', {
      idempotencyKey: composeToken ?? crypto.randomUUID().replaceAll('-', ''),
      templateId: draft.templateId,
      text: signedOff && signOff ? `${main}\n\n${signOff}` : main,
      recipient,
      ...(company && { company }),
      draft: true,
    });
    const done = subjectSet ? t('sentWebmailInsertedWithSubject', who) : t('sentWebmailInserted', who);
    const advice = draft.suggest?.includes('idealReferral') ? ` ${t('webmailSetInPopup', t('hintIdealReferral'))}` : '';
    // Back to the email; the page's status line says what happened (and where to say what a good referral is).
    closeFrame(`${done}${advice}`);
  }

  /**
   * A draft with gaps is never inserted as it is: the form asks for each missing value first; the
   * background renders the draft with them; the form keeps the user's own values, the log the recipient's company.
   */
  function askForGaps(template: TemplateSummary, draft: Replies['webmail.draft'], gaps: readonly string[]): void {
    shell.setStatus(t('fillExplain', draft.templateName));
    const form = missingValuesForm(
      gaps,
      t('fillInsert'),
      (values) => {
        const fill = Object.fromEntries(Object.entries(values).filter(([name]) => isPlaceholder(name)));
        shell.setStatus(t('webmailInserting', draft.templateName));
        request('webmail.draft', { templateId: template.id, ...(recipient && { recipient }), fill })
          .then((again) =>
            insertAndLog(
              {
                ...again,
                text: fillPlaceholders(again.text, values),
                ...(again.subject !== undefined && { subject: fillPlaceholders(again.subject, values) }),
                ...(again.signOff !== undefined && { signOff: fillPlaceholders(again.signOff, values) }),
              },
              values,
            ),
          )
          .catch((error: unknown) => shell.setStatus(t('webmailNotInserted', errorText(error)), true));
      },
      signal,
    );
    shell.body.hidden = true;
    shell.panel.insertBefore(form, shell.body.nextSibling);
    form.querySelector('input')?.focus();
  }

  async function choose(template: TemplateSummary): Promise<void> {
    shell.setStatus(t('webmailInserting', template.name));
    try {
      const draft = await request('webmail.draft', {
        templateId: template.id,
        ...(recipient && { recipient }),
      });
      const gaps = gapsIn(`${draft.subject ?? ''}\n${draft.text}`);
      if (gaps.length > 0) return askForGaps(template, draft, gaps);
      await insertAndLog(draft);
    } catch (error) {
      shell.setStatus(t('webmailNotInserted', errorText(error)), true);
    }
  }

  // Built-ins written for one relationship are reached through their kind's general entry.
  list = list.filter((template) => !template.relationships);
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

/** The "who was referred?" group of the outcome view: name (required), company, email or LinkedIn URL. */
function referralForm(signal: AbortSignal, onSave: (person: ReferredPerson) => void) {
  const field = (id: string, label: string) => {
    const input = el('input', { type: 'text', autocomplete: 'off', id });
    return { input, label: el('label', { for: id }, label) };
  };
  const name = field('gc-referral-name', t('uiReferralName'));
  const company = field('gc-referral-company', t('uiReferralCompany'));
  const reach = field('gc-referral-reach', t('uiReferralReach'));
  name.input.setAttribute('aria-required', 'true');
  const save = el('button', { type: 'button' }, t('webmailSaveReferral'));
  const form = el(
    'div',
    { class: 'amount', hidden: true, role: 'group', 'aria-label': t('uiReferralWho') },
    name.label,
    name.input,
    company.label,
    company.input,
    reach.label,
    reach.input,
    save,
  );
  function submit(): void {
    const read = readReferralForm({ name: name.input.value, company: company.input.value, reach: reach.input.value });
    name.input.setCustomValidity('');
    reach.input.setCustomValidity('');
    if (!read.ok) {
      const target = read.problems.includes('name-missing') ? name.input : reach.input;
      target.setCustomValidity(
        read.problems.includes('name-missing') ? t('uiReferralNameMissing') : t('uiReferralReachInvalid'),
      );
      target.reportValidity();
      return;
    }
    onSave(read.person);
  }
  save.addEventListener('click', trusted(submit), { signal });
  return {
    form,
    open() {
      form.hidden = false;
      name.input.focus();
    },
  };
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

  // "Helped: referral" asks whom first: the person becomes a lead referred by this contact.
  const referral = referralForm(signal, (person) => {
    referral.form.hidden = true;
    void record('helped-referral', undefined, person);
  });

  async function record(outcome: RecordableOutcome, wonAmount?: number, person?: ReferredPerson): Promise<void> {
    shell.setStatus(t('webmailRecording'));
    try {
      const result = await request('outcome.record', {
        email: contact?.email ?? '',
        outcome,
        ...(wonAmount !== undefined && { wonAmount }),
        ...(person && { referral: person }),
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
  shell.panel.insertBefore(referral.form, amountForm.nextSibling);
  shell.body.replaceChildren(
    ...choices.map(({ outcome, label }) =>
      choiceButton(
        label,
        () => {
          if (outcome === 'helped-referral') {
            amountForm.hidden = true;
            referral.open();
            return;
          }
          referral.form.hidden = true;
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
