import { EMPTY_BRIEF_SETTINGS, type BriefSettings } from '../shared/brief-settings.ts';
import { DEFAULT_PACE_SETTINGS, DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { Me, PaceSettings, Quota, Settings } from '../shared/model.ts';
import type { Db } from './db.ts';
import { abortQuietly } from './errors.ts';

export async function getSettings(db: Db): Promise<Settings> {
  const row = await db.get('settings', 'settings');
  const stored = row?.key === 'settings' ? row.value : undefined;
  // Missing fields (older records, first run) take their defaults; fields no longer used (the
  // in-page switch of old records, now in storage.local) are left behind and go at the next save.
  return {
    me: { ...DEFAULT_SETTINGS.me, ...stored?.me },
    conversion: { ...DEFAULT_SETTINGS.conversion, ...stored?.conversion },
  };
}

export async function saveSettings(db: Db, settings: Settings): Promise<void> {
  await db.put('settings', { key: 'settings', value: settings });
}

export async function getQuota(db: Db): Promise<Quota | undefined> {
  const row = await db.get('settings', 'quota');
  return row?.key === 'quota' ? row.value : undefined;
}

export async function saveQuota(db: Db, quota: Quota): Promise<void> {
  await db.put('settings', { key: 'quota', value: quota });
}

/** Pace and reminder settings; missing fields take their defaults. */
export async function getPaceSettings(db: Db): Promise<PaceSettings> {
  const row = await db.get('settings', 'pace');
  const stored = row?.key === 'pace' ? row.value : undefined;
  return {
    ...DEFAULT_PACE_SETTINGS,
    ...stored,
    stepCapacity: { ...DEFAULT_PACE_SETTINGS.stepCapacity, ...stored?.stepCapacity },
  };
}

export async function savePaceSettings(db: Db, pace: PaceSettings): Promise<void> {
  await db.put('settings', { key: 'pace', value: pace });
}

/** The manager brief's choices; none made yet: no pace of the user's own, no help chosen. */
export async function getBriefSettings(db: Db): Promise<BriefSettings> {
  const row = await db.get('settings', 'brief');
  return row?.key === 'brief' ? row.value : EMPTY_BRIEF_SETTINGS;
}

/** When the extension started (the reminders row is written on the worker's first start). */
export async function installedAt(db: Db): Promise<number | undefined> {
  const row = await db.get('settings', 'reminders');
  return row?.key === 'reminders' ? row.value.since : undefined;
}

/**
 * The user's own values typed into a draft's missing-value form (name, company, product, what a
 * good referral looks like), kept for next time; the rest of the settings row is left as it is.
 */
export async function rememberMe(db: Db, values: Partial<Pick<Me, 'name' | 'company' | 'product' | 'idealReferral'>>) {
  const kept = Object.fromEntries(Object.entries(values).filter(([, value]) => value?.trim()));
  if (Object.keys(kept).length === 0) return;
  const tx = db.transaction('settings', 'readwrite');
  try {
    const row = await tx.store.get('settings');
    const current = row?.key === 'settings' ? row.value : DEFAULT_SETTINGS;
    await tx.store.put({
      key: 'settings',
      value: { ...current, me: { ...DEFAULT_SETTINGS.me, ...current.me, ...kept } },
    });
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}
