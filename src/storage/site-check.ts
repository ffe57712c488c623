import browser from 'webextension-polyfill';
import type { SiteCheckEntry, SiteCheckReport, SiteCheckSite, SiteChecks } from '../shared/site-check.ts';

/**
 * storage.local key of the site check: per site, the last report (codes only, see
 * shared/site-check.ts). It lives beside the in-page switch, outside the database: it is
 * diagnostics, not the user's data, so it is not in backups and needs no migration.
 */
export const SITE_CHECK_KEY = 'siteCheck';

/** Every site's last report. */
export async function readSiteChecks(): Promise<SiteChecks> {
  const stored = (await browser.storage.local.get(SITE_CHECK_KEY))[SITE_CHECK_KEY];
  return stored && typeof stored === 'object' ? (stored as SiteChecks) : {};
}

/** Keeps `report` as `site`'s last one (the worker calls this after validating the message). */
export async function saveSiteCheck(site: SiteCheckSite, report: SiteCheckReport, at: number): Promise<void> {
  const entry: SiteCheckEntry = {
    at,
    layout: report.layout,
    missing: [...report.missing],
    fallbacks: [...report.fallbacks],
  };
  const checks = await readSiteChecks();
  await browser.storage.local.set({ [SITE_CHECK_KEY]: { ...checks, [site]: entry } });
}
