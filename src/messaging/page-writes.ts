import * as v from 'valibot';
import { MANAGER_HELP_KINDS } from '../shared/brief-settings.ts';
import { DEAL_STATES, IMPEDIMENTS } from '../shared/deals.ts';
import { OUTCOMES, OUTREACH_KINDS, PERIOD_KINDS, type OutreachKind } from '../shared/model.ts';
import { QUEUE_ACTIONS } from '../shared/queue.ts';
import { WEBMAILS } from '../shared/compose-url.ts';
import { channel, kind, name, optionalText, ReferralSchema, relationship, text, wonAmount } from './contract.ts';

const recordId = v.pipe(text(200), v.minLength(1, 'empty'));
const outcome = v.picklist(OUTCOMES, 'unknown outcome');
const localDate = v.pipe(text(10), v.isoDate('not a date (YYYY-MM-DD)'));
const amount = v.pipe(v.number(), v.finite(), v.minValue(0, 'negative'), v.maxValue(1e12));
const count = (max: number) => v.pipe(v.number(), v.integer('not a whole number'), v.minValue(0), v.maxValue(max));
const rate = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));

// Stored rows are `object`, not `strictObject`: a field an older version left in a row is dropped
// on the next save instead of making the row unsaveable.
const MeSchema = v.object({
  name: text(1000),
  company: text(1000),
  product: text(1000),
  signature: text(10_000),
  idealReferral: optionalText(1000),
});

const SettingsSchema = v.object({
  me: MeSchema,
  conversion: v.object(Object.fromEntries(OUTREACH_KINDS.map((k) => [k, rate])) as Record<OutreachKind, typeof rate>),
});

const QuotaSchema = v.pipe(
  v.object({
    periodKind: v.optional(v.picklist(PERIOD_KINDS, 'unknown period kind')),
    periodStart: localDate,
    periodEnd: localDate,
    targetKind: v.optional(v.picklist(['amount', 'deals'], 'unknown target kind')),
    target: v.pipe(amount, v.minValue(0.01, 'not positive')),
    currency: v.pipe(text(3), v.regex(/^[A-Z]{3}$/, 'not a currency code')),
    closedBaseline: amount,
    averageDealSize: amount,
    workingWeekdays: v.optional(v.pipe(v.array(count(6)), v.maxLength(7))),
    daysOff: v.optional(v.pipe(v.array(localDate), v.maxLength(3660))),
    country: v.optional(v.pipe(text(2), v.regex(/^[A-Z]{2}$/, 'not a country code'))),
    holidays: v.optional(
      v.object({
        country: v.pipe(text(2), v.regex(/^[A-Z]{2}$/, 'not a country code')),
        from: localDate,
        to: localDate,
        days: v.pipe(v.array(v.object({ date: localDate, name: text(200) })), v.maxLength(1000)),
      }),
    ),
    workedHolidays: v.optional(v.pipe(v.array(localDate), v.maxLength(1000))),
  }),
  v.check((quota) => quota.periodStart <= quota.periodEnd, 'the period ends before it starts'),
);

const PaceSettingsSchema = v.object({
  reminderHour: count(23),
  realisticAsksPerDay: v.pipe(count(10_000), v.minValue(1, 'less than 1')),
  stepCapacity: v.object({ customers: count(10_000), stalled: count(10_000) }),
  followUpWorkingDays: v.pipe(count(365), v.minValue(1, 'less than 1')),
  /** Days without activity after which an open deal is stalled (21 when absent). */
  stalledAfterDays: v.optional(v.pipe(count(365), v.minValue(1, 'less than 1'))),
  /** The sales cycle the user states, in days (60 when absent; learned from won deals when enough). */
  salesCycleDays: v.optional(v.pipe(count(730), v.minValue(1, 'less than 1'))),
});

const TemplateSchema = v.object({
  id: recordId,
  kind,
  channel,
  name: v.pipe(text(300), v.trim(), v.minLength(1, 'empty')),
  subject: optionalText(1000),
  body: v.pipe(text(100_000), v.minLength(1, 'empty')),
  builtIn: v.boolean(),
  locale: v.optional(v.picklist(['en', 'de'], 'unknown language')),
  relationships: v.optional(v.pipe(v.array(relationship), v.maxLength(20))),
});

/**
 * The writes extension pages (popup, options page) make. Pages share the extension's origin and
 * write through src/storage/page-writes.ts, which checks every payload against these schemas —
 * built from the same parts as the messages of contract.ts — before it touches a store, and refuses an
 * invalid one with the same wording as the router.
 */
