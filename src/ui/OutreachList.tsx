import { t } from '../i18n/t.ts';
import type { Outreach } from '../shared/model.ts';
import { formatDate, formatTime, KIND_LABELS } from './format.ts';
import { OutcomeRecorder } from './OutcomeRecorder.tsx';

interface Props {
  label: string;
  records: readonly Outreach[];
  /** What to show beside the kind: the time sent, or the follow-up date. */
  show: 'time' | 'due';
  onChanged: () => void;
}

/** Outreach rows with quick outcome recording (today's log, follow-ups due). */
export function OutreachList({ label, records, show, onChanged }: Props) {
  return (
    <ul aria-label={label} class="log">
      {records.map((record) => (
        <li key={record.id}>
          <div class="item">
            <span class="who">{record.contactName}</span>
            <span class="what">{KIND_LABELS[record.kind] ?? record.kind}</span>
            {show === 'time' ? (
              <time dateTime={new Date(record.createdAt).toISOString()}>{formatTime(record.createdAt)}</time>
            ) : (
              <span class="what">{t('uiSince', record.followUpOn ? formatDate(record.followUpOn) : '—')}</span>
            )}
          </div>
          {record.kind !== 'thank-you' && <OutcomeRecorder record={record} onChanged={onChanged} />}
        </li>
      ))}
    </ul>
  );
}
