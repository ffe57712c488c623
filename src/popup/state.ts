import { localDateOf, localDayBounds } from '../shared/dates.ts';
import type { LocalDate, Outreach, Quota, Settings } from '../shared/model.ts';
import { isAsk, quotaStatus, type QuotaStatus } from '../shared/quota.ts';
import type { Db } from '../storage/db.ts';
import { outreachBetween, wonBetween } from '../storage/outreach.ts';
import { getQuota, getSettings } from '../storage/settings.ts';

export interface PopupState {
  today: LocalDate;
  settings: Settings;
  quota: Quota | undefined;
  todaysOutreach: Outreach[];
  status: QuotaStatus | undefined;
}

/** Everything the popup shows, read through indexes: today's records and the period's wins. */
export async function loadPopupState(db: Db, now: Date): Promise<PopupState> {
  const today = localDateOf(now);
  const { start, end } = localDayBounds(today);
  const [settings, quota, todaysOutreach] = await Promise.all([
    getSettings(db),
    getQuota(db),
    outreachBetween(db, start, end),
  ]);
  let status: QuotaStatus | undefined;
  if (quota) {
    const period = { start: localDayBounds(quota.periodStart).start, end: localDayBounds(quota.periodEnd).end };
    const wonInPeriod = await wonBetween(db, period.start, period.end);
    status = quotaStatus({
      quota,
      wonInPeriod,
      today,
      asksMadeToday: todaysOutreach.filter((record) => isAsk(record.kind)).length,
      conversion: settings.conversion['referral-ask'],
    });
  }
  return { today, settings, quota, todaysOutreach, status };
}
