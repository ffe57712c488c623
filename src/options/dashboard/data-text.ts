import { t, uiLocale } from '../../i18n/t.ts';
import type { BackupError, BackupProblem, BackupStore } from '../../shared/backup.ts';
import { CONTACT_FIELDS, type ContactField } from '../../shared/csv.ts';
import type { RecordIssue } from '../../shared/record-issues.ts';

/** A count in the UI language's digits and grouping (asked each time: the language is the browser's). */
function formatCount(value: number): string {
  return new Intl.NumberFormat(uiLocale()).format(value);
}

/** Whether a count takes the singular in the UI language ("1 record", not "1 records"). */
export function isOne(count: number): boolean {
  return new Intl.PluralRules(uiLocale()).select(count) === 'one';
}

export function storeLabel(store: BackupStore): string {
  switch (store) {
    case 'contacts':
      return t('dataStoreContacts');
    case 'outreach':
      return t('dataStoreOutreach');
    case 'thanks':
      return t('dataStoreThanks');
    case 'favours':
      return t('dataStoreFavours');
    case 'templates':
      return t('dataStoreTemplates');
    case 'settings':
      return t('dataStoreSettings');
    case 'deals':
      return t('dataStoreDeals');
  }
}

/** A contact field as the column mapping shows it (the CSV headers written to files stay the CRMs' English). */
export function contactFieldLabel(field: ContactField): string {
  switch (field) {
    case 'firstName':
      return t('dataFieldFirstName');
    case 'lastName':
      return t('dataFieldLastName');
    case 'fullName':
      return t('dataFieldFullName');
    case 'email':
      return t('dataFieldEmail');
    case 'company':
      return t('dataFieldCompany');
    case 'headline':
      return t('dataFieldHeadline');
    case 'linkedinUrl':
      return t('dataFieldLinkedinUrl');
    case 'relationship':
      return t('dataFieldRelationship');
    case 'notes':
      return t('dataFieldNotes');
  }
}

/** What is wrong with a record or a row, without where. */
export function recordIssueText(issue: RecordIssue): string {
  const detail = issue.detail ?? '';
  switch (issue.code) {
    case 'not-a-list':
      return t('dataIssueNotAList');
    case 'duplicate-id':
      return t('dataIssueDuplicateId', detail);
    case 'unknown-kind':
      return t('dataIssueUnknownKind');
    case 'unknown-channel':
      return t('dataIssueUnknownChannel');
    case 'unknown-status':
      return t('dataIssueUnknownStatus');
    case 'unknown-outcome':
      return t('dataIssueUnknownOutcome');
    case 'unknown-relationship':
      return detail ? t('dataIssueUnknownRelationshipValue', detail) : t('dataIssueUnknownRelationship');
    case 'unknown-value':
      return t('dataIssueUnknownValue');
    case 'missing':
      return t('dataIssueMissing');
    case 'wrong-type':
      return t('dataIssueWrongType', detail);
    case 'too-long':
      return t('dataIssueTooLong', formatCount(Number(detail)));
    case 'empty':
      return t('dataIssueEmpty');
    case 'out-of-range':
      return t('dataIssueOutOfRange');
    case 'not-a-date':
      return t('dataIssueNotADate');
    case 'not-an-email':
      return t('dataIssueNotAnEmail');
    case 'not-a-linkedin-url':
      return t('dataIssueNotLinkedIn');
    case 'no-name':
      return t('dataIssueNoName');
    case 'not-an-amount':
      return t('dataIssueNotAnAmount', detail);
    case 'grand-total':
      return t('dataIssueGrandTotal');
    case 'invalid':
      return t('dataIssueInvalid');
  }
}

/** Where in the backup, and what: "Outreach #6, kind: unknown outreach kind". Fields keep the file's names. */
export function backupProblemText(problem: BackupProblem): string {
  const store = storeLabel(problem.store);
  const what = recordIssueText(problem.issue);
  if (problem.record === undefined) return t('dataProblemStore', store, what);
  const record = formatCount(problem.record);
  return problem.issue.path
    ? t('dataProblemAt', store, record, problem.issue.path, what)
    : t('dataProblemRecord', store, record, what);
}

/** Why a backup file is refused, in one message that says nothing was changed. */
export function backupErrorText(error: BackupError): string {
  switch (error.code) {
    case 'not-json':
      return error.line === undefined || error.column === undefined
        ? t('dataErrorNotJson')
        : t('dataErrorNotJsonAt', formatCount(error.line), formatCount(error.column));
    case 'not-a-backup':
      return t('dataErrorNotBackup');
    case 'unsupported-version':
      return t('dataErrorVersion', error.version);
    case 'newer-schema':
      return t('dataErrorNewer');
    case 'no-data':
      return t('dataErrorNoData');
    case 'invalid-records': {
      const listed = error.problems.map(backupProblemText).join('; ');
      const more = error.count - error.problems.length;
      const where = more > 0 ? t('dataErrorMore', listed, formatCount(more)) : listed;
      return isOne(error.count)
        ? t('dataErrorInvalidOne', formatCount(error.count), where)
        : t('dataErrorInvalidOther', formatCount(error.count), where);
    }
  }
}

const CONTACT_FIELD_NAMES: ReadonlySet<string> = new Set<ContactField>(CONTACT_FIELDS);

/** Why an imported row was left out: "Email: not an email address; …", fields as the mapping names them. */
export function rejectedRowText(row: { row: number; issues: readonly RecordIssue[] }): string {
  const issues = row.issues.map((issue) => {
    const what = recordIssueText(issue);
    if (!issue.path) return what;
    const field = CONTACT_FIELD_NAMES.has(issue.path) ? contactFieldLabel(issue.path as ContactField) : issue.path;
    return t('dataIssueField', field, what);
  });
  return t('dataLeftOutRow', formatCount(row.row), issues.join('; '));
}

/** A problem the CSV reader reported, by its code (the reader's own English message for any other). */
export function csvFormatProblemText(problem: { row: number; code: string; message: string }): string {
  const what =
    problem.code === 'MissingQuotes'
      ? t('dataFormatMissingQuotes')
      : problem.code === 'InvalidQuotes'
        ? t('dataFormatInvalidQuotes')
        : problem.code === 'TooFewFields'
          ? t('dataFormatTooFewFields')
          : problem.code === 'TooManyFields'
            ? t('dataFormatTooManyFields')
            : problem.message;
  return t('dataFormatRow', formatCount(problem.row), what);
}
