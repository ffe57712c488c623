import {
  SITE_CHECK_SITES,
  type SiteCheckEntry,
  type SiteCheckReport,
  type SiteCheckSite,
  type SiteChecks,
} from '../shared/site-check.ts';
import type { Db } from './db.ts';

/**
 * The site check's rows of the `settings` store, one per site (`siteCheck.linkedin`, …): the
 * last report (codes only, see shared/site-check.ts). New keys of a key-value store, so no schema
 * migration; diagnostics, not the user's data, so exports leave them out (backup.ts). One row
 * per site makes each save a single put: two sites reporting at once cannot overwrite each other.
 */
export const siteCheckKey = (site: SiteCheckSite) => `siteCheck.${site}` as const;

/** Every site's last report. */
export async function readSiteChecks(db: Db): Promise<SiteChecks> {
  const checks: SiteChecks = {};
  for (const site of SITE_CHECK_SITES) {
    const row = await db.get('settings', siteCheckKey(site));
    if (row && row.key === siteCheckKey(site)) checks[site] = row.value as SiteCheckEntry;
  }
  return checks;
}

/** Keeps `report` as `site`'s last one (the worker calls this after validating the message). */
export async function saveSiteCheck(db: Db, site: SiteCheckSite, report: SiteCheckReport, at: number): Promise<void> {
  const value: SiteCheckEntry = {
    at,
    layout: report.layout,
    missing: [...report.missing],
    fallbacks: [...report.fallbacks],
  };
  const tx = db.transaction('settings', 'readwrite');
  // A put that throws (a full disk) aborts the transaction: its `done` is awaited either way.
  await Promise.all([Promise.resolve().then(() => tx.store.put({ key: siteCheckKey(site), value })), tx.done]);
}
