import * as v from 'valibot';

/**
 * What is wrong with one record of a backup or one row of a contacts import. Shared code names
 * the problem; the options page words it in the user's language.
 */
export type RecordIssueCode =
  | 'not-a-list'
  | 'duplicate-id'
  | 'unknown-kind'
  | 'unknown-channel'
  | 'unknown-status'
  | 'unknown-outcome'
  | 'unknown-relationship'
  | 'unknown-value'
  | 'missing'
  | 'wrong-type'
  | 'too-long'
  | 'empty'
  | 'out-of-range'
  | 'not-a-date'
  | 'not-an-email'
  | 'not-a-linkedin-url'
  | 'no-name'
  | 'not-an-amount'
  | 'grand-total'
  | 'invalid';

export interface RecordIssue {
  code: RecordIssueCode;
  /** The field, as a dot path in the record (`createdAt`, `value.target`); absent for the whole record. */
  path?: string;
  /** What the wording needs: the repeated id, the maximum length, the expected type, the value read. */
  detail?: string;
}

/** Codes given to valibot as messages (`v.picklist(KINDS, 'unknown-kind')`), so that they come back as codes. */
const CODES: ReadonlySet<string> = new Set<RecordIssueCode>([
  'unknown-kind',
  'unknown-channel',
  'unknown-status',
  'unknown-outcome',
  'unknown-relationship',
  'not-a-date',
  'not-an-email',
  'not-a-linkedin-url',
  'no-name',
]);

/** A valibot issue as a record issue: our own codes as they are, valibot's checks by their type. */
export function recordIssueOf(issue: v.BaseIssue<unknown>): RecordIssue {
  const path = v.getDotPath(issue);
  const where = path ? { path } : {};
  if (CODES.has(issue.message)) return { code: issue.message as RecordIssueCode, ...where };
  switch (issue.type) {
    case 'max_length':
      return { code: 'too-long', ...where, detail: String(issue.requirement) };
    case 'min_length':
      return { code: 'empty', ...where };
    case 'min_value':
    case 'max_value':
    case 'finite':
      return { code: 'out-of-range', ...where };
    case 'picklist':
    case 'literal':
    case 'variant':
      return { code: 'unknown-value', ...where };
  }
  if (issue.kind === 'schema')
    return issue.input === undefined
      ? { code: 'missing', ...where }
      : { code: 'wrong-type', ...where, detail: issue.expected ?? '' };
  return { code: 'invalid', ...where };
}
