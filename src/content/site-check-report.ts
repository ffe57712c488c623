import { request } from '../messaging/client.ts';
import { reportKey, type SiteCheckReport, type SiteCheckSite } from '../shared/site-check.ts';

type SiteCheckMessage = `siteCheck.${SiteCheckSite}`;

/**
 * The site check's sender for one content script: a finding goes to the worker once per page
 * load (the same finding again sends nothing), after the page's current task, so it never
 * delays our buttons. Failures are dropped: the check is diagnostics, never in the user's way.
 */
export function siteCheckReporter<S extends SiteCheckSite>(site: S): (report: SiteCheckReport<S>) => void {
  const sent = new Set<string>();
  const type = `siteCheck.${site}` as SiteCheckMessage;
  return (report) => {
    const key = reportKey(report);
    if (sent.has(key)) return;
    sent.add(key);
    setTimeout(() => {
      request(type, report as never).catch(() => sent.delete(key));
    });
  };
}
