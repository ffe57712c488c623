import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_STORES,
  backupJson,
  canonical,
  makeBackup,
  previewRestore,
  readBackup,
  type BackupData,
} from '../../../src/shared/backup.ts';
import { CHANNELS, OUTCOMES, OUTREACH_KINDS, RELATIONSHIPS, type Outreach } from '../../../src/shared/model.ts';

const EMPTY: BackupData = {
  contacts: [],
  outreach: [],
  thanks: [],
  favours: [],
  templates: [],
  settings: [],
  deals: [],
};

const NOW = new Date(Date.UTC(2026, 10, 27, 9));

function sample(): BackupData {
  return {
    contacts: [
      {
        id: 'c1',
        fullName: 'Jane Doe',
        firstName: 'Jane',
        email: 'jane@x.test',
        relationship: 'customer',
        notes: 'likes "tea"',
        createdAt: 1,
        updatedAt: 2,
      },
    ],
    outreach: [
      {
        id: 'o1',
        idempotencyKey: 'key-00001',
        contactId: 'c1',
        contactName: 'Jane Doe',
        kind: 'referral-ask',
        channel: 'email',
        text: 'Hi Jane',
        createdAt: 10,
        status: 'resolved',
        outcome: 'won',
        wonAmount: 5000,
        outcomeAt: 20,
      },
    ],
    thanks: [
      {
        id: 'thanks:o1',
        contactId: 'c1',
        contactName: 'Jane Doe',
        outreachId: 'o1',
        outcome: 'won',
        status: 'owed',
        owedSince: 20,
      },
    ],
    favours: [{ id: 'f1', contactId: 'c1', note: 'intro to Bo', at: 30 }],
    templates: [{ id: 't1', kind: 'upsell', channel: 'email', name: 'Mine', body: 'Hi {{firstName}}', builtIn: false }],
    settings: [
      {
        key: 'quota',
        value: {
          periodStart: '2026-10-01',
          periodEnd: '2026-12-31',
          target: 100000,
          currency: 'EUR',
          closedBaseline: 0,
          averageDealSize: 10000,
        },
      },
      { key: 'settings', value: { me: { name: 'Sam' }, conversion: {}, inPageButtons: false } },
    ],
    deals: [
      {
        id: 'hubspot:101',
        name: 'Brightwater Foods renewal',
        amount: 36000,
        currency: 'USD',
        stage: 'Contract sent',
        state: 'open',
        closeDate: '2026-11-15',
        lastActivityAt: 1_700_000_000_000,
        contactIds: ['c1'],
        company: 'Brightwater Foods',
        source: 'hubspot',
        impediment: { kind: 'budget', note: 'Waiting for Q1 budget', at: 1_700_000_500_000 },
        createdAt: 1_699_000_000_000,
        updatedAt: 1_700_000_500_000,
      },
    ],
  };
}

