import type { PaceSettings, Quota, Settings as UserSettings } from '../../shared/model.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { notifyWorker } from '../../messaging/client.ts';
import { saveSettingsRows } from '../../storage/page-writes.ts';
import { QuotaSettingsForm } from '../../ui/QuotaSettingsForm.tsx';

export function Settings({ day, onSaved }: { day: DaySnapshot; onSaved: () => Promise<void> }) {
  async function save(quota: Quota, settings: UserSettings, pace: PaceSettings) {
    await saveSettingsRows({ quota, settings, pace });
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
