import { BUILTIN_TEMPLATES } from '../../src/shared/builtin-templates.ts';
import { periodContaining } from '../../src/shared/calendar.ts';
import { addDays, localDateOf } from '../../src/shared/dates.ts';
import { renderTemplate } from '../../src/shared/template.ts';
import { partitionOutreach } from '../../src/storage/archive-layout.ts';
import type {
  Contact,
  Outcome,
  Outreach,
  OutreachKind,
  Quota,
  Relationship,
  ThankYou,
} from '../../src/shared/model.ts';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness.ts';
import { openPopup } from './harness.ts';
import { stopServiceWorker } from './service-worker.ts';

/**
 * A realistic book of outreach for tests, the bench and the README screenshot: a year of asks
 * with outcomes, today's work, follow-ups due and thank-yous owed. Deterministic (seeded PRNG).
 */

export interface Dataset {
  quota: Quota;
  contacts: Contact[];
  outreach: Outreach[];
  thanks: ThankYou[];
}

const FIRST = [
  'Avery',
  'Jordan',
  'Priya',
  'Mateo',
  'Chen',
  'Fatima',
  'Lukas',
  'Amara',
  'Noah',
  'Sofia',
  'Kenji',
  'Zara',
];
const LAST = ['Lindqvist', 'Whitfield', 'Raman', 'Alvarez', 'Wei', 'Haddad', 'Becker', 'Okafor', 'Brennan', 'Rossi'];
const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics'];
const RELATIONSHIPS: Relationship[] = [
  'customer',
  'stalled-prospect',
  'coworker',
  'friend',
  'group-member',
  'community',
];
const KINDS: OutreachKind[] = ['referral-ask', 'referral-ask', 'upsell', 'stalled-revival', 'favour-ask', 'group-post'];
const OUTCOMES: Outcome[] = [
  'no-reply',
  'no-reply',
  'no-reply',
  'replied',
  'helped-referral',
  'helped-intro',
  'helped-advice',
  'meeting',
  'lost',
  'declined',
  'won',
];

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface DatasetOptions {
  now: Date;
  contacts: number;
  /** Outreach over the past year, besides today's and the open ones. */
  history: number;
  today?: number;
  due?: number;
  thanksOwed?: number;
  /**
   * 'short' (default): a one-line stub per record. 'templates': each record's text is the
   * built-in template of its kind and channel with the placeholders filled, the size of a real
   * sent message (≈350 characters), for the bench's export, import and log payloads.
   */
  texts?: 'short' | 'templates';
}

/** The built-in template body for a record, filled as the user's send would fill it. */
function templateText(kind: OutreachKind, channel: Outreach['channel'], contact: Contact): string {
  const template =
    BUILTIN_TEMPLATES.find((candidate) => candidate.kind === kind && candidate.channel === channel) ??
    BUILTIN_TEMPLATES.find((candidate) => candidate.kind === kind);
  if (!template) throw new Error(`No built-in template for ${kind}`);
  const { text, missing, unknown } = renderTemplate(template.body, {
    firstName: contact.firstName,
    fullName: contact.fullName,
    company: contact.company,
    myName: 'Robin Carter',
    myCompany: 'Brightpath Analytics',
    product: 'Brightpath Forecasting',
    groupName: 'Revenue Operations Leaders',
    // As draft-facts.ts words it when no impediment was recorded (the revival's one required fact).
    impedimentQuestion: 'What is holding the decision back?',
  });
  if (missing.length || unknown.length) throw new Error(`Template ${template.id} left ${[...missing, ...unknown]}`);
  return text;
}

