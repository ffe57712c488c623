import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import type { DaySnapshot } from '../../storage/day.ts';
import { Analytics } from './Analytics.tsx';
import { Contacts } from './Contacts.tsx';
import { firstRowsPainted, takeEarlyLog } from '../early-reads.ts';
import { loadBook, type Book, type FirstPage } from './data.ts';
import { Data } from './Data.tsx';
import { Deals } from './Deals.tsx';
import { Log, LogPreview } from './Log.tsx';
import { Profile } from './Profile.tsx';
import { Retrospective } from './Retrospective.tsx';
import { Templates } from './Templates.tsx';
import './dashboard.css';

/** The dashboard's sections, in the order of the page's navigation. */
export function dashboardLinks(): { href: string; label: string }[] {
  return [
    { href: '#log', label: t('optionsNavLog') },
    { href: '#contacts', label: t('optionsNavContacts') },
    { href: '#deals', label: t('optionsNavDeals') },
    { href: '#templates', label: t('optionsNavTemplates') },
    { href: '#analytics', label: t('optionsNavAnalytics') },
    { href: '#retrospective', label: t('optionsNavRetrospective') },
    { href: '#data', label: t('optionsNavData') },
    { href: '#you', label: t('optionsNavYou') },
  ];
}

function markOnce(name: string, then?: () => void): void {
  if (performance.getEntriesByName(name).length === 0)
    requestAnimationFrame(() => {
      performance.mark(name);
      // After this frame is painted.
      if (then) setTimeout(then, 0);
    });
}

/**
 * Log, contacts, templates, analytics, the printable brief and data tools, over one load of the
 * book. The log shows the newest records and the total first; the rest (filters, analytics)
 * follows when every record is read.
 */
export function Dashboard({ day, onChanged }: { day: DaySnapshot; onChanged: () => void }) {
  const [first, setFirst] = useState<FirstPage | undefined>();
  const [book, setBook] = useState<Book | undefined>();
  const [error, setError] = useState<string | undefined>();
  const fail = (cause: unknown) => setError(cause instanceof Error ? cause.message : t('optionsReadError'));
  const reload = useCallback(async () => {
    try {
      setBook(await loadBook());
    } catch (cause) {
      fail(cause);
    }
  }, []);
  useEffect(() => {
    const pending = takeEarlyLog();
    if (!pending) {
      void reload();
      return;
    }
    pending.first.then(setFirst, fail);
    pending.book.then(setBook, fail);
  }, [reload]);
  // The other sections follow the log's first full render, so it is usable a frame earlier.
  const [rest, setRest] = useState(false);
  useEffect(() => {
    if (first || book) markOnce('gap-closer:dashboard-rendered', firstRowsPainted);
    if (!book) return;
    // Marked in the frame that paints the full log; the rest renders in the task after it.
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName('gap-closer:dashboard-complete').length === 0)
        performance.mark('gap-closer:dashboard-complete');
      setTimeout(() => setRest(true), 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [first, book]);
  const changed = () => {
    void reload();
    onChanged();
  };

  if (error) return <p role="alert">{error}</p>;
  const currency = day.quota?.currency ?? 'USD';
  if (!book)
    return first ? <LogPreview first={first} currency={currency} /> : <p aria-busy="true">{t('optionsLoadingLog')}</p>;
  return (
    <>
      <Log book={book} currency={currency} onChanged={changed} />
      {rest ? (
        <>
          <Contacts book={book} currency={currency} onChanged={changed} />
          <Deals book={book} day={day} onChanged={changed} />
          <Templates settings={day.settings} />
          <Analytics book={book} day={day} />
          <Retrospective book={book} day={day} />
          <Data onChanged={changed} />
          <Profile settings={day.settings} onSaved={onChanged} />
        </>
      ) : (
        <p aria-busy="true">{t('optionsLoadingRest')}</p>
      )}
    </>
  );
}
