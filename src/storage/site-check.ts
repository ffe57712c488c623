import type { SiteCheckEntry, SiteCheckReport, SiteCheckSite, SiteChecks } from '../shared/site-check.ts';
import type { Db } from './db.ts';

/**
 * The site check's row of the `settings` store: per site, the last report (codes only, see
 * shared/site-check.ts). A new key of a key-value store, so no schema migration; it is
 * diagnostics, not the user's data, so exports leave it out (backup.ts).
 */

/** Every site's last report. */
export async function readSiteChecks(db: Db): Promise<SiteChecks> {
  const row = await db.get('settings', 'siteCheck');
  return row?.key === 'siteCheck' ? row.value : {};
}

/** Keeps `report` as `site`'s last one (the worker calls this after validating the message). */
export async function saveSiteCheck(db: Db, site: SiteCheckSite, report: SiteCheckReport, at: number): Promise<void> {
  const entry: SiteCheckEntry = {
    at,
    layout: report.layout,
    missing: [...report.missing],
    fallbacks: [...report.fallbacks],
  };
  const tx = db.transaction('settings', 'readwrite');
  const row = await tx.store.get('siteCheck');
  const checks = row?.key === 'siteCheck' ? row.value : {};
  await tx.store.put({ key: 'siteCheck', value: { ...checks, [site]: entry } });
  await tx.done;
}