export function makeDataset({
  now,
  contacts: contactCount,
  history,
  today = 6,
  due = 4,
  thanksOwed = 3,
  texts = 'short',
}: DatasetOptions): Dataset {
  const random = prng(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nowMs = now.getTime();
  const todayDate = localDateOf(now);
  const contacts: Contact[] = [];
  for (let i = 0; i < contactCount; i++) {
    const firstName = FIRST[i % FIRST.length] as string;
    const fullName = `${firstName} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    contacts.push({
      id: `c${i}`,
      fullName,
      firstName,
      company: pick(COMPANIES),
      relationship: pick(RELATIONSHIPS),
      linkedinUrl: `https://www.linkedin.com/in/person-${i}/`,
      createdAt: nowMs - 400 * 86_400_000,
      updatedAt: nowMs - 400 * 86_400_000,
    });
  }
  const outreach: Outreach[] = [];
  const thanks: ThankYou[] = [];
  const add = (i: number, createdAt: number, extra: Partial<Outreach>) => {
    const contact = contacts[i % contacts.length] as Contact;
    const kind = extra.kind ?? pick(KINDS);
    const channel = kind === 'group-post' ? 'linkedin-group' : 'linkedin-message';
    const record: Outreach = {
      id: `o${outreach.length}`,
      idempotencyKey: `seed-${outreach.length}`,
      contactId: contact.id,
      contactName: contact.fullName,
      kind,
      channel,
      text: texts === 'templates' ? templateText(kind, channel, contact) : `Hi ${contact.firstName}, …`,
      createdAt,
      status: 'awaiting',
      ...extra,
    };
    outreach.push(record);
    return record;
  };
  const period = periodContaining('quarter', todayDate);
  const periodStart = new Date(`${period.start}T00:00:00`).getTime();
  // A year of history, all answered (older than the follow-up window). Wins inside this quarter
  // are the three below, so "closed" is known: 95 000 + 35 000.
  for (let i = 0; i < history; i++) {
    const createdAt = nowMs - (8 + random() * 357) * 86_400_000;
    let outcome = pick(OUTCOMES);
    if (outcome === 'won' && createdAt + 2 * 86_400_000 >= periodStart) outcome = 'lost';
    add(i, createdAt, {
      followUpOn: localDateOf(new Date(createdAt + 4 * 86_400_000)),
      status: 'resolved',
      outcome,
      outcomeAt: createdAt + 2 * 86_400_000,
      ...(outcome === 'won' ? { wonAmount: 4_000 + Math.round(random() * 16) * 1_000 } : {}),
    });
  }
  for (const [i, amount] of [8_000, 12_000, 15_000].entries()) {
    add(40 + i, nowMs - (9 + i) * 86_400_000, {
      kind: 'referral-ask',
      status: 'resolved',
      outcome: 'won',
      wonAmount: amount,
      outcomeAt: Math.max(periodStart, nowMs - (3 + i) * 86_400_000),
    });
  }
  // Follow-ups due: sent a week ago, follow-up date passed, no outcome.
  for (let i = 0; i < due; i++) {
    add(7 + i * 3, nowMs - 7 * 86_400_000, { followUpOn: addDays(todayDate, -2 - i) });
  }
  // Thank-yous owed: help recorded yesterday.
  for (let i = 0; i < thanksOwed; i++) {
    const record = add(1 + i * 5, nowMs - 6 * 86_400_000, {
      kind: 'referral-ask',
      status: 'resolved',
      outcome: i === 0 ? 'helped-intro' : 'helped-referral',
      outcomeAt: nowMs - 86_400_000,
    });
    thanks.push({
      id: `thanks:${record.id}`,
      contactId: record.contactId ?? '',
      contactName: record.contactName,
      outreachId: record.id,
      outcome: record.outcome ?? 'helped-intro',
      status: 'owed',
      owedSince: nowMs - 86_400_000,
    });
  }
  // Today's outreach, earlier today (at most one an hour back, never before midnight).
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  for (let i = 0; i < today; i++) {
    const createdAt = Math.max(startOfDay, nowMs - (i + 1) * 600_000);
    add(20 + i * 2, createdAt, {
      kind: (['referral-ask', 'upsell', 'stalled-revival', 'favour-ask'] as const)[i % 4],
      followUpOn: addDays(todayDate, 5),
    });
  }
  const quota: Quota = {
    periodKind: 'quarter',
    periodStart: periodContaining('quarter', todayDate).start,
    periodEnd: periodContaining('quarter', todayDate).end,
    targetKind: 'amount',
    target: 240_000,
    currency: 'USD',
    closedBaseline: 95_000,
    averageDealSize: 12_000,
  };
  return { quota, contacts, outreach, thanks };
}

/** Writes a dataset into the extension's IndexedDB from an extension page, a few thousand puts per transaction. */
export async function seedDataset(
  browser: ExtensionBrowser,
  data: Dataset,
  options: { chunk?: number; recountHistory?: boolean } = {},
): Promise<void> {
  const chunk = options.chunk ?? 5_000;
  const page = await openPopup(browser);
  // The popup opens the database at the current version (running the migrations) first.
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') !== 'true');
  const batches: { store: string; rows: unknown[]; drop?: string }[] = [];
  for (const [store, rows] of [
    ['contacts', data.contacts],
    ['outreach', data.outreach],
    ['thanks', data.thanks],
  ] as const) {
    for (let i = 0; i < rows.length; i += chunk) batches.push({ store, rows: rows.slice(i, i + chunk) });
  }
  batches.push({ store: 'settings', rows: [{ key: 'quota', value: data.quota }] });
  // Like an import that invalidates the stored history counts (taken on the empty database): the
  // worker recounts them at the popup's next visit. Off by default, so the seeded database stays
  // exactly as written (export/restore tests compare it record by record).
  if (options.recountHistory) batches.push({ store: 'settings', rows: [], drop: 'history' });
  for (const batch of batches) {
    await page.evaluate(
      ({ store, rows, drop }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gap-closer');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(store, 'readwrite');
            for (const row of rows) tx.objectStore(store).put(row);
            if (drop) tx.objectStore(store).delete(drop);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      batch,
    );
  }
  await page.close();
}

/** Records in the archive so far (its summary row), read from an extension page. */
export function archivedSoFar(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('archive').objectStore('archive').get('summary');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { records?: number } | undefined)?.records ?? 0);
          };
        };
      }),
  );
}

/**
 * The state a seeded book reaches once the worker has done its start-up housekeeping: settled
 * outreach moved to the archive (src/storage/archive.ts). The worker is stopped and woken, as
 * the browser does, and the move is awaited.
 */
export async function archiveSeeded(
  browser: ExtensionBrowser,
  data: Dataset,
  /** Then drop the stored conversion counts: the next popup has them recounted from both stores. */
  options: { recountHistory?: boolean } = {},
): Promise<void> {
  const expected = partitionOutreach(data.outreach, Date.now()).archived.length;
  await stopServiceWorker(browser);
  const page = await openPopup(browser);
  try {
    const archived = () => archivedSoFar(page);
    const deadline = Date.now() + 180_000;
    while ((await archived()) !== expected) {
      if (Date.now() > deadline) throw new Error(`The worker archived ${await archived()} of ${expected} records`);
      await page.waitForTimeout(250);
    }
    if (options.recountHistory)
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('gap-closer');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('settings', 'readwrite');
              tx.objectStore('settings').delete('history');
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
  } finally {
    await page.close();
  }
}
