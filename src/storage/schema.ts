import type { DBSchema } from 'idb';
import type { Contact, Favour, Outreach, PaceSettings, Quota, Settings, Template, ThankYou } from '../shared/model.ts';
import type { Tally } from '../shared/pace.ts';
import type { SiteCheckEntry, SiteCheckSite } from '../shared/site-check.ts';
import type { ArchiveSummary } from './archive-layout.ts';

export const DB_NAME = 'gap-closer';

/** Key-value rows of the `settings` store. */
export type SettingsRow =
  | { key: 'settings'; value: Settings }
  | { key: 'quota'; value: Quota }
  | { key: 'pace'; value: PaceSettings }
  /** Conversion history per kind, recounted from the indexes after the popup has rendered. */
  | { key: 'history'; value: { tally: Tally; countedAt: number } }
  /** When reminders were set up and the last one fired (for missed-alarm catch-up). */
  | { key: 'reminders'; value: { since: number; lastFiredAt?: number } }
  /** The site check: per site, what its reader last recognised (codes only; not in backups). */
  | { key: `siteCheck.${SiteCheckSite}`; value: SiteCheckEntry };

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
      byIdempotencyKey: string;
      byStatusFollowUp: [string, string];
      byKindOutcome: [string, string];
      byOutcomeOutcomeAt: [string, number];
    };
  };
  thanks: {
    key: string;
    value: ThankYou;
    indexes: { byStatusOwedSince: [string, number]; byContact: string; byOutreach: string };
  };
  favours: {
    key: string;
    value: Favour;
    indexes: { byContact: string };
  };
  /**
   * Settled outreach in buckets (keys 0–255: a JSON array of records each) and, under the key
   * `summary`, what the popup needs of them. See archive-layout.ts.
   */
  archive: { key: number | 'summary'; value: string | ArchiveSummary };
  templates: { key: string; value: Template };
  settings: { key: SettingsRow['key']; value: SettingsRow };
}

export type StoreName = 'contacts' | 'outreach' | 'archive' | 'templates' | 'settings' | 'thanks' | 'favours';
export const STORE_NAMES: readonly StoreName[] = [
  'contacts',
  'outreach',
  'archive',
  'templates',
  'settings',
  'thanks',
  'favours',
];
