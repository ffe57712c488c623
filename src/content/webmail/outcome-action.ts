import type { RecordableOutcome } from '../../messaging/contract.ts';
import { request } from '../../messaging/client.ts';
import type { Address } from '../../shared/email-address.ts';
import { t } from '../../i18n/t.ts';
import { amountProblem, inputNumber, readAmount, withNumberHint } from '../../ui/numbers.ts';
import { el } from '../ui/dom.ts';
import { bindMenuButton, createPopupMenu, menuItem } from './popup-menu.ts';

/** The outcomes in the menu, each with its label and how the status line words it. */
export function outcomeChoices(): { outcome: RecordableOutcome; label: string; past: string }[] {
  return [
    { outcome: 'replied', label: t('webmailOutcomeReplied'), past: t('webmailPastReplied') },
    {
      outcome: 'helped-referral',
      label: t('webmailOutcomeHelpedReferral'),
      past: t('webmailPastHelpedReferral'),
    },
    { outcome: 'helped-intro', label: t('webmailOutcomeHelpedIntro'), past: t('webmailPastHelpedIntro') },
    { outcome: 'helped-advice', label: t('webmailOutcomeHelpedAdvice'), past: t('webmailPastHelpedAdvice') },
    { outcome: 'meeting', label: t('webmailOutcomeMeeting'), past: t('webmailPastMeeting') },
    { outcome: 'won', label: t('webmailOutcomeWon'), past: t('webmailPastWon') },
    { outcome: 'declined', label: t('webmailOutcomeDeclined'), past: t('webmailPastDeclined') },
  ];
}

/**
 * "Record outcome" beside an open conversation with someone in the log: a menu of outcomes;
 * a win asks for its amount, which then counts as closed against the quota.
 */
export function createOutcomeAction(root: ShadowRoot, contact: Address, signal: AbortSignal): HTMLButtonElement {
  const who = contact.name ?? contact.email;
  const choices = outcomeChoices();
  const trigger = el('button', { type: 'button', class: 'trigger' }, t('webmailRecordOutcome', who));
  const popup = createPopupMenu(trigger, signal);
  popup.heading.textContent = t('webmailOutcomeHeading', who);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  // Text, not type=number: the amount is read as the UI language writes numbers ("4.200" in
  // German), not as the page's language or the browser's number field would.
  const amount = el('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    id: `${popup.menu.id}-amount`,
  });
  const save = el('button', { type: 'button' }, t('webmailSaveWin'));
  const cancel = el('button', { type: 'button', class: 'secondary' }, t('webmailCancel'));
  const amountForm = el(
    'div',
    { class: 'amount', hidden: true, role: 'group', 'aria-label': t('webmailWonAmountGroup') },
    el('label', { for: amount.id }, t('webmailAmountWon')),
    amount,
    save,
    cancel,
  );
  popup.extra.append(amountForm);
  root.append(trigger, status, popup.panel);

  function setStatus(message: string, isError = false): void {
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  async function record(outcome: RecordableOutcome, wonAmount?: number): Promise<void> {
    popup.close(true);
    setStatus(t('webmailRecording'));
    try {
      const result = await request('outcome.record', {
        email: contact.email,
        outcome,
        ...(wonAmount !== undefined && { wonAmount }),
      });
      const past = choices.find((choice) => choice.outcome === outcome)?.past ?? outcome;
      setStatus(
        result.wonAmount !== undefined
          ? t('webmailRecordedWon', result.contactName, past, inputNumber(result.wonAmount))
          : t('webmailRecordedFor', result.contactName, past),
      );
    } catch (error) {
      setStatus(t('webmailNotRecorded', error instanceof Error ? error.message : t('webmailUnknownError')), true);
    }
  }

  popup.menu.append(
    ...choices.map(({ outcome, label }) =>
      menuItem(
        label,
        () => {
          if (outcome !== 'won') {
            void record(outcome);
            return;
          }
          amountForm.hidden = false;
          amount.value = '';
          amount.focus();
        },
        signal,
      ),
    ),
  );

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

  function open(which: 'first' | 'last'): void {
    amountForm.hidden = true;
    popup.open();
    popup.focusItem(which);
  }

  const options = { signal };
  bindMenuButton(trigger, popup, open, signal);
  save.addEventListener('click', saveWin, options);
  cancel.addEventListener(
    'click',
    () => {
      amountForm.hidden = true;
      popup.focusItem('first');
    },
    options,
  );
  amount.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        saveWin();
      }
    },
    options,
  );
  return trigger;
}
