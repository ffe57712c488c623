import type { Quota } from '../shared/model.ts';
import type { QuotaStatus } from '../shared/quota.ts';
import { formatMoney, formatTime, KIND_LABELS } from './format.ts';
import type { PopupState } from './state.ts';

interface Props {
  state: PopupState;
  quota: Quota;
  status: QuotaStatus;
}

function paceSentence(status: QuotaStatus, conversion: number, quota: Quota): string {
  const ev = formatMoney(status.expectedValuePerAsk, quota.currency);
  const assumption = `At ${Math.round(conversion * 100)}% of asks becoming a ${formatMoney(quota.averageDealSize, quota.currency)} deal, one ask is worth about ${ev}.`;
  switch (status.state) {
    case 'closed':
      return 'The gap is closed. Time to thank everyone who helped.';
    case 'period-over':
      return 'This quota period is over. Set the next one to keep going.';
    case 'no-working-day-left':
      return 'No working day is left in this period.';
    case 'not-started':
      return `The period has not started yet. ${assumption}`;
    default:
      return status.asksNeeded === null
        ? 'With a conversion of 0%, no number of asks closes the gap: adjust the assumption.'
        : `${assumption} ${status.asksNeeded} asks close the gap: ${status.asksPerDay} a day over ${status.workingDaysLeft} working days.`;
  }
}

export function Summary({ state, quota, status }: Props) {
  const conversion = state.settings.conversion['referral-ask'];
  return (
    <>
      <section aria-labelledby="gap-title">
        <h2 id="gap-title">Quota gap</h2>
        <p class="big" data-testid="gap">
          {formatMoney(status.gap, quota.currency)}
        </p>
        <progress
          max={100}
          value={Math.round(status.progress * 100)}
          aria-label={`${Math.round(status.progress * 100)}% of target closed`}
        />
        <p>
          {formatMoney(status.closed, quota.currency)} closed of {formatMoney(quota.target, quota.currency)} ·{' '}
          <span data-testid="days-left">{status.workingDaysLeft}</span> working days left (to {quota.periodEnd})
        </p>
      </section>
      <section aria-labelledby="today-title">
        <h2 id="today-title">Today</h2>
        <p class="big" data-testid="asks-today">
          {status.asksMadeToday} of {status.asksPerDay ?? '—'} asks
        </p>
        <p class="hint">{paceSentence(status, conversion, quota)}</p>
        {state.todaysOutreach.length === 0 ? (
          <p>No outreach logged yet today. Open a LinkedIn profile and use “Ask for referral”.</p>
        ) : (
          <ul aria-label="Today's outreach" class="log">
            {state.todaysOutreach.map((record) => (
              <li key={record.id}>
                <span class="who">{record.contactName}</span>
                <span class="what">{KIND_LABELS[record.kind] ?? record.kind}</span>
                <time dateTime={new Date(record.createdAt).toISOString()}>{formatTime(record.createdAt)}</time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
