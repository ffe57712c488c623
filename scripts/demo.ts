// `npm run demo`: Chromium with the built extension in a throwaway profile of its own (never the
// user's), a fictional sample book — a quarter of outreach, contacts, a pipeline with stalled
// deals — and a sample LinkedIn profile and Gmail compose served at their real URLs, the way the
// browser tests serve pages. A newcomer sees the named queue, the in-page buttons and the
// dashboard at once. Nothing is sent anywhere: LinkedIn, Gmail and Outlook URLs are answered
// from sample pages in this browser. Close the window to end the demo; the profile is deleted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { DEFAULT_CONVERSION } from '../src/shared/defaults.ts';
import type { Contact } from '../src/shared/model.ts';
import { makeDataset } from '../test/browser/dataset.ts';
import { makeDeals } from '../test/browser/deals-dataset.ts';
import { DIST, fixture, launchOptions } from '../test/browser/harness.ts';

const DAY = 86_400_000;
/** The sample profile's own URL (a saved LinkedIn page of a fictional member, Jordan Whitfield). */
export const SAMPLE_PROFILE = 'https://www.linkedin.com/in/member-1c94d076fa/';
/** Gmail with a "New Message" to Jordan open (a hand-made page of the current compose dialog). */
export const SAMPLE_GMAIL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

