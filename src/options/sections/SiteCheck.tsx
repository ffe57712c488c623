import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { SITE_CHECK_SITES, needsAttention, type SiteCheckEntry, type SiteChecks } from '../../shared/site-check.ts';
import { getDb } from '../../storage/db.ts';
import { readSiteChecks } from '../../storage/site-check.ts';
import { formatDateTime } from '../i18n.ts';

const SITE_NAMES = { linkedin: 'LinkedIn', gmail: 'Gmail', outlook: 'Outlook' } as const;

/** Each code's words (literal keys, so the catalogue test sees every one). */
const LAYOUTS: Record<string, () => string> = {
  'linkedin:profile-2024': () => t('siteCheckLayout_linkedin_profile_2024'),
  'linkedin:profile-2025': () => t('siteCheckLayout_linkedin_profile_2025'),
  'linkedin:profile-2026': () => t('siteCheckLayout_linkedin_profile_2026'),
  'linkedin:profile-unknown': () => t('siteCheckLayout_linkedin_profile_unknown'),
  'linkedin:group': () => t('siteCheckLayout_linkedin_group'),
  'linkedin:group-unknown': () => t('siteCheckLayout_linkedin_group_unknown'),
  'gmail:compose': () => t('siteCheckLayout_gmail_compose'),
  'gmail:compose-by-class': () => t('siteCheckLayout_gmail_compose_by_class'),
  'outlook:compose': () => t('siteCheckLayout_outlook_compose'),
};
const ANCHORS: Record<string, () => string> = {
  'top card': () => t('siteCheckAnchor_top_card'),
  'name link': () => t('siteCheckAnchor_name_link'),
  headline: () => t('siteCheckAnchor_headline'),
  'action row': () => t('siteCheckAnchor_action_row'),
  'group heading': () => t('siteCheckAnchor_group_heading'),
  toolbar: () => t('siteCheckAnchor_toolbar'),
  'subject row': () => t('siteCheckAnchor_subject_row'),
};
const FALLBACKS: Record<string, () => string> = {
  title: () => t('siteCheckFallback_title'),
  floating: () => t('siteCheckFallback_floating'),
  'card buttons': () => t('siteCheckFallback_card_buttons'),
  'below body': () => t('siteCheckFallback_below_body'),
  'above body': () => t('siteCheckFallback_above_body'),
};
/** A code the table does not know (a newer version wrote it) is shown as it is. */
const wordsFor = (table: Record<string, () => string>, code: string) => table[code]?.() ?? code;

function Finding({ entry }: { entry: SiteCheckEntry }) {
  const missing = entry.missing.map((code) => wordsFor(ANCHORS, code));
  const fallbacks = entry.fallbacks.map((code) => wordsFor(FALLBACKS, code));
  if (!needsAttention(entry)) return <>{t('siteCheckAllFound')}</>;
  return (
    <>
      {missing.length > 0 && <span>{t('siteCheckMissing', missing.join(', '))} </span>}
      {fallbacks.length > 0 && <span>{t('siteCheckFallbacks', fallbacks.join(', '))}</span>}
    </>
  );
}

/**
 * The site check: per site, when our script last read it, which layout it recognised and what
 * it had to fall back on, so the day a site changes its markup shows here. The worker keeps the
 * content scripts' validated reports in the database's settings store.
 */
export function SiteCheck() {
  const [checks, setChecks] = useState<SiteChecks | undefined>();
  useEffect(() => {
    getDb()
      .then(readSiteChecks)
      .then(setChecks)
      .catch(() => setChecks({}));
  }, []);
  return (
    <section aria-labelledby="site-check-title" id="site-check">
      <h2 id="site-check-title">{t('siteCheckTitle')}</h2>
      <p class="hint">{t('siteCheckIntro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('siteCheckSite')}</th>
            <th scope="col">{t('siteCheckLastVisit')}</th>
            <th scope="col">{t('siteCheckLayout')}</th>
            <th scope="col">{t('siteCheckResult')}</th>
          </tr>
        </thead>
        <tbody>
          {SITE_CHECK_SITES.map((site) => {
            const entry = checks?.[site];
            return (
              <tr key={site}>
                <th scope="row">{SITE_NAMES[site]}</th>
                {entry ? (
                  <>
                    <td>{formatDateTime(entry.at)}</td>
                    <td>{wordsFor(LAYOUTS, `${site}:${entry.layout}`)}</td>
                    <td>
                      <Finding entry={entry} />
                    </td>
                  </>
                ) : (
                  <td colSpan={3}>{t('siteCheckNotVisited')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
