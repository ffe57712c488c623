import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DaySnapshot } from '../../storage/day.ts';
import { Analytics } from './Analytics.tsx';
import { Contacts } from './Contacts.tsx';
import { loadBook, type Book } from './data.ts';
import { Data } from './Data.tsx';
import { Log } from './Log.tsx';
import { Retrospective } from './Retrospective.tsx';
import { Templates } from './Templates.tsx';
import './dashboard.css';

/** The dashboard's sections, in the order of the page's navigation. */
export const DASHBOARD_LINKS = [
  { href: '#log', label: 'Outreach log' },
  { href: '#contacts', label: 'Contacts' },
  { href: '#templates', label: 'Templates' },
  { href: '#analytics', label: 'Analytics' },
  { href: '#retrospective', label: 'Retrospective' },
  { href: '#data', label: 'Your data' },
] as const;

/** Log, contacts, templates, analytics, the printable brief and data tools, over one load of the book. */
export function Dashboard({ day, onChanged }: { day: DaySnapshot; onChanged: () => void }) {
  const [book, setBook] = useState<Book | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = useCallback(async () => {
    try {
      setBook(await loadBook());
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'Could not read your data.');
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (book && performance.getEntriesByName('gap-closer:dashboard-rendered').length === 0)
      requestAnimationFrame(() => performance.mark('gap-closer:dashboard-rendered'));
  }, [book]);
  const changed = () => {
    void reload();
    onChanged();
  };

  if (error) return <p role="alert">{error}</p>;
  if (!book) return <p aria-busy="true">Loading your outreach log…</p>;
  const currency = day.quota?.currency ?? 'USD';
  return (
    <>
      <Log book={book} currency={currency} onChanged={changed} />
      <Contacts book={book} currency={currency} onChanged={changed} />
      <Templates settings={day.settings} />
      <Analytics book={book} day={day} />
      <Retrospective book={book} day={day} />
      <Data onChanged={changed} />
    </>
  );
}
