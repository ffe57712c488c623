import type { PaceSettings, Quota, Settings as UserSettings } from '../../shared/model.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { notifyWorker } from '../../messaging/client.ts';
import { saveSettingsRows } from '../../storage/page-writes.ts';
import { QuotaSettingsForm } from '../../ui/QuotaSettingsForm.tsx';
import { quotaWithHolidays, refreshStaleHolidays } from '../../ui/holidays.ts';
import { useEffect } from 'preact/hooks';

export function Settings({ day, onSaved }: { day: DaySnapshot; onSaved: () => Promise<void> }) {
  // The period rolled over past the stored holidays (or the country changed elsewhere): this
  // page may load the holiday library, so it recomputes them when it opens.
  useEffect(() => {
    const quota = day.quota;
    if (!quota) return;
    void refreshStaleHolidays(quota, day.today, async (next) => {
      await saveSettingsRows({ quota: next });
      await notifyWorker();
      await onSaved();
    }).catch(() => undefined);
  }, [day.quota, day.today, onSaved]);

  async function save(quota: Quota, settings: UserSettings, pace: PaceSettings) {
    await saveSettingsRows({ quota: await quotaWithHolidays(quota, day.today), settings, pace });
    await notifyWorker();
    await onSaved();
  }
  return (
    <section id="settings">
      <QuotaSettingsForm
        today={day.today}
        quota={day.quota}
        settings={day.settings}
        pace={day.paceSettings}
        onSave={save}
      />
    </section>
  );
}
