import type { DBSchema } from 'idb';
import type { Contact, Outreach, Quota, Settings, Template } from '../shared/model.ts';

export const DB_NAME = 'gap-closer';

/** Key-value rows of the `settings` store. */
export type SettingsRow = { key: 'settings'; value: Settings } | { key: 'quota'; value: Quota };

export interface GapCloserSchema extends DBSchema {
  contacts: {
    key: string;
    value: Contact;
    indexes: { byLinkedinUrl: string; byEmail: string };
  };
  outreach: {
    key: string;
    value: Outreach;
    indexes: {
      byCreatedAt: number;
      byContact: string;
      byStatus: string;
      byIdempotencyKey: string;
      byStatusFollowUp: [string, string];
      byOutcomeAt: number;
    };
  };
  templates: { key: string; value: Template };
  settings: { key: SettingsRow['key']; value: SettingsRow };
}

export type StoreName = 'contacts' | 'outreach' | 'templates' | 'settings';
export const STORE_NAMES: readonly StoreName[] = ['contacts', 'outreach', 'templates', 'settings'];
