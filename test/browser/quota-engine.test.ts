import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../src/shared/dates.ts';
import { DEFAULT_CONVERSION, DEFAULT_PACE_SETTINGS } from '../../src/shared/defaults.ts';
import type { Outreach, OutreachKind, Quota } from '../../src/shared/model.ts';
import { computePace, tallyOutcomes } from '../../src/shared/pace.ts';
import { salesCycleOf } from '../../src/shared/plan/timing.ts';
import { nextReminderAt } from '../../src/shared/reminders.ts';
import { archiveSeeded, makeDataset, seedDataset, type Dataset } from './dataset.ts';
import { extensionPage, launchExtension, openPopup, readStore, type ExtensionBrowser } from './harness.ts';
import { serviceWorkerRunning, stopServiceWorker, wakeServiceWorker } from './service-worker.ts';

interface Chrome {
  alarms: {
    getAll: () => Promise<{ name: string; scheduledTime: number }[]>;
    clearAll: () => Promise<boolean>;
    create: (name: string, info: { when: number }) => Promise<void>;
  };
  notifications: { getAll: () => Promise<Record<string, boolean>>; clear: (id: string) => Promise<boolean> };
  action: { getBadgeText: (details: object) => Promise<string> };
}
declare const chrome: Chrome;

let browser: ExtensionBrowser;
let data: Dataset;
const seededAt = new Date();

function worker(): Worker {
  return browser.worker;
}

const alarms = () => worker().evaluate(() => chrome.alarms.getAll());
const notifications = () => worker().evaluate(() => chrome.notifications.getAll());
const badge = () => worker().evaluate(() => chrome.action.getBadgeText({}));

/** What the seeded book won inside the quota's period, from the records themselves. */
function wonInPeriod(outreach: readonly Outreach[], quota: Quota): { amount: number; deals: number } {
  const start = new Date(`${quota.periodStart}T00:00:00`).getTime();
  const end = new Date(`${addDays(quota.periodEnd, 1)}T00:00:00`).getTime();
  const wins = outreach.filter(
    (record) => record.outcome === 'won' && (record.outcomeAt ?? 0) >= start && (record.outcomeAt ?? 0) < end,
  );
  return { amount: wins.reduce((sum, record) => sum + (record.wonAmount ?? 0), 0), deals: wins.length };
}

/** The pace the popup should show, from the same pure function over the seeded data. */
function expectedPace(extraToday: Partial<Record<OutreachKind, number>> = {}) {
  const today = localDateOf(new Date());
  const { start } = { start: new Date(new Date().setHours(0, 0, 0, 0)).getTime() };
  const asksToday: Partial<Record<OutreachKind, number>> = { ...extraToday };
  for (const record of data.outreach)
    if (record.createdAt >= start) asksToday[record.kind] = (asksToday[record.kind] ?? 0) + 1;
  return computePace({
    quota: data.quota,
    today,
    wonInPeriod: wonInPeriod(data.outreach, data.quota),
    asksToday,
    assumptions: DEFAULT_CONVERSION,
    history: tallyOutcomes(data.outreach),
    open: data.outreach
      .filter((record) => record.status === 'awaiting')
      .map((record) => ({ ...record, sentOn: localDateOf(new Date(record.createdAt)) })),
    stepCapacity: DEFAULT_PACE_SETTINGS.stepCapacity,
    realisticAsksPerDay: DEFAULT_PACE_SETTINGS.realisticAsksPerDay,
    // The popup's timing: no sales cycle set and no deals in this data set, so the default cycle.
    timing: { cycle: salesCycleOf(undefined, []) },
  });
}

