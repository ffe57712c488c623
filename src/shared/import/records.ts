import * as v from 'valibot';
import { relationshipOf } from '../csv.ts';
import type { DealState } from '../deals.ts';
import type { LocalDate, Relationship } from '../model.ts';
import { firstNameOf } from '../names.ts';
import { PERSON_LIMITS } from '../person-limits.ts';
import type { RecordIssue } from '../record-issues.ts';
import { type ImportField, type ImportMapping } from './formats.ts';
import {
  canonicalLinkedinUrl,
  dateOrderOf,
  firstValue,
  instantOf,
  parseAmount,
  parseDate,
  parsePeople,
  type DateOrder,
  type PersonRef,
} from './values.ts';

/**
 * Rows of a recognised table as the records they stand for: contacts, or deals with the people
 * they name. A row that cannot be one is left out with its reasons (1-based data row numbers).
 */

export interface ContactCandidate {
  /** 1-based data row. */
  row: number;
  fullName: string;
  firstName: string;
  email?: string;
  company?: string;
  headline?: string;
  linkedinUrl?: string;
  relationship?: Relationship;
  notes?: string;
  connectedOn?: LocalDate;
  lastActivityAt?: number;
}

export interface DealCandidate {
  row: number;
  /** The CRM's record id, when the file has one. */
  recordId?: string;
  name: string;
  amount?: number;
  currency?: string;
  stage?: string;
  state: DealState;
  closeDate?: LocalDate;
  lastActivityAt?: number;
  wonAt?: number;
  company?: string;
  nextStep?: string;
  people: PersonRef[];
}

export interface LeftOut {
  row: number;
  issues: RecordIssue[];
}

export interface RowsResult<T> {
  records: T[];
  leftOut: LeftOut[];
}

type Raw = Partial<Record<ImportField, string>>;

/** A report's total line (Salesforce "Grand Totals (12 records)", German "Gesamtsumme"). */
const TOTAL_ROW = /^\s*(grand totals?|gesamtsumme|total)\b/i;

/** The mapped cells of a row; a field mapped from several columns takes the first non-empty. */
function rawOf(row: readonly string[], mapping: ImportMapping): Raw {
  const raw: Raw = {};
  for (let column = 0; column < mapping.length; column++) {
    const field = mapping[column];
    if (!field || raw[field] !== undefined) continue;
    const value = row[column]?.trim();
    if (value) raw[field] = value;
  }
  return raw;
}

/** Each date field's day/month order, decided once over the whole column. */
function dateOrders(rows: readonly string[][], mapping: ImportMapping): Map<ImportField, DateOrder> {
  const orders = new Map<ImportField, DateOrder>();
  for (const field of ['connectedOn', 'lastActivity', 'closeDate', 'wonTime'] as const) {
    const columns = mapping.flatMap((f, column) => (f === field ? [column] : []));
    if (columns.length === 0) continue;
    const order = dateOrderOf(
      (function* () {
        for (const row of rows) for (const column of columns) yield row[column] ?? '';
      })(),
    );
    if (order) orders.set(field, order);
  }
  return orders;
}

const EmailSchema = v.pipe(v.string(), v.email());

function cleanEmail(raw: string | undefined): { email?: string; bad?: string } {
  const value = raw ? firstValue(raw).toLowerCase() : '';
  if (!value) return {};
  return v.is(EmailSchema, value) && value.length <= PERSON_LIMITS.email ? { email: value } : { bad: value };
}

/** A last name written with credentials after a comma ("Okafor, MBA, PMP") keeps the name. */
function withoutCredentials(name: string): string {
  return (name.split(',')[0] ?? '').trim();
}

function clip(value: string | undefined, max: number): string | undefined {
  const text = value?.trim();
  return text ? text.slice(0, max) : undefined;
}

function dateField(raw: Raw, field: ImportField, orders: Map<ImportField, DateOrder>, issues: RecordIssue[]) {
  const value = raw[field];
  if (!value) return undefined;
  const parsed = parseDate(value, orders.get(field));
  // Outlook's `0/0/00` is an empty date, not a wrong one.
  if (!parsed && !/^0{1,2}[./-]0{1,2}[./-]0{2,4}$/.test(value))
    issues.push({ code: 'not-a-date', path: field, detail: value });
  return parsed;
}