describe('backup', () => {
  it('round-trips exactly, including fields this version does not know', () => {
    const data = sample();
    (data.contacts[0] as unknown as Record<string, unknown>).futureField = { nested: [1, 2] };
    const result = readBackup(backupJson(makeBackup(data, 3, NOW)), 3);
    expect(result).toEqual({
      ok: true,
      backup: {
        format: 'gap-closer-backup',
        version: 1,
        schemaVersion: 3,
        exportedAt: NOW.toISOString(),
        stores: data,
      },
    });
  });

  it('carries the in-page switch, kept outside the database, beside the stores', () => {
    const result = readBackup(backupJson(makeBackup(sample(), 3, NOW, { inPageButtons: false })), 3);
    expect(result.ok && result.backup.preferences).toEqual({ inPageButtons: false });
    const bad = { ...makeBackup(sample(), 3, NOW), preferences: { inPageButtons: 'no' } };
    expect(readBackup(JSON.stringify(bad), 3)).toEqual({ ok: false, error: { code: 'not-a-backup' } });
  });

  it('restores a file from before the switch was carried, and reads settings without the old field', () => {
    // Files written before: no preferences, and a settings row with the field that never switched anything.
    const old = readBackup(backupJson(makeBackup(sample(), 3, NOW)), 3);
    expect(old.ok && old.backup.preferences).toBeUndefined();
    expect(old.ok && old.backup.stores.settings[1]).toEqual({
      key: 'settings',
      value: { me: { name: 'Sam' }, conversion: {}, inPageButtons: false },
    });
    // Files written now: the settings row has no such field.
    const data = sample();
    data.settings[1] = { key: 'settings', value: { me: { name: 'Sam' }, conversion: {} } };
    const now = readBackup(backupJson(makeBackup(data, 3, NOW, { inPageButtons: true })), 3);
    expect(now.ok && now.backup.stores.settings[1]).toEqual(data.settings[1]);
  });

  it('rejects what is not a backup, with a clear message', () => {
    expect(readBackup('{"a":', 3)).toEqual({ ok: false, error: { code: 'not-json' } });
    // Where the parser stopped, from its message (Node and Chromium say it differently).
    expect(readBackup('{\n  "format": "gap-closer-backup",\n  ', 3)).toEqual({
      ok: false,
      error: { code: 'not-json', line: 3, column: 3 },
    });
    expect(readBackup('[1,2]', 3)).toEqual({ ok: false, error: { code: 'not-a-backup' } });
    expect(readBackup(JSON.stringify({ ...makeBackup(sample(), 3, NOW), version: 2 }), 3)).toEqual({
      ok: false,
      error: { code: 'unsupported-version', version: '2' },
    });
    expect(readBackup(backupJson(makeBackup(sample(), 4, NOW)), 3)).toEqual({
      ok: false,
      error: { code: 'newer-schema' },
    });
    expect(readBackup(JSON.stringify({ ...makeBackup(sample(), 3, NOW), stores: null }), 3)).toEqual({
      ok: false,
      error: { code: 'no-data' },
    });
  });

  it('names every kind of invalid record and where it is; none is restored', () => {
    const data = sample();
    const bad = JSON.parse(backupJson(makeBackup(data, 3, NOW)));
    bad.stores.outreach.push({ ...bad.stores.outreach[0], id: 'o2', idempotencyKey: 'k2', kind: 'bribe' });
    bad.stores.outreach.push({ ...bad.stores.outreach[0] });
    bad.stores.contacts[0].createdAt = 'yesterday';
    const result = readBackup(JSON.stringify(bad), 3);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-records',
        count: 3,
        problems: [
          { store: 'contacts', record: 1, issue: { code: 'wrong-type', path: 'createdAt', detail: 'number' } },
          { store: 'outreach', record: 2, issue: { code: 'unknown-kind', path: 'kind' } },
          { store: 'outreach', record: 3, issue: { code: 'duplicate-id', detail: 'o1' } },
        ],
      },
    });
  });

  it('gives outreach from before schema v2 its id as idempotency key', () => {
    const old = JSON.parse(backupJson(makeBackup(sample(), 1, NOW)));
    delete old.stores.outreach[0].idempotencyKey;
    const result = readBackup(JSON.stringify(old), 3);
    expect(result.ok && result.backup.stores.outreach[0]?.idempotencyKey).toBe('o1');
  });

  it('previews what a restore changes, store by store', () => {
    const current = sample();
    const incoming = sample();
    (incoming.outreach[0] as Outreach).outcome = 'lost';
    incoming.outreach.push({ ...(incoming.outreach[0] as Outreach), id: 'o9', idempotencyKey: 'key-9' });
    incoming.contacts = [];
    const preview = previewRestore(current, incoming);
    expect(preview.find((row) => row.store === 'outreach')).toEqual({
      store: 'outreach',
      current: 1,
      incoming: 2,
      added: 1,
      changed: 1,
      removed: 0,
      unchanged: 0,
    });
    expect(preview.find((row) => row.store === 'contacts')).toMatchObject({ removed: 1, added: 0 });
    expect(preview.find((row) => row.store === 'settings')).toMatchObject({ unchanged: 2, changed: 0 });
    expect(preview.map((row) => row.store)).toEqual([...BACKUP_STORES]);
  });

  it('export then import gives identical data for any valid records (property)', () => {
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const outreach = fc.record(
      {
        id: fc.uuid(),
        idempotencyKey: fc.string({ minLength: 1, maxLength: 40 }),
        contactId: optional(fc.uuid()),
        contactName: fc.string(),
        kind: fc.constantFrom(...OUTREACH_KINDS),
        channel: fc.constantFrom(...CHANNELS),
        text: fc.string({ unit: 'grapheme' }),
        potentialValue: optional(fc.integer({ min: 0, max: 1e9 })),
        createdAt: fc.integer({ min: 0, max: 4e12 }),
        followUpOn: optional(fc.constantFrom('2026-01-02', '2027-12-31')),
        status: fc.constantFrom('awaiting' as const, 'resolved' as const),
        outcome: optional(fc.constantFrom(...OUTCOMES)),
        wonAmount: optional(fc.double({ min: 0, max: 1e9, noNaN: true })),
        outcomeAt: optional(fc.integer({ min: 0, max: 4e12 })),
      },
      { requiredKeys: ['id', 'idempotencyKey', 'contactName', 'kind', 'channel', 'text', 'createdAt', 'status'] },
    );
    const contact = fc.record(
      {
        id: fc.uuid(),
        fullName: fc.string({ maxLength: 300 }),
        firstName: fc.string({ maxLength: 100 }),
        relationship: optional(fc.constantFrom(...RELATIONSHIPS)),
        notes: optional(fc.string()),
        createdAt: fc.nat(),
        updatedAt: fc.nat(),
      },
      { requiredKeys: ['id', 'fullName', 'firstName', 'createdAt', 'updatedAt'] },
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(outreach, { selector: (r) => r.id, maxLength: 20 }),
        fc.uniqueArray(contact, { selector: (r) => r.id, maxLength: 20 }),
        (outreachRecords, contacts) => {
          const data: BackupData = { ...EMPTY, outreach: outreachRecords as Outreach[], contacts };
          const back = readBackup(backupJson(makeBackup(data, 3, NOW)), 3);
          expect(back.ok).toBe(true);
          if (back.ok) expect(canonical(back.backup.stores)).toBe(canonical(JSON.parse(JSON.stringify(data))));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('backup: deals (schema v5)', () => {
  it('carries deals, impediment included, and refuses a deal with an unknown state', () => {
    const data = sample();
    const read = readBackup(backupJson(makeBackup(data, 5, NOW)), 5);
    expect(read.ok && read.backup.stores.deals).toEqual(data.deals);
    const bad = { ...data, deals: [{ ...data.deals[0], state: 'stuck' }] } as unknown as BackupData;
    const refused = readBackup(backupJson(makeBackup(bad, 5, NOW)), 5);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-records', problems: [{ store: 'deals', record: 1, issue: { code: 'unknown-status' } }] },
    });
  });

  it('reads a file from before deals as having none', () => {
    const { deals: _deals, ...older } = sample();
    const read = readBackup(backupJson(makeBackup(older as BackupData, 4, NOW)), 5);
    expect(read.ok && read.backup.stores.deals).toEqual([]);
  });
});
