import { t, uiLocale } from '../i18n/t.ts';
import { relationshipLabel } from '../i18n/relationships.ts';
import type { OutreachKind } from '../shared/model.ts';
import type { PlaybookStep } from '../shared/pace.ts';
import type { QueueLine, QueueReason } from '../shared/queue.ts';
import { formatMoney, OUTCOME_LABELS } from './format.ts';

let monthFormat: Intl.DateTimeFormat | undefined;

/** "March 2026" / "März 2026": when something happened, as the reason says it. */
function month(at: number): string {
  monthFormat ??= new Intl.DateTimeFormat(uiLocale(), { month: 'long', year: 'numeric' });
  return monthFormat.format(at);
}

/** A line's reason in a few words, in the user's language. */
export function reasonText(reason: QueueReason, currency: string): string {
  switch (reason.kind) {
    case 'customer': {
      const first =
        reason.brought > 0 && reason.lastWonAt !== undefined
          ? t('queueReasonWon', formatMoney(reason.brought, currency), month(reason.lastWonAt))
          : reason.brought > 0
            ? t('queueReasonBrought', formatMoney(reason.brought, currency))
            : t('relationshipCustomer');
      const asked =
        reason.lastAskedAt === undefined
          ? t('queueReasonNeverAsked')
          : t('queueReasonLastAsked', month(reason.lastAskedAt));
      return `${first} · ${asked}`;
    }
    case 'stalled-deal': {
      const parts = [reason.label];
      if (reason.amount !== undefined) parts.push(formatMoney(reason.amount, reason.currency ?? currency));
      parts.push(t('queueReasonIdle', String(reason.idleDays)));
      if (reason.pastClose) parts.push(t('queueReasonPastClose'));
      return parts.join(' · ');
    }
    case 'stalled-prospect':
      return `${t('relationshipStalledProspect')} · ${t('queueReasonIdle', String(reason.idleDays))}`;
    case 'network': {
      const parts = [reason.relationship ? relationshipLabel(reason.relationship) : t('queueReasonConnection')];
      if (reason.helped > 0) parts.push(t('queueReasonHelped', String(reason.helped)));
      parts.push(
        reason.lastContactAt === undefined
          ? t('queueReasonNeverContacted')
          : t('queueReasonLastContact', month(reason.lastContactAt)),
      );
      return parts.join(' · ');
    }
  }
}

/** The reason of a "thank first" line: what they helped with. */
export function thankFirstText(line: QueueLine): string {
  return line.thankFor ? `${t('queueThankFirst')} · ${OUTCOME_LABELS[line.thankFor]}` : t('queueThankFirst');
}

/** The ask a step's "Draft email" writes. */
export const STEP_ASK: Record<PlaybookStep, OutreachKind> = {
  customers: 'referral-ask',
  stalled: 'stalled-revival',
  networks: 'favour-ask',
};