export function contactsFromImport(rows: readonly string[][], mapping: ImportMapping): RowsResult<ContactCandidate> {
  const orders = dateOrders(rows, mapping);
  const records: ContactCandidate[] = [];
  const leftOut: LeftOut[] = [];
  rows.forEach((row, index) => {
    const number = index + 1;
    if (TOTAL_ROW.test(row[0] ?? '')) {
      leftOut.push({ row: number, issues: [{ code: 'grand-total' }] });
      return;
    }
    const raw = rawOf(row, mapping);
    const issues: RecordIssue[] = [];
    const first = raw.firstName ? firstValue(raw.firstName) : '';
    const last = raw.lastName ? withoutCredentials(firstValue(raw.lastName)) : '';
    const middle = raw.middleName ? firstValue(raw.middleName) : '';
    const fullName = (raw.fullName ? firstValue(raw.fullName) : [first, middle, last].filter(Boolean).join(' ')).trim();
    if (!fullName) {
      leftOut.push({ row: number, issues: [{ code: 'no-name' }] });
      return;
    }
    if (fullName.length > PERSON_LIMITS.fullName)
      issues.push({ code: 'too-long', path: 'fullName', detail: String(PERSON_LIMITS.fullName) });
    const { email, bad } = cleanEmail(raw.email);
    if (bad) issues.push({ code: 'not-an-email', path: 'email', detail: bad });
    let relationship: Relationship | undefined;
    if (raw.relationship) {
      relationship = relationshipOf(raw.relationship);
      if (!relationship) issues.push({ code: 'unknown-relationship', path: 'relationship', detail: raw.relationship });
    }
    // A CRM's lifecycle stage "Customer" makes the person a customer; other stages say nothing.
    if (!relationship && raw.lifecycleStage && /^customer$|^kunde$/i.test(raw.lifecycleStage.trim()))
      relationship = 'customer';
    const connected = dateField(raw, 'connectedOn', orders, issues);
    const activity = dateField(raw, 'lastActivity', orders, issues);
    if (issues.length > 0) {
      leftOut.push({ row: number, issues });
      return;
    }
    // A website that is not a LinkedIn profile (Google's "Website 1") is simply not a profile.
    const linkedinUrl = raw.linkedinUrl ? canonicalLinkedinUrl(firstValue(raw.linkedinUrl)) : undefined;
    const company = clip(raw.company && firstValue(raw.company), PERSON_LIMITS.company);
    const headline = clip(raw.headline && firstValue(raw.headline), PERSON_LIMITS.headline);
    const notes = clip(raw.notes, PERSON_LIMITS.notes);
    records.push({
      row: number,
      fullName,
      firstName: (first || firstNameOf(fullName)).slice(0, PERSON_LIMITS.firstName),
      ...(email ? { email } : {}),
      ...(company ? { company } : {}),
      ...(headline ? { headline } : {}),
      ...(linkedinUrl ? { linkedinUrl } : {}),
      ...(relationship ? { relationship } : {}),
      ...(notes ? { notes } : {}),
      ...(connected ? { connectedOn: connected.date } : {}),
      ...(activity ? { lastActivityAt: instantOf(activity) } : {}),
    });
  });
  return { records, leftOut };
}

const WON = /\b(won|gewonnen|closed ?won|closedwon)\b/i;
const LOST = /\b(lost|verloren|closed ?lost|closedlost)\b/i;

/** Open, won or lost from a status column, else from "closed?" and the stage's name. */
function stateOf(raw: Raw): DealState | undefined {
  const status = raw.status?.trim().toLowerCase();
  if (status) {
    if (WON.test(status)) return 'won';
    if (LOST.test(status)) return 'lost';
    if (/^(open|offen)$/.test(status)) return 'open';
    return undefined;
  }
  const stage = raw.stage ?? '';
  if (WON.test(stage)) return 'won';
  if (LOST.test(stage)) return 'lost';
  const closed = raw.isClosed?.trim().toLowerCase();
  if (closed && /^(true|yes|ja|1)$/.test(closed)) return /won/i.test(stage) ? 'won' : 'lost';
  return 'open';
}

export function dealsFromImport(rows: readonly string[][], mapping: ImportMapping): RowsResult<DealCandidate> {
  const orders = dateOrders(rows, mapping);
  const records: DealCandidate[] = [];
  const leftOut: LeftOut[] = [];
  rows.forEach((row, index) => {
    const number = index + 1;
    if (TOTAL_ROW.test(row[0] ?? '')) {
      leftOut.push({ row: number, issues: [{ code: 'grand-total' }] });
      return;
    }
    const raw = rawOf(row, mapping);
    const name = raw.dealName?.trim();
    if (!name) {
      leftOut.push({ row: number, issues: [{ code: 'no-name', path: 'dealName' }] });
      return;
    }
    const issues: RecordIssue[] = [];
    const parsedAmount = raw.amount ? parseAmount(raw.amount) : undefined;
    if (raw.amount && !parsedAmount) issues.push({ code: 'not-an-amount', path: 'amount', detail: raw.amount });
    const state = stateOf(raw);
    if (!state) issues.push({ code: 'unknown-status', path: 'status', detail: raw.status ?? '' });
    const close = dateField(raw, 'closeDate', orders, issues);
    const activity = dateField(raw, 'lastActivity', orders, issues);
    const won = dateField(raw, 'wonTime', orders, issues);
    if (issues.length > 0 || !state) {
      leftOut.push({ row: number, issues });
      return;
    }
    const people = raw.people ? parsePeople(raw.people) : [];
    const contactName = raw.fullName ? firstValue(raw.fullName) : undefined;
    const { email } = cleanEmail(raw.email);
    if (contactName || email)
      people.push({ ...(contactName ? { name: contactName } : {}), ...(email ? { email } : {}) });
    const currency = (raw.currency?.trim().toUpperCase() || parsedAmount?.currency)?.slice(0, 3);
    const wonSource = won ?? close ?? activity;
    const company = clip(raw.company, PERSON_LIMITS.company);
    const nextStep = clip(raw.nextStep, 2000);
    records.push({
      row: number,
      ...(raw.recordId ? { recordId: raw.recordId.trim() } : {}),
      name: name.slice(0, 500),
      ...(parsedAmount ? { amount: parsedAmount.amount } : {}),
      ...(currency && /^[A-Z]{3}$/.test(currency) ? { currency } : {}),
      ...(raw.stage ? { stage: raw.stage.trim().slice(0, 200) } : {}),
      state,
      ...(close ? { closeDate: close.date } : {}),
      ...(activity ? { lastActivityAt: instantOf(activity) } : {}),
      ...(state === 'won' && wonSource ? { wonAt: instantOf(wonSource) } : {}),
      ...(company ? { company } : {}),
      ...(nextStep ? { nextStep } : {}),
      people,
    });
  });
  return { records, leftOut };
}
