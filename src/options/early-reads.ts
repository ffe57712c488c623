import { loadDay, type DaySnapshot } from '../storage/day.ts';
import { getDb } from '../storage/db.ts';
import { loadBook, loadFirstPage, type Book, type FirstPage } from './dashboard/data.ts';

/**
 * What the options page reads before it can render, started as its script starts: the log's
 * first page and the day (the page shows nothing until it is read), then — once both are in, so
 * that neither waits behind its 16 MB — the whole book, decoded only when the first rows are on
 * screen (`firstRowsPainted`) or could not be read. Measured both ways (`npm run bench`): asking
 * for the book at once made the first rows 100 ms later and the full log no sooner. Each is
 * taken once: later reloads read afresh.
 */

let firstRowsPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => (firstRowsPainted = resolve));

let firstPage: Promise<FirstPage> | undefined = loadFirstPage();
let day: Promise<DaySnapshot> | undefined = getDb().then((db) => loadDay(db, new Date()));
let book: Promise<Book> | undefined = Promise.allSettled([firstPage, day]).then(() => loadBook(painted));

// A first page that cannot be read paints no rows: the book must not wait for them. A failed
// read is reported by whoever takes it; until then it must not count as unhandled.
firstPage.catch(firstRowsPainted);
book.catch(() => undefined);

export { firstRowsPainted };

export function takeEarlyDay(): Promise<DaySnapshot> | undefined {
  const taken = day;
  day = undefined;
  return taken;
}

export function takeEarlyLog(): { first: Promise<FirstPage>; book: Promise<Book> } | undefined {
  if (!firstPage || !book) return undefined;
  const taken = { first: firstPage, book };
  firstPage = undefined;
  book = undefined;
  return taken;
}
