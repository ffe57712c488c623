import type { DBSchema } from 'idb';
import type { BriefSettings } from '../shared/brief-settings.ts';
import type { Deal } from '../shared/deals.ts';
import type { Draft } from '../shared/drafts.ts';
import type { Contact, Favour, Outreach, PaceSettings, Quota, Settings, Template, ThankYou } from '../shared/model.ts';
import type { Tally } from '../shared/pace.ts';
import type { PlanFacts } from '../shared/plan/pipeline.ts';
import type { Queue, QueueState } from '../shared/queue.ts';
import type { Webmail } from '../shared/compose-url.ts';
import type { SiteCheckEntry, SiteCheckSite } from '../shared/site-check.ts';
import type { ArchiveSummary } from './archive-layout.ts';
import type { MergeRecord } from './merge-contacts.ts';

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
  /** Skip today, snooze and not-a-fit choices on the named queue's lines. */
  | { key: 'queueState'; value: QueueState }
  /** The named queue's top of each step, computed by the worker; the popup reads only this row. */
  | { key: 'queue'; value: Queue }
  /** The whole named queue, for the options page. */
  | { key: 'queueAll'; value: Queue }
  /** What the plan needs of the pipeline, computed by the worker with the queue (derived: not in backups). */
  | { key: 'planFacts'; value: PlanFacts }
  /** Where "Draft email" opens a compose window. */
  | { key: 'draftWebmail'; value: { webmail: Webmail } }
  /** The manager brief's choices: the pace the user says they can keep, the help they ask for. */
  | { key: 'brief'; value: BriefSettings }
  /** The site check: per site, what its reader last recognised (codes only; not in backups). */
  | { key: `siteCheck.${SiteCheckSite}`; value: SiteCheckEntry }
  /** Pairs of contacts the user said are not one person (`pairKey`), never suggested again. */
  | { key: 'notSamePerson'; value: { pairs: string[] } }
  /** The latest merges of two contacts into one, newest first: what moved, for the record and undo. */
  | { key: 'merges'; value: { merges: MergeRecord[] } };

export interface GapCloserSchema extends DBSchema {
  contacts: {
    key: string;
    value: Contact;
    indexes: { byLinkedinUrl: string; byEmail: string; byReferralOutreach: string; byOtherEmail: string };
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
   * Settled outreach in buckets (keys 0–255: a JSON array of records each), the log's copy of
   * each bucket without texts, by column (keys 2048–2303) and, under the key `summary`, what the
   * popup needs of them. See archive-layout.ts and log-rows.ts.
   */
  archive: { key: number | 'summary'; value: string | ArchiveSummary };
  templates: { key: string; value: Template };
  /** The pipeline (v5): deals imported from a CRM export or entered by hand. */
  deals: {
    key: string;
    value: Deal;
    indexes: { byState: string; byContact: string; byUpdatedAt: number; byWonAt: number };
  };
  settings: { key: SettingsRow['key']; value: SettingsRow };
  /** Copied or inserted, not sent yet (issue 15): by idempotency key, oldest first by `byCreatedAt`. */
  drafts: { key: string; value: Draft; indexes: { byCreatedAt: number } };
}

export type StoreName =
  'contacts' | 'outreach' | 'archive' | 'templates' | 'settings' | 'thanks' | 'favours' | 'deals' | 'drafts';
export const STORE_NAMES: readonly StoreName[] = [
  'contacts',
  'outreach',
  'archive',
  'templates',
  'settings',
  'thanks',
  'favours',
  'deals',
  'drafts',
];
