import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBackup } from '../../../src/shared/backup.ts';
import { contactsFromRows } from '../../../src/shared/csv.ts';
import type { RecordIssueCode } from '../../../src/shared/record-issues.ts';
import { language } from '../i18n-fake.ts';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../i18n-fake.ts')).fakeI18n } }));

const { backupErrorText, csvFormatProblemText, recordIssueText, rejectedRowText } =
  await import('../../../src/options/dashboard/data-text.ts');

const CODES: RecordIssueCode[] = [
  'not-a-list',
  'duplicate-id',
  'unknown-kind',
  'unknown-channel',
  'unknown-status',
  'unknown-outcome',
  'unknown-relationship',
  'unknown-value',
  'missing',
  'wrong-type',
  'too-long',
  'empty',
  'out-of-range',
  'not-a-date',
  'not-an-email',
  'not-a-linkedin-url',
  'no-name',
  'invalid',
];

function tampered(): string {
  const record = (id: string, kind: string) => ({
    id,
    idempotencyKey: id,
    contactName: 'Avery',
    kind,
    channel: 'email',
    text: 'Hi',
    createdAt: 1,
    status: 'awaiting',
  });
  const outreach = [
    record('o1', 'referral-ask'),
    record('o2', 'bribe'),
    ...Array.from({ length: 6 }, () => record('o1', 'upsell')),
  ];
  return JSON.stringify({
    format: 'gap-closer-backup',
    version: 1,
    schemaVersion: 3,
    exportedAt: '',
    stores: { outreach },
  });
}

afterEach(() => {
  language.current = 'en-US';
});

describe('your data: messages in the UI language', () => {
  it('every record issue has words in English and German', () => {
    for (const code of CODES) {
      const english = recordIssueText({ code, detail: '300' });
      language.current = 'de-DE';
      const german = recordIssueText({ code, detail: '300' });
      language.current = 'en-US';
      expect(english, code).toMatch(/^[a-z]/);
      expect(german, code).toBeTruthy();
      expect(german, code).not.toBe(english);
    }
    language.current = 'de-DE';
    expect(recordIssueText({ code: 'too-long', detail: '10000' })).toBe('länger als 10.000 Zeichen');
  });

  it('a refused backup says where and what, and that nothing changed', () => {
    const result = readBackup(tampered(), 3);
    if (result.ok) throw new Error('expected a refusal');
    expect(backupErrorText(result.error)).toBe(
      'This backup has 7 invalid records, so nothing was changed: Outreach #2, kind: unknown outreach kind; Outreach #3: the id “o1” appears twice; Outreach #4: the id “o1” appears twice; Outreach #5: the id “o1” appears twice; Outreach #6: the id “o1” appears twice (and 2 more).',
    );
    language.current = 'de-DE';
    expect(backupErrorText(result.error)).toBe(
      'Diese Sicherung enthält 7 ungültige Einträge, daher wurde nichts geändert: Kontaktaufnahmen #2, kind: unbekannte Art der Kontaktaufnahme; Kontaktaufnahmen #3: die ID „o1“ kommt doppelt vor; Kontaktaufnahmen #4: die ID „o1“ kommt doppelt vor; Kontaktaufnahmen #5: die ID „o1“ kommt doppelt vor; Kontaktaufnahmen #6: die ID „o1“ kommt doppelt vor (und 2 weitere).',
    );
    expect(
      backupErrorText({
        code: 'invalid-records',
        count: 1,
        problems: [{ store: 'thanks', issue: { code: 'not-a-list' } }],
      }),
    ).toBe(
      'Diese Sicherung enthält 1 ungültigen Eintrag, daher wurde nichts geändert: Dankesnachrichten: keine Liste.',
    );
    expect(backupErrorText({ code: 'not-a-backup' })).toBe(
      'Diese Datei ist keine Sicherung von Gap Closer. Es wurde nichts geändert.',
    );
  });

  it('a row left out of an import names the field as the column mapping does', () => {
    const { rejected } = contactsFromRows(
      [
        ['', 'bob@', ''],
        ['Ann', '', 'enemy'],
      ],
      ['fullName', 'email', 'relationship'],
    );
    expect(rejected.map(rejectedRowText)).toEqual([
      'Row 1: Full name: no name; Email: not an email address',
      'Row 2: Relationship: unknown relationship “enemy”',
    ]);
    language.current = 'de-DE';
    expect(rejected.map(rejectedRowText)).toEqual([
      'Zeile 1: Vollständiger Name: kein Name; E-Mail: keine E-Mail-Adresse',
      'Zeile 2: Beziehung: unbekannte Beziehung „enemy“',
    ]);
    expect(csvFormatProblemText({ row: 3, code: 'MissingQuotes', message: 'Quoted field unterminated' })).toBe(
      'Zeile 3: eine Zelle in Anführungszeichen wird nicht geschlossen',
    );
  });
});
