import type { RecordableOutcome } from '../../messaging/contract.ts';
import { request } from '../../messaging/client.ts';
import type { Address } from '../../shared/email-address.ts';
import { el } from '../ui/dom.ts';
import { createPopupMenu, menuItem } from './popup-menu.ts';

export const OUTCOME_CHOICES: readonly { outcome: RecordableOutcome; label: string; past: string }[] = [
  { outcome: 'replied', label: 'Replied', past: 'replied' },
  { outcome: 'helped-referral', label: 'Helped: referral', past: 'helped with a referral' },
  { outcome: 'helped-intro', label: 'Helped: introduction', past: 'helped with an introduction' },
  { outcome: 'helped-advice', label: 'Helped: advice', past: 'helped with advice' },
  { outcome: 'meeting', label: 'Meeting booked', past: 'a meeting' },
  { outcome: 'won', label: 'Won… (enter amount)', past: 'won' },
  { outcome: 'declined', label: 'Declined', past: 'declined' },
];

/**
 * "Record outcome" beside an open conversation with someone in the log: a menu of outcomes;
 * a win asks for its amount, which then counts as closed against the quota.
 */
export function createOutcomeAction(root: ShadowRoot, contact: Address, signal: AbortSignal): HTMLButtonElement {
  const who = contact.name ?? contact.email;
  const trigger = el('button', { type: 'button', class: 'trigger' }, `Record outcome: ${who}`);
  const popup = createPopupMenu(trigger, signal);
  popup.heading.textContent = `How did your ask to ${who} go?`;
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const amount = el('input', {
    type: 'number',
    min: '0',
    step: 'any',
    inputmode: 'decimal',
    id: `${popup.menu.id}-amount`,
  });
  const save = el('button', { type: 'button' }, 'Save win');
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const amountForm = el(
    'div',
    { class: 'amount', hidden: true, role: 'group', 'aria-label': 'Won amount' },
    el('label', { for: amount.id }, 'Amount won'),
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
    setStatus('Recording…');
    try {
      const result = await request('outcome.record', {
        email: contact.email,
        outcome,
        ...(wonAmount !== undefined && { wonAmount }),
      });
      const past = OUTCOME_CHOICES.find((choice) => choice.outcome === outcome)?.past ?? outcome;
      const money = result.wonAmount !== undefined ? ` ${result.wonAmount.toLocaleString()} (counted as closed)` : '';
      setStatus(`Recorded for ${result.contactName}: ${past}${money}.`);
    } catch (error) {
      setStatus(`Not recorded: ${error instanceof Error ? error.message : 'unknown error'}`, true);
    }
  }

  popup.menu.append(
    ...OUTCOME_CHOICES.map(({ outcome, label }) =>
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
    const value = Number(amount.value);
    if (!amount.value || !Number.isFinite(value) || value <= 0) {
      amount.setCustomValidity('Enter the amount won, above zero.');
      amount.reportValidity();
      return;
    }
    amount.setCustomValidity('');
    amountForm.hidden = true;
    void record('won', value);
  }

  const options = { signal };
  trigger.addEventListener(
    'click',
    () => {
      if (popup.isOpen()) {
        popup.close(true);
        return;
      }
      amountForm.hidden = true;
      popup.open();
      popup.focusItem('first');
    },
    options,
  );
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