export interface Demo {
  context: BrowserContext;
  extensionId: string;
  popup: Page;
  /** The demo's own browser profile: a new temporary folder, deleted by `close`. */
  profileDir: string;
  close: () => Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The sample book: fictional people, the last quarter of outreach, a pipeline with stalled deals. */
export function sampleBook(now: Date) {
  const data = makeDataset({ now, contacts: 150, history: 500, today: 3, due: 4, thanksOwed: 2 });
  // Jordan, the person on the sample profile and in the sample compose, is a customer of yours.
  const jordan = data.contacts.find((contact) => contact.fullName === 'Jordan Whitfield') as Contact;
  Object.assign(jordan, {
    relationship: 'customer',
    company: 'Morgan Mbeki',
    email: 'jordan.whitfield@morgan-mbeki.example',
    linkedinUrl: SAMPLE_PROFILE,
  });
  // A gap that takes all three steps today: customers, stalled deals and networks each named.
  data.quota.target = 500_000;
  // A quarter of outreach (and everything still open or owed, which is recent anyway).
  const since = now.getTime() - 92 * DAY;
  const outreach = data.outreach.filter((record) => record.createdAt >= since);
  // A few people have an email address, so "Draft email" shows.
  for (const contact of data.contacts.slice(0, 40))
    contact.email ??= `${contact.fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
  return {
    contacts: data.contacts,
    outreach,
    thanks: data.thanks,
    deals: makeDeals(data.contacts, 60, now),
    settings: [
      { key: 'quota', value: data.quota },
      {
        key: 'settings',
        value: {
          me: { name: 'Sam Seller', company: 'Acme Analytics', product: 'Acme Forecasting', signature: 'Sam' },
          conversion: DEFAULT_CONVERSION,
        },
      },
    ],
  };
}

/** A page for a sample URL that has no saved page: what it is, and the values it was opened with. */
function samplePage(title: string, heading: string, url: URL, fields: [string, string][]): string {
  const rows = fields
    .map(
      ([label, key]) =>
        `<dt>${escapeHtml(label)}</dt><dd><pre>${escapeHtml(url.searchParams.get(key) ?? '')}</pre></dd>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font: 15px system-ui; margin: 2em; max-width: 50em">
<p style="background:#fff3cd;padding:.5em">Gap Closer demo: a sample page served in this browser at the real URL. Nothing was sent.</p>
<h1>${escapeHtml(heading)}</h1><dl>${rows}</dl></body></html>`;
}

/** Answers LinkedIn, Gmail and Outlook URLs from sample pages, so the demo never reaches them. */
async function serveSamples(context: BrowserContext, people: readonly Contact[]): Promise<void> {
  const html = (route: Route, body: string) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  const profile = fixture('linkedin/profile-2024-07-full.html');
  const compose = fixture('hand-made/gmail/compose-chips.html');
  await context.route(/^https:\/\/([a-z]+\.)?linkedin\.com\//, (route) => {
    const url = new URL(route.request().url());
    if (url.href.startsWith(SAMPLE_PROFILE)) return html(route, profile);
    const person = people.find((candidate) => candidate.linkedinUrl && url.href.startsWith(candidate.linkedinUrl));
    // Any other profile: a page that only names the person in its title (a layout the extension
    // does not know, so its buttons float at the corner).
    const name = person?.fullName ?? url.searchParams.get('keywords') ?? 'LinkedIn member';
    return html(
      route,
      `<!doctype html><html lang="en"><head><title>${escapeHtml(name)} | LinkedIn</title></head><body style="font: 15px system-ui; margin: 2em"><p style="background:#fff3cd;padding:.5em">Gap Closer demo: a sample profile page.</p><h2>${escapeHtml(name)}</h2><p>${escapeHtml(person?.company ?? '')}</p></body></html>`,
    );
  });
  await context.route('https://mail.google.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get('view') === 'cm')
      return html(
        route,
        samplePage('Compose - Gmail', 'Gmail compose, filled by "Draft email"', url, [
          ['To', 'to'],
          ['Subject', 'su'],
          ['Body', 'body'],
        ]),
      );
    return html(route, compose);
  });
  await context.route(/^https:\/\/outlook\.(office|live|office365)\.com\//, (route) =>
    html(
      route,
      samplePage('Outlook', 'Outlook compose, filled by "Draft email"', new URL(route.request().url()), [
        ['To', 'to'],
        ['Subject', 'subject'],
        ['Body', 'body'],
      ]),
    ),
  );
}

/** Writes the sample book into the extension's database from an extension page, then has the worker compute the queue. */
async function seed(page: Page, book: ReturnType<typeof sampleBook>): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') !== 'true');
  await page.evaluate(
    (stores) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // The deals go in when this build has their store.
          const names = Object.keys(stores).filter((name) => db.objectStoreNames.contains(name));
          const tx = db.transaction(names, 'readwrite');
          for (const name of names) for (const row of stores[name] ?? []) tx.objectStore(name).put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    book as unknown as Record<string, unknown[]>,
  );
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
    ).chrome.runtime.sendMessage({ type: 'reminders.refresh', payload: {} }),
  );
}

export async function startDemo(options: { headless?: boolean } = {}): Promise<Demo> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'gap-closer-demo-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    ...launchOptions([DIST]),
    headless: options.headless ?? false,
    viewport: null,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const book = sampleBook(new Date());
  await serveSamples(context, book.contacts);
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    action: { default_popup: string };
  };
  const page = (pagePath: string) => `chrome-extension://${extensionId}/${pagePath}`;

  const first = context.pages()[0] ?? (await context.newPage());
  await first.goto(page(manifest.action.default_popup));
  await seed(first, book);
  // The dashboard, the sample profile and the sample compose; the popup (in a tab) in front.
  const dashboard = await context.newPage();
  await dashboard.goto(page('src/options/index.html'));
  const linkedin = await context.newPage();
  await linkedin.goto(SAMPLE_PROFILE);
  const gmail = await context.newPage();
  await gmail.goto(SAMPLE_GMAIL);
  await first.reload();
  await first.bringToFront();
  return {
    context,
    extensionId,
    popup: first,
    profileDir,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

// Run as a script (not imported by a test): start, explain, and clean up when the window closes.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const demo = await startDemo({ headless: process.env.GAP_CLOSER_DEMO_HEADLESS === '1' });
  console.log(`Gap Closer demo is open (a temporary browser profile; your own browser is untouched).
  Tabs: the popup with today's named queue · the dashboard · a sample LinkedIn profile (Jordan
  Whitfield, a customer in the sample book: see the in-page buttons) · a sample Gmail compose to
  Jordan (see "Insert template"). LinkedIn, Gmail and Outlook pages are sample pages served at their
  real URLs; nothing is sent. Close the browser window to end the demo.`);
  const done = new Promise<void>((resolve) => demo.context.on('close', () => resolve()));
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await done;
  await demo.close();
}
