import { t } from '../../i18n/t.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { OutreachList } from '../../ui/OutreachList.tsx';
import { DraftsNotSent } from '../../ui/DraftsNotSent.tsx';
import { ThankYousOwed } from '../../ui/ThankYousOwed.tsx';
import { ReferralLeads } from '../../ui/ReferralLeads.tsx';

/** The list a reminder notification opens: thank-yous owed, follow-ups due, drafts not sent. */
export function FollowThrough({ day, onChanged }: { day: DaySnapshot; onChanged: () => void }) {
  return (
    <>
      <ThankYousOwed thanks={day.thanksOwed} onChanged={onChanged} />
      <section aria-labelledby="options-due-title">
        <h2 id="options-due-title">{t('optionsDueTitle')}</h2>
        {day.dueFollowUps.length === 0 ? (
          <p class="hint">{t('optionsDueNone')}</p>
        ) : (
          <OutreachList label={t('optionsDueTitle')} records={day.dueFollowUps} show="due" onChanged={onChanged} />
        )}
      </section>
      <ReferralLeads version={day} onChanged={onChanged} />
      <DraftsNotSent idPrefix="options" onChanged={onChanged} />
    </>
  );
}
