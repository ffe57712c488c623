import type { PaceSettings, Quota, Settings as UserSettings } from '../../shared/model.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { getDb } from '../../storage/db.ts';
import { savePaceSettings, saveQuota, saveSettings } from '../../storage/settings.ts';
import { notifyWorker } from '../../ui/data.ts';
import { QuotaSettingsForm } from '../../ui/QuotaSettingsForm.tsx';

export function Settings({ day, onSaved }: { day: DaySnapshot; onSaved: () => Promise<void> }) {
  async function save(quota: Quota, settings: UserSettings, pace: PaceSettings) {
    const db = await getDb();
    await Promise.all([saveQuota(db, quota), saveSettings(db, settings), savePaceSettings(db, pace)]);
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
