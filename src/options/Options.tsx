import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadDay, type DaySnapshot } from '../storage/day.ts';
import { getDb } from '../storage/db.ts';
import { t } from '../i18n/t.ts';
import { Dashboard, dashboardLinks } from './dashboard/Dashboard.tsx';
import { takeEarlyDay } from './early-reads.ts';
import { FollowThrough } from './sections/FollowThrough.tsx';
import { Settings } from './sections/Settings.tsx';
import { SiteCheck } from './sections/SiteCheck.tsx';
import { WhoToAsk } from './sections/WhoToAsk.tsx';

/** The options page: one section per area (the dashboard grows here). */
export function Options() {
  const [day, setDay] = useState<DaySnapshot | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    const early = takeEarlyDay();
    try {
      setDay(await (early ?? getDb().then((db) => loadDay(db, new Date()))));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t('optionsReadError'));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const changed = useCallback(() => void reload(), [reload]);
  const loaded = day !== undefined;
  useEffect(() => {
    // Opened at an anchor (a notification opens #thank-yous): the section exists only now.
    if (loaded && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded]);

  if (error)
    return (
      <main>
        <p role="alert">{error}</p>
      </main>
    );
  if (!day) return <main aria-busy="true" />;
  return (
    <main>
      <h1>Gap Closer</h1>
      <nav aria-label={t('optionsNavLabel')}>
        <ul>
          <li>
            <a href="#who-to-ask">{t('queueOptionsTitle')}</a>
          </li>
          <li>
            <a href="#thank-yous">{t('optionsNavThankYous')}</a>
          </li>
          {dashboardLinks().map((link) => (
            <li key={link.href}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
          <li>
            <a href="#settings">{t('optionsNavSettings')}</a>
          </li>
          <li>
            <a href="#site-check">{t('optionsNavSiteCheck')}</a>
          </li>
        </ul>
      </nav>
      <WhoToAsk day={day} />
      <FollowThrough day={day} onChanged={changed} />
      <Dashboard day={day} onChanged={changed} />
      <Settings day={day} onSaved={reload} />
      <SiteCheck />
    </main>
  );
}