export const PAGE_WRITE_SCHEMAS = {
  'outreach.setOutcome': v.pipe(
    v.strictObject({
      outreachId: recordId,
      outcome,
      wonAmount: v.optional(wonAmount),
      referral: v.optional(ReferralSchema),
    }),
    v.check((o) => o.wonAmount === undefined || o.outcome === 'won', 'a won amount goes with "won" only'),
    v.check(
      (o) => o.referral === undefined || o.outcome === 'helped-referral',
      'a referred person goes with "helped-referral" only',
    ),
  ),
  /** A referred lead's step marked done (or taken back): the introduction, the first meeting. */
  'lead.step': v.strictObject({
    leadId: recordId,
    step: v.picklist(['introduced', 'met'], 'unknown step'),
    done: v.boolean(),
  }),
  /** The dashboard's edit: `outcome: null` is "still waiting for an answer". */
  'outreach.edit': v.pipe(
    v.strictObject({
      id: recordId,
      outcome: v.nullable(outcome),
      wonAmount: v.optional(wonAmount),
      followUpOn: v.optional(localDate),
      referral: v.optional(ReferralSchema),
    }),
    v.check((o) => o.wonAmount === undefined || o.outcome === 'won', 'a won amount goes with "won" only'),
  ),
  'outreach.delete': v.strictObject({ id: recordId }),
  'thanks.mark': v.strictObject({
    contactId: recordId,
    contactName: name,
    text: v.pipe(text(20_000), v.minLength(1, 'empty')),
  }),
  /** Undo of a thank-you just logged: the record goes, what it cleared is owed again. */
  'thanks.undo': v.strictObject({ outreachId: recordId }),
  'favour.log': v.strictObject({ contactId: recordId, note: v.pipe(text(10_000), v.minLength(1, 'empty')) }),
  'contact.edit': v.strictObject({ id: recordId, relationship: v.optional(relationship), notes: text(100_000) }),
  /** "Merge": two contacts the user confirmed are one person. */
  'contact.merge': v.strictObject({ keepId: recordId, dropId: recordId }),
  /** "Not the same person": the pair is not suggested again. */
  'contact.notSame': v.strictObject({ a: recordId, b: recordId }),
  'contact.undoMerge': v.strictObject({ mergeId: recordId }),
  'template.save': TemplateSchema,
  'template.delete': v.strictObject({ id: recordId }),
  /** Any of the three settings rows, written together in one transaction. */
  'settings.save': v.strictObject({
    settings: v.optional(SettingsSchema),
    quota: v.optional(QuotaSchema),
    pace: v.optional(PaceSettingsSchema),
  }),
  /** Your name, company, product and signature; the rest of the settings row is kept. */
  'settings.saveMe': MeSchema,
  /** Skip today, snooze 2 weeks or not a fit, on one line of the named queue. */
  'queue.act': v.strictObject({
    lineId: v.pipe(text(300), v.regex(/^(contact|deal):.+$/, 'not a queue line')),
    action: v.picklist(QUEUE_ACTIONS, 'unknown queue action'),
  }),
  /** Which webmail "Draft email" opens. */
  'queue.webmail': v.strictObject({ webmail: v.picklist(WEBMAILS, 'unknown webmail') }),
  /** After a stalled-deal revival: the impediment the user learned, a note, the next step. */
  'deal.recordImpediment': v.strictObject({
    id: recordId,
    kind: v.picklist(IMPEDIMENTS, 'unknown impediment'),
    note: optionalText(10_000),
    nextStep: optionalText(2000),
  }),
  'deal.setState': v.strictObject({ id: recordId, state: v.picklist(DEAL_STATES, 'unknown deal state') }),
  /** The manager brief's choices: a pace the user can keep (absent: read from the log) and the help asked for. */
  'brief.save': v.strictObject({
    keepablePerDay: v.optional(v.pipe(count(10_000), v.minValue(1, 'less than 1'))),
    help: v.pipe(
      v.array(v.strictObject({ kind: v.picklist(MANAGER_HELP_KINDS, 'unknown kind of help'), text: text(2000) })),
      v.maxLength(MANAGER_HELP_KINDS.length),
    ),
  }),
} as const;

export type PageWriteType = keyof typeof PAGE_WRITE_SCHEMAS;
export type PageWrite<T extends PageWriteType> = v.InferInput<(typeof PAGE_WRITE_SCHEMAS)[T]>;
export type CheckedPageWrite<T extends PageWriteType> = v.InferOutput<(typeof PAGE_WRITE_SCHEMAS)[T]>;
