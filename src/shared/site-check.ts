/**
 * The site check: what each content script's reader last recognised on its site, so the user
 * (and we) see the day a site changes its markup. Only codes from the lists below are kept —
 * never page text, names or addresses — and nothing leaves the browser.
 */

export const SITE_CHECK_SITES = ['linkedin', 'gmail', 'outlook'] as const;
export type SiteCheckSite = (typeof SITE_CHECK_SITES)[number];

/** Per site: the layouts a reader can recognise, the anchors it may miss, the fallbacks it may use. */
export const SITE_CHECK_CODES = {
  linkedin: {
    layouts: ['profile-2024', 'profile-2025', 'profile-2026', 'profile-unknown', 'group', 'group-unknown'],
    anchors: ['top card', 'name link', 'headline', 'action row', 'group heading'],
    fallbacks: ['title', 'floating', 'card buttons'],
  },
  gmail: {
    layouts: ['compose', 'compose-by-class'],
    anchors: ['toolbar'],
    fallbacks: ['below body'],
  },
  outlook: {
    layouts: ['compose'],
    anchors: ['subject row'],
    fallbacks: ['above body'],
  },
} as const;

type Codes = typeof SITE_CHECK_CODES;
export type SiteLayout<S extends SiteCheckSite> = Codes[S]['layouts'][number];
export type SiteAnchor<S extends SiteCheckSite> = Codes[S]['anchors'][number];
export type SiteFallback<S extends SiteCheckSite> = Codes[S]['fallbacks'][number];

/** What a reader reports after one look at the page. */
export interface SiteCheckReport<S extends SiteCheckSite = SiteCheckSite> {
  layout: SiteLayout<S>;
  missing: SiteAnchor<S>[];
  fallbacks: SiteFallback<S>[];
}

/** What is kept per site: the last report and when it was made. */
export interface SiteCheckEntry extends SiteCheckReport {
  at: number;
}

export type SiteChecks = Partial<Record<SiteCheckSite, SiteCheckEntry>>;

/** A report's identity, so one page load sends the same finding once. */
export function reportKey(report: SiteCheckReport): string {
  return `${report.layout}|${[...report.missing].sort().join(',')}|${[...report.fallbacks].sort().join(',')}`;
}

/** Whether a report says the reader had to fall back or missed something (the options page flags it). */
export function needsAttention(report: SiteCheckReport): boolean {
  return report.missing.length > 0 || report.fallbacks.length > 0 || report.layout.endsWith('unknown');
}
