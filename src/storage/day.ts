import { addDays, localDateOf, localDayBounds } from '../shared/dates.ts';
import type { LocalDate, Outreach, OutreachKind, PaceSettings, Quota, Settings, ThankYou } from '../shared/model.ts';
import { computePace, type Pace } from '../shared/pace.ts';
import { addWorkedDays, calendarOf, effectivePeriod } from '../shared/calendar.ts';
import { isThankYouDue } from '../shared/reminders.ts';
import { archivedWinsBetween } from './archive-layout.ts';
import { readSummary } from './archive.ts';
import type { Db } from './db.ts';
import { getHistory } from './follow-through.ts';
import { openReferralAsks } from './referrals.ts';
import { getPaceSettings, getQuota, getSettings } from './settings.ts';
import { readPlanFacts } from './plan.ts';
import { salesCycleOf } from '../shared/plan/timing.ts';

/** Follow-ups older than this are no longer shown as due: the ask has gone cold. */
export const DUE_WINDOW_DAYS = 30;

/** Everything "today" needs (popup, badge, reminder), read through indexes only. */
export interface DaySnapshot {
  now: number;
  today: LocalDate;
  settings: Settings;
  paceSettings: PaceSettings;
  quota: Quota | undefined;
  pace: Pace | undefined;
  todaysOutreach: Outreach[];
  /** Sent asks whose follow-up date has come without an outcome, oldest first. */
  dueFollowUps: Outreach[];
  thanksOwed: ThankYou[];
  /** Owed since before today. */
  thanksDue: number;
}

async function awaitingBetween(db: Db, from: string, to: string, open: [boolean, boolean]): Promise<Outreach[]> {
  const awaiting = await db.getAllFromIndex(
    'outreach',
    'byStatusFollowUp',
    IDBKeyRange.bound(['awaiting', from], ['awaiting', to], open[0], open[1]),
  );
  // A thank-you waits for nothing, even one an older version stored as awaiting (v6 resolves them).
  return awaiting.filter((record) => record.kind !== 'thank-you');
}

/**
 * Wins in [start, end): outreach whose outcome "won" was recorded then (the (outcome, time) index
 * and the archive's list of wins), and pipeline deals won then (the `byWonAt` index) — a won deal
 * counts its amount against the period of its win. A deal whose win was also logged as an
 * outreach outcome (the outreach carries its `dealId`) counts once. Deals in another currency
 * than the quota's are not counted: there is no rate to convert them with.
 */
export async function wonInPeriod(
  db: Db,
  start: number,
  end: number,
  currency?: string,
): Promise<{ amount: number; deals: number }> {
  const tx = db.transaction(['outreach', 'archive', 'deals']);
  const [recent, summary, deals] = await Promise.all([
    tx
      .objectStore('outreach')
      .index('byOutcomeOutcomeAt')
      .getAll(IDBKeyRange.bound(['won', start], ['won', end], false, true)),
    readSummary(tx.objectStore('archive')),
    tx
      .objectStore('deals')
      .index('byWonAt')
      .getAll(IDBKeyRange.bound(start, end, false, true)),
  ]);
  await tx.done;
  const archived = archivedWinsBetween(summary, start, end);
  const logged = new Set(recent.flatMap((record) => (record.dealId ? [record.dealId] : [])));
  const wonDeals = deals.filter(
    (deal) =>
      deal.state === 'won' &&
      !logged.has(deal.id) &&
      (deal.currency === undefined || currency === undefined || deal.currency === currency),
  );
  return {
    amount:
      recent.reduce((sum, record) => sum + (record.wonAmount ?? 0), archived.amount) +
      wonDeals.reduce((sum, deal) => sum + (deal.amount ?? 0), 0),
    deals: recent.length + archived.deals + wonDeals.length,
  };
}

export async function loadDay(db: Db, nowDate: Date): Promise<DaySnapshot> {
  const now = nowDate.getTime();
  const today = localDateOf(nowDate);
  const { start, end } = localDayBounds(today);
  const [settings, paceSettings, quota, history, todaysOutreach, dueFollowUps, notYetDue, thanksOwed, leads] =
    await Promise.all([
      getSettings(db),
      getPaceSettings(db),
      getQuota(db),
      getHistory(db),
      db.getAllFromIndex('outreach', 'byCreatedAt', IDBKeyRange.bound(start, end, false, true)),
      awaitingBetween(db, addDays(today, -DUE_WINDOW_DAYS), today, [false, false]),
      awaitingBetween(db, today, '\uffff', [true, false]),
      db.getAllFromIndex('thanks', 'byStatusOwedSince', IDBKeyRange.bound(['owed', -Infinity], ['owed', Infinity])),
      openReferralAsks(db),
    ]);
  let pace: Pace | undefined;
  if (quota) {
    const period = effectivePeriod(quota, today);
    const [won, facts] = await Promise.all([
      wonInPeriod(db, localDayBounds(period.start).start, localDayBounds(period.end).end, quota.currency),
      readPlanFacts(db, quota, paceSettings, nowDate),
    ]);
    const asksToday: Partial<Record<OutreachKind, number>> = {};
    for (const record of todaysOutreach) asksToday[record.kind] = (asksToday[record.kind] ?? 0) + 1;
    pace = computePace({
      quota,
      today,
      wonInPeriod: won,
      asksToday,
      assumptions: settings.conversion,
      history,
      open: [
        ...[...dueFollowUps, ...notYetDue].map((record) => ({
          kind: record.kind,
          potentialValue: record.potentialValue,
          sentOn: localDateOf(new Date(record.createdAt)),
          dealId: record.dealId,
        })),
        // Referred leads still in play are open asks: a referral received raises coverage.
        ...leads,
      ],
      // Until the worker has counted the pipeline for today, the cycle is the stated one.
      timing: { cycle: facts?.cycle ?? salesCycleOf(paceSettings.salesCycleDays, []), facts },
      stepCapacity: paceSettings.stepCapacity,
      realisticAsksPerDay: paceSettings.realisticAsksPerDay,
    });
  }
  return {
    now,
    today,
    settings,
    paceSettings,
    quota,
    pace,
    todaysOutreach,
    dueFollowUps,
    thanksOwed,
    thanksDue: thanksOwed.filter((thank) => isThankYouDue(thank.owedSince, start)).length,
  };
}

/**
 * The follow-up date of an ask sent `now`: the user's follow-up delay (3 by default) in worked
 * days of their calendar (weekdays and days off from the quota; Monday–Friday before one is set).
 */
export async function followUpDateFor(db: Db, now: Date): Promise<LocalDate> {
  const [quota, pace] = await Promise.all([getQuota(db), getPaceSettings(db)]);
  return addWorkedDays(localDateOf(now), pace.followUpWorkingDays, calendarOf(quota ?? {}));
}
