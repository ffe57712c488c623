import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { Quota, Settings } from '../shared/model.ts';
import type { Db } from './db.ts';

export async function getSettings(db: Db): Promise<Settings> {
  const row = await db.get('settings', 'settings');
  const stored = row?.key === 'settings' ? row.value : undefined;
  // Missing fields (older records, first run) take their defaults.
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
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
