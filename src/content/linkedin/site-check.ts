import { siteCheckReporter } from '../site-check-report.ts';

/** Sends what the LinkedIn readers recognised to the site check (once per finding and page load). */
export const reportSiteCheck = siteCheckReporter('linkedin');