async function writeRow(store: string, row: unknown): Promise<void> {
  const page = await openPopup(browser);
  await page.evaluate(
    ({ store: name, row: value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gap-closer');
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          tx.objectStore(name).put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { store, row },
  );
  await page.close();
}

/**
 * Sets the target so that the gap, as the popup reads it, is `perDay` for each working day left:
 * the same size of plan on whatever date the suite runs (a mid-quarter day and the quarter's last
 * day differ twentyfold otherwise).
 */
async function setGapPerWorkingDay(perDay: number): Promise<void> {
  const popup = await popupWithData();
  const daysLeft = Number(await popup.getByTestId('days-left').textContent());
  const gap = Number((await popup.getByTestId('gap').textContent())?.replace(/[^\d]/g, ''));
  const { target } = (await readStore<{ key: string; value: Quota }>(browser, 'settings')).find(
    (row) => row.key === 'quota',
  )?.value ?? { target: NaN };
  await popup.close();
  expect(daysLeft).toBeGreaterThan(0);
  await writeRow('settings', { key: 'quota', value: { ...data.quota, target: target - gap + daysLeft * perDay } });
}

/** Asks left today in the popup's plan: each step's "N asks sent — the plan was M", never below zero. */
async function asksLeftInPlan(popup: Page): Promise<number> {
  const steps = await popup.locator('[data-testid^="step-"] .who').allTextContents();
  expect(steps).toHaveLength(3);
  return steps.reduce((sum, text) => {
    const [, made, planned] = /(\d+) asks? sent — the plan was (\d+)$/.exec(text) ?? [];
    expect(planned, text).toBeDefined();
    return sum + Math.max(0, Number(planned) - Number(made));
  }, 0);
}

async function popupWithData(): Promise<Page> {
  const popup = await openPopup(browser);
  await popup.getByRole('heading', { name: 'Quota gap' }).waitFor();
  return popup;
}

beforeAll(async () => {
  browser = await launchExtension();
  data = makeDataset({ now: seededAt, contacts: 60, history: 400, today: 6, due: 4, thanksOwed: 3 });
  await seedDataset(browser, data);
  // As on any day after the first: the worker has archived the settled records (storage v4), and
  // every figure below is read from the indexes and the archive's summary together.
  await archiveSeeded(browser, data, { recountHistory: true });
});

afterAll(async () => {
  await browser?.close();
});

describe('quota-gap engine and follow-through in the real extension', () => {
  it('shows the gap, today’s plan by playbook step, today’s outreach, follow-ups due and thank-yous owed', async () => {
    const popup = await popupWithData();
    const pace = expectedPace();
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$110,000');
    await expect(popup.getByRole('progressbar', { name: '54% of target closed' }).count()).resolves.toBe(1);
    await expect(popup.getByTestId('days-left').textContent()).resolves.toBe(String(pace.workingDaysLeft));
    // The history is recounted after the first paint; the plan then uses the user's own outcomes.
    await expect
      .poll(() => popup.getByTestId('asks-today').textContent())
      .toBe(
        pace.asksPlannedToday === null ? '6 asks sent today' : `6 asks sent — the plan was ${pace.asksPlannedToday}`,
      );
    if (pace.steps) {
      // Near the deadline the stalled step comes first: find the customers' step by name.
      const customers = pace.steps.find((step) => step.step === 'customers');
      await expect(popup.getByTestId('step-customers').locator('.who').textContent()).resolves.toBe(
        `Customers: ${customers?.made} ${customers?.made === 1 ? 'ask' : 'asks'} sent — the plan was ${customers?.planned}`,
      );
    }
    await expect(popup.getByRole('list', { name: "Today's outreach" }).getByRole('listitem').count()).resolves.toBe(6);
    await expect(popup.getByRole('list', { name: 'Follow-ups due' }).getByRole('listitem').count()).resolves.toBe(4);
    await expect(popup.getByRole('list', { name: 'Thank-yous owed' }).getByRole('listitem').count()).resolves.toBe(3);
    await expect(popup.getByTestId('coverage').textContent()).resolves.toMatch(/^Pipeline coverage \d+(\.\d)?%/);
    await popup.close();
  });

  it('records outcomes: help owes a thank-you, a win raises closed, the follow-up is no longer due', async () => {
    const popup = await popupWithData();
    const due = popup.getByRole('list', { name: 'Follow-ups due' });
    const first = data.outreach.find(
      (record) => record.status === 'awaiting' && record.followUpOn && record.followUpOn < localDateOf(new Date()),
    );
    const name = first?.contactName ?? '';
    await due.getByRole('button', { name: `Record outcome for ${name}` }).click();
    await popup.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Won' });
    await popup.getByRole('button', { name: 'Save outcome' }).click();
    await popup.getByText('Enter the amount won, e.g. 12,000.').waitFor();
    await popup.getByLabel('Won amount').fill('10,000');
    await popup.getByRole('button', { name: 'Save outcome' }).click();
    await expect.poll(() => popup.getByTestId('gap').textContent()).toBe('$100,000');
    await expect(due.getByRole('listitem').count()).resolves.toBe(3);
    // A win is help too: that person is now owed a thank-you.
    const owed = popup.getByRole('list', { name: 'Thank-yous owed' });
    await owed.getByRole('button', { name: `Mark ${name} thanked` }).waitFor();
    await expect(owed.getByRole('listitem').count()).resolves.toBe(4);

    // Draft, then mark thanked: the thank-you is logged and the person leaves the list.
    await popup.getByRole('button', { name: `Draft thank-you to ${name}` }).click();
    const note = popup.getByRole('textbox', { name: 'Thank-you note' });
    await expect(note.inputValue()).resolves.toMatch(new RegExp(`^Hi ${name.split(' ')[0]},`));
    await popup.getByRole('button', { name: `Mark ${name} thanked` }).click();
    await expect.poll(() => owed.getByRole('listitem').count()).toBe(3);
    const thanks = await readStore<{ contactName: string; status: string }>(browser, 'thanks');
    expect(thanks.filter((thank) => thank.contactName === name).map((thank) => thank.status)).toEqual(['thanked']);
    const outreach = await readStore<{ kind: string; contactName: string; outcome?: string; wonAmount?: number }>(
      browser,
      'outreach',
    );
    expect(outreach.filter((r) => r.kind === 'thank-you' && r.contactName === name)).toHaveLength(1);
    expect(outreach.find((r) => r.contactName === name && r.outcome === 'won' && r.wonAmount === 10_000)).toBeDefined();

    // Copying a note is giving the thanks: logged at once, with an undo that owes it again.
    const other = (await owed.getByRole('listitem').first().locator('.who').textContent()) ?? '';
    await popup.getByRole('button', { name: `Draft thank-you to ${other}` }).click();
    await popup.getByRole('button', { name: 'Copy note' }).click();
    await popup
      .getByRole('status')
      .filter({ hasText: `Copied. ${other} is marked as thanked.` })
      .waitFor();
    await expect.poll(() => owed.getByRole('listitem').count()).toBe(2);
    const thankYousTo = async (person: string) =>
      (await readStore<{ kind: string; contactName: string }>(browser, 'outreach')).filter(
        (r) => r.kind === 'thank-you' && r.contactName === person,
      ).length;
    const before = await thankYousTo(other);
    expect(before).toBeGreaterThan(0);
    await popup.getByRole('button', { name: `Undo: ${other} not thanked yet` }).click();
    await expect.poll(() => owed.getByRole('listitem').count()).toBe(3);
    await owed.getByRole('button', { name: `Mark ${other} thanked` }).waitFor();
    expect(await thankYousTo(other)).toBe(before - 1);
    await popup.close();
  });

  it('creates the daily reminder alarm at the reminder hour and the midnight badge alarm', async () => {
    const list = await alarms();
    const reminder = list.find((alarm) => alarm.name === 'gap-closer:reminder');
    expect(reminder?.scheduledTime).toBe(nextReminderAt(Date.now(), 9));
    const midnight = list.find((alarm) => alarm.name === 'gap-closer:badge');
    expect(new Date((midnight?.scheduledTime ?? 0) - 1_000).getHours()).toBe(0);
  });

  it('shows thank-yous owed on the badge when they are due', async () => {
    // Three thank-yous owed since yesterday are due: they win over the asks left today.
    await expect.poll(badge).toBe('3');
  });

  it('notifies when the reminder alarm fires', async () => {
    await worker().evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
      await chrome.alarms.create('gap-closer:reminder', { when: Date.now() + 200 });
    });
    await expect.poll(notifications, { timeout: 10_000 }).toEqual({ 'gap-closer:reminder': true });
    // The alarm is scheduled again for the next reminder hour.
    await expect
      .poll(async () => (await alarms()).find((alarm) => alarm.name === 'gap-closer:reminder')?.scheduledTime)
      .toBe(nextReminderAt(Date.now(), 9));
  });

  it('after the worker is stopped and woken: alarms re-created, the missed reminder fired once, badge and counts right', async () => {
    await worker().evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
      await chrome.alarms.clearAll();
      (globalThis as { marker?: string }).marker = 'before the stop';
    });
    // The last reminder fired two days ago: today's (or yesterday's) was missed.
    const twoDaysAgo = Date.now() - 2 * 86_400_000;
    await writeRow('settings', { key: 'reminders', value: { since: twoDaysAgo - 1_000, lastFiredAt: twoDaysAgo } });
    await stopServiceWorker(browser);
    await expect(serviceWorkerRunning(browser)).resolves.toBe(false);

    const { reply } = await wakeServiceWorker(browser);
    expect(reply).toEqual({ ok: true, data: { badge: '3' } });
    // A new worker: nothing of the old one's memory is left.
    await expect(worker().evaluate(() => (globalThis as { marker?: string }).marker ?? 'fresh')).resolves.toBe('fresh');
    await expect.poll(notifications).toEqual({ 'gap-closer:reminder': true });
    expect((await alarms()).map((alarm) => alarm.name).sort()).toEqual(['gap-closer:badge', 'gap-closer:reminder']);
    await expect.poll(badge).toBe('3');

    // Once: stopping and waking again does not repeat it.
    await worker().evaluate(async () => {
      await chrome.notifications.clear('gap-closer:reminder');
    });
    await stopServiceWorker(browser);
    await wakeServiceWorker(browser);
    await expect(badge()).resolves.toBe('3');
    await expect(notifications()).resolves.toEqual({});

    // The popup still shows the same counts.
    const popup = await popupWithData();
    await expect(popup.getByRole('list', { name: 'Thank-yous owed' }).getByRole('listitem').count()).resolves.toBe(3);
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe('$100,000');
    await popup.close();
  });

  it('shows asks left today on the badge once the thank-yous are given', async () => {
    // Some asks are left today (a few dozen, so the badge shows the number rather than 99+) once
    // the thank-yous stop taking the badge.
    await setGapPerWorkingDay(30_000);
    const popup = await popupWithData();
    const owed = popup.getByRole('list', { name: 'Thank-yous owed' });
    for (let left = 3; left > 0; left--) {
      await owed
        .getByRole('button', { name: /^Mark .* thanked$/ })
        .first()
        .click();
      await expect.poll(() => owed.getByRole('listitem').count()).toBe(left - 1);
    }
    await popup.getByText('Nobody is waiting for a thank-you.').waitFor();
    await popup.close();
    // The badge says what the popup's plan says is left, step by step, as the user reads it.
    const plan = await popupWithData();
    const left = await asksLeftInPlan(plan);
    await plan.close();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(100);
    await expect.poll(badge).toBe(left > 99 ? '99+' : String(left));
    await writeRow('settings', { key: 'quota', value: data.quota });
  });

  it('opens the list of thank-yous and follow-ups in the options page, and saves settings there', async () => {
    const page = await browser.context.newPage();
    await page.goto(extensionPage(browser, 'src/options/index.html#thank-yous'));
    await page.getByRole('heading', { name: 'Thank-yous owed' }).waitFor();
    await expect(page.getByRole('list', { name: 'Follow-ups due' }).getByRole('listitem').count()).resolves.toBe(3);
    await page.getByLabel('Reminder hour').fill('25');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Pick an hour from 0 to 23.').waitFor();
    await page.getByLabel('Reminder hour').fill('7');
    await page.getByLabel('Realistic asks a day').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    // The worker moved the reminder to 7:00.
    await expect
      .poll(async () => (await alarms()).find((alarm) => alarm.name === 'gap-closer:reminder')?.scheduledTime)
      .toBe(nextReminderAt(Date.now(), 7));
    await page.close();
    // Three asks a day is not enough for $30,000 a day: the popup says so plainly and points to
    // the manager brief.
    await setGapPerWorkingDay(30_000);
    const popup = await popupWithData();
    const warning = popup.getByRole('alert');
    await expect(warning.textContent()).resolves.toMatch(/beyond a realistic 3\. .*bring the numbers to your manager/);
    await expect(warning.getByRole('link', { name: 'Open the manager brief' }).getAttribute('href')).resolves.toBe(
      '/src/options/index.html#manager-brief',
    );
    await popup.close();
    const brief = await browser.context.newPage();
    await brief.goto(extensionPage(browser, 'src/options/index.html#manager-brief'));
    // The brief's pace part: the asks a day the gap needs, against the pace the user can keep —
    // read from their log, never the realistic-pace setting (that only sets the popup's warning).
    const pace = brief.getByTestId('brief-pace');
    await pace.getByRole('heading', { name: 'Needed pace and a pace I can keep' }).waitFor();
    const needed = (await pace.getByText(/^Closing the gap needs about /).textContent()) ?? '';
    expect(needed).toMatch(/^Closing the gap needs about (\d+) asks a working day at my own conversion/);
    const neededPerDay = Number(/about (\d+) asks/.exec(needed)?.[1]);
    expect(neededPerDay).toBeGreaterThan(3);
    await expect(pace.getByText(/realistic/).count()).resolves.toBe(0);
    const keepable =
      (await pace.getByText(/^(A pace I can keep up: |No pace I can keep up is known yet)/).textContent()) ?? '';
    const keptPerDay = /^A pace I can keep up: ([\d.]+) asks? a working day, the median of the \d+ working days/.exec(
      keepable,
    )?.[1];
    if (keptPerDay === undefined) expect(keepable).toMatch(/^No pace I can keep up is known yet/);
    else if (Number(keptPerDay) < neededPerDay)
      await expect(
        pace.getByText(/^The gap needs \d+ a day, more than the [\d.]+ I can keep up/).count(),
      ).resolves.toBe(1);
    await expect(
      brief.getByRole('table', { name: 'Conversion per playbook step' }).getByRole('row').count(),
    ).resolves.toBe(4);
    await brief.close();
    await writeRow('settings', { key: 'quota', value: data.quota });
  });
  it('edits the quota in the popup: a number of deals this month, with days off', async () => {
    const popup = await popupWithData();
    await popup.getByRole('button', { name: 'Settings' }).click();
    await popup.getByRole('heading', { name: 'Quota and pace settings' }).waitFor();
    await popup.getByRole('radio', { name: 'This month' }).check();
    await popup.getByRole('combobox', { name: 'Target in' }).selectOption({ label: 'A number of deals' });
    await popup.getByLabel('Quota target (deals)').fill('20');
    await popup.getByLabel('Deals closed so far').fill('4');
    await popup.getByLabel('Days off').fill('not-a-date');
    await popup.getByRole('button', { name: 'Save settings' }).click();
    await popup.getByText('“not-a-date” is not a date; write days off as YYYY-MM-DD, separated by commas.').waitFor();
    await popup.getByLabel('Days off').fill('');
    await popup.getByRole('button', { name: 'Save settings' }).click();
    await popup.getByRole('status').getByText('Saved.').waitFor();
    await popup.getByRole('button', { name: 'Back' }).click();
    // 20 deals, 4 before, the seed's wins recorded this month and the one recorded above.
    const monthStart = new Date(new Date().getFullYear(), new Date().getMonth(), 1).getTime();
    const wins = data.outreach.filter((r) => r.outcome === 'won' && (r.outcomeAt ?? 0) >= monthStart).length + 1;
    await expect(popup.getByTestId('gap').textContent()).resolves.toBe(`${20 - 4 - wins} deals`);
    await expect(popup.getByRole('progressbar').getAttribute('aria-label')).resolves.toMatch(/^\d+% of target closed$/);
    const stored = await readStore<{
      key: string;
      value: { periodKind?: string; targetKind?: string; target?: number };
    }>(browser, 'settings');
    expect(stored.find((row) => row.key === 'quota')?.value).toMatchObject({
      periodKind: 'month',
      targetKind: 'deals',
      target: 20,
    });
    await popup.close();
  });
});
