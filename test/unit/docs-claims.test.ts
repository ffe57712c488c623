// What README.md and docs/ claim, checked against the code: a claim that stops being true fails
// here instead of misleading the next reader (issue 14).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ALLOWED_SENDERS, MESSAGE_SCHEMAS } from '../../src/messaging/contract.ts';
import { SUBFRAME_SITES } from '../../src/messaging/sender.ts';
import { FIRST_LINES } from '../../src/popup/layout.ts';
import { MIN_HISTORY_DAYS } from '../../src/shared/brief.ts';
import { DEFAULT_PACE_SETTINGS, PRIOR_STRENGTH } from '../../src/shared/defaults.ts';
import { BACKUP_FORMAT, BACKUP_STORES, BACKUP_VERSION } from '../../src/shared/backup.ts';
import { CONTACTS_CSV_HEADER } from '../../src/shared/csv.ts';
import { OFTEN_ASKED, RECENT_ASK_DAYS } from '../../src/shared/ledger.ts';
import { ARCHIVE_BUCKETS, RECENT_DAYS } from '../../src/storage/archive-layout.ts';
import { DUE_WINDOW_DAYS } from '../../src/storage/day.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { HISTORY_MAX_AGE_MS } from '../../src/storage/follow-through.ts';
import { DB_VERSION, MIGRATIONS } from '../../src/storage/migrations.ts';
import { contentScriptOrigins, senderCases } from './reliability/boundary-fixtures.ts';
import {
  ROOT,
  benchBudgetPieces,
  capture,
  codeSpans,
  linkTargets,
  markdownFiles,
  numberIn,
  numbersIn,
  read,
  section,
  tableRows,
} from './docs-text.ts';

const README = read('README.md');
const pkg = JSON.parse(read('package.json')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const manifest = JSON.parse(read('manifest.json')) as {
  commands: Record<string, { suggested_key: { default: string } }>;
};
const MESSAGE_TYPES = Object.keys(MESSAGE_SCHEMAS).length;
const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
/** The source areas an import boundary can name. */
const AREAS = ['storage', 'background', 'content', 'popup', 'messaging client'];
const TIMES: Record<number, string> = { 1: 'once', 2: 'twice', 3: 'three times' };

/** A page with its line breaks and indents folded to single spaces, for phrases that wrap. */
function flat(file: string): string {
  return read(file).replace(/\s+/g, ' ');
}

describe('README', () => {
  it('is at most 12 KB', () => {
    expect(Buffer.byteLength(README)).toBeLessThanOrEqual(12 * 1024);
  });

  it('names only commands that package.json has', () => {
    const named = [...README.matchAll(/\bnpm (?:run ([\w:-]+)|(test)\b)/g)].map((match) => match[1] ?? match[2]);
    expect(named).toContain('setup');
    expect(named).toContain('test');
    expect(named.filter((script) => !script || !(script in pkg.scripts))).toEqual([]);
  });

  it('explains every dependency of package.json, and no other', () => {
    const named = tableRows(section(README, 'Dependencies and why')).flatMap(([packages = '']) => codeSpans(packages));
    const declared = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect([...named].sort()).toEqual([...declared].sort());
  });

  it('names the keyboard shortcuts the manifest suggests, and the Node version it needs', () => {
    expect(README).toContain(`**${manifest.commands._execute_action?.suggested_key.default}**`);
    expect(README).toContain(`**${manifest.commands['insert-template']?.suggested_key.default}**`);
    expect(`>=${capture(README, /Node\.js (\d+\.\d+)\+/)}`).toBe(pkg.engines.node);
  });
});

describe('links and paths in README.md, PRIVACY.md and docs/', () => {
  it.each(markdownFiles())('%s: every relative link resolves to a file', (file) => {
    const broken = linkTargets(read(file))
      .filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'))
      .filter((target) => !existsSync(path.resolve(ROOT, path.dirname(file), target.split('#')[0] ?? '')));
    expect(broken).toEqual([]);
  });

  it.each(markdownFiles())('%s: every repository path it names exists', (file) => {
    const missing = codeSpans(read(file))
      .filter((span) => /^(src|test|scripts|docs|\.ci)\/[\w./-]*$/.test(span))
      .filter((span) => !existsSync(path.join(ROOT, span)));
    expect(missing).toEqual([]);
  });
});

describe('docs/performance.md', () => {
  const rows = tableRows(section(read('docs/performance.md'), 'The budgets'));

  it('names a bench row in scripts/bench for every budget', () => {
    const pieces = benchBudgetPieces();
    expect(rows.length).toBeGreaterThan(10);
    const unknown = rows
      .map((cells) => codeSpans(cells[cells.length - 1] ?? '')[0] ?? `(no bench row) ${cells[0]}`)
      .filter((key) => !pieces.some((piece) => piece.includes(key)));
    expect(unknown).toEqual([]);
  });
});

describe('docs/testing.md', () => {
  it('lists every test folder the Vitest configs run, each under the config that runs it', () => {
    const folders = (config: string) =>
      [...read(config).matchAll(/'(test\/\w+)\/\*\*\/\*\.test\.ts'/g)].map((match) => `${match[1]}/`).sort();
    const rows = tableRows(section(read('docs/testing.md'), 'The one command')).map(
      ([, where = '']) => codeSpans(where)[0],
    );
    expect(rows.slice(0, 1)).toEqual(folders('vitest.config.ts'));
    expect(rows.slice(1).sort()).toEqual(folders('vitest.browser.config.ts'));
  });

  it('quotes the closing line that npm test prints', () => {
    expect(read('docs/testing.md')).toContain('`N passed, N failed`');
    expect(README).toContain('`N passed, N failed`');
    expect(read('scripts/test-all.mjs')).toMatch(/`\$\{\w+\} passed, \$\{\w+\} failed`/);
    expect(pkg.scripts.test).toBe('node scripts/test-all.mjs');
  });
});

describe('docs/languages.md', () => {
  const languages = flat('docs/languages.md');
  const locales = readdirSync(path.join(ROOT, 'src/i18n/locales')).filter((name) =>
    statSync(path.join(ROOT, 'src/i18n/locales', name)).isDirectory(),
  );

  it('lists exactly the languages in src/i18n/locales', () => {
    const listed = [...capture(languages, /Languages: (.+?)\. The extension/).matchAll(/\*\*(\w+)\*\*/g)].map(
      (m) => m[1],
    );
    expect(listed.sort()).toEqual([...locales].sort());
  });

  it('lists exactly the catalogue areas of each language', () => {
    const areas = capture(languages, /<area>\.json` \(([^)]+)\)/).split(', ');
    for (const locale of locales) {
      const files = readdirSync(path.join(ROOT, 'src/i18n/locales', locale)).map((name) => name.replace(/\.json$/, ''));
      expect(files.sort(), locale).toEqual([...areas].sort());
    }
  });
});

describe('counts and constants quoted in docs/', () => {
  it('the message contract: its types, origins and sender cases', () => {
    const architecture = flat('docs/architecture.md');
    const reliability = flat('docs/reliability.md');
    const origins = contentScriptOrigins().length;
    expect(numberIn(capture(architecture, /valibot schema \((\d+) types\)/))).toBe(MESSAGE_TYPES);
    expect(WORDS[capture(architecture, /on one of the (\w+) origins of the manifest/)]).toBe(origins);
    expect(architecture).toContain(
      `on a site other than ${SUBFRAME_SITES.map((site) => site[0]?.toUpperCase() + site.slice(1)).join(' or ')}`,
    );
    expect(Object.keys(ALLOWED_SENDERS)).toHaveLength(MESSAGE_TYPES);
    const keyed = Object.entries(MESSAGE_SCHEMAS)
      .filter(([, schema]) => 'entries' in schema && 'idempotencyKey' in schema.entries)
      .map(([type]) => type);
    const documented = codeSpans(capture(architecture, /The \w+ messages that log outreach \(([^)]+)\)/));
    expect(documented.sort()).toEqual(keyed.sort());
    expect(WORDS[capture(architecture, /The (\w+) messages that log outreach/)]).toBe(keyed.length);

    const [types, senders, cases] = numbersIn(
      capture(reliability, /(\d+ types × \d+ sender kinds = \*\*[\d,]+ cases)/),
    );
    expect([types, senders, cases]).toEqual([
      MESSAGE_TYPES,
      senderCases().length,
      MESSAGE_TYPES * senderCases().length,
    ]);
    expect(numberIn(capture(reliability, /for each of the (\d+) origins in the manifest/))).toBe(origins);
    const payloads = capture(reliability, /\*\*([\d,]+) payloads\*\* \(\d+ types\)/);
    expect(numberIn(payloads)).toBe(10_000 * MESSAGE_TYPES);
    expect(numberIn(capture(reliability, /\*\*[\d,]+ payloads\*\* \((\d+) types\)/))).toBe(MESSAGE_TYPES);
  });

  it('the schema versions and migrations', () => {
    const data = flat('docs/data.md');
    expect(numberIn(capture(data, /`DB_VERSION`, now (\d+)\)/))).toBe(DB_VERSION);
    const reliability = flat('docs/reliability.md');
    const upgrades = MIGRATIONS.length - 1;
    expect(reliability).toContain(`**${MIGRATIONS.length} cases** (${upgrades} upgrades + a fresh install)`);
    const from = Array.from({ length: upgrades }, (_, i) => `v${i + 1}`).join(', ');
    expect(reliability).toContain(`${from} → v${DB_VERSION}`);
  });

  it('the stores and indexes of docs/data.md are the database the migrations build', async () => {
    const db = await openDatabase({ name: 'docs-claims' });
    const actual = Object.fromEntries(
      [...db.objectStoreNames].map((store) => {
        const names = db.transaction(store).store.indexNames;
        return [store, Array.from(names).sort()];
      }),
    );
    db.close();
    const documented = Object.fromEntries(
      tableRows(section(read('docs/data.md'), 'Stores and schema')).map(([store = '', , indexes = '']) => [
        codeSpans(store)[0],
        codeSpans(indexes).sort(),
      ]),
    );
    expect(documented).toEqual(actual);
  });

  it('the archive, the history counts and the backup', () => {
    const data = flat('docs/data.md');
    expect(numberIn(capture(data, /to `archive`: (\d+) buckets/))).toBe(ARCHIVE_BUCKETS);
    expect(numberIn(capture(data, /in the last (\d+) days \(`RECENT_DAYS`\)/))).toBe(RECENT_DAYS);
    const batch = capture(
      read('src/storage/archive.ts'),
      /export async function archiveSettled\(db: Db, [^\n]*batch = (\d+)\)/,
    );
    expect(numberIn(capture(data, /transactions of about (\d+) records/))).toBe(numberIn(batch));
    expect(data).toContain('over an hour old (`HISTORY_MAX_AGE_MS`)');
    expect(HISTORY_MAX_AGE_MS).toBe(60 * 60 * 1000);
    expect(numberIn(capture(data, /follow-ups due in the last (\d+) days/))).toBe(DUE_WINDOW_DAYS);
    expect(data).toContain(`format \`${BACKUP_FORMAT}\`, its own version (${BACKUP_VERSION})`);
    const backedUp = codeSpans(capture(data, /every record of ([^.]+)\./).replace(/\(archived ones included\)/, ''));
    expect(backedUp.sort()).toEqual([...BACKUP_STORES].sort());
    const header = capture(data, /import without mapping: ([^.]+)\./)
      .replace('; then', ',')
      .replace(' and ', ', ');
    expect(header.split(', ')).toEqual([...CONTACTS_CSV_HEADER]);
  });

  it('the pace, follow-up and ledger defaults of docs/features.md', () => {
    const features = flat('docs/features.md');
    expect(numberIn(capture(features, /with α \+ β = (\d+)/))).toBe(PRIOR_STRENGTH);
    expect(numberIn(capture(features, /a follow-up date \((\d+) working days by default\)/))).toBe(
      DEFAULT_PACE_SETTINGS.followUpWorkingDays,
    );
    expect(numberIn(capture(features, /without an outcome, for (\d+) days/))).toBe(DUE_WINDOW_DAYS);
    expect(numberIn(capture(features, /asks a day \((\d+) by default\)/))).toBe(
      DEFAULT_PACE_SETTINGS.realisticAsksPerDay,
    );
    const each = numberIn(capture(features, /before networks \((\d+) each by default\)/));
    expect([each, each]).toEqual([
      DEFAULT_PACE_SETTINGS.stepCapacity.customers,
      DEFAULT_PACE_SETTINGS.stepCapacity.stalled,
    ]);
    expect(features).toContain(`asked ${TIMES[OFTEN_ASKED]} or more in ${RECENT_ASK_DAYS} days`);
  });

  it('the manager brief and popup figures of docs/features.md', () => {
    const features = flat('docs/features.md');
    expect(numberIn(capture(features, /since the first use, once there are (\d+) of them/))).toBe(MIN_HISTORY_DAYS);
    expect(numberIn(capture(features, /named, (\d+) open lines a step/))).toBe(FIRST_LINES);
  });

  it('the languages of the LinkedIn company fallback are the ones the reader knows', () => {
    const words = capture(flat('docs/features.md'), /\(`(experience\|[^`]+)` in/);
    expect(read('src/content/linkedin/profile-reader.ts')).toContain(`/${words}/i`);
  });

  it("LinkedIn's length limits in the template editor", () => {
    const limits = [...read('src/options/dashboard/Templates.tsx').matchAll(/max: (\d+)/g)].map((m) => Number(m[1]));
    const [note, message, post] = numbersIn(capture(flat('docs/features.md'), /limits \((connection[^)]+)\)/));
    expect([note, message, post]).toEqual(limits);
  });

  it('the lint-enforced boundaries of docs/architecture.md are the ones eslint.config.js sets', async () => {
    type Named = string | { name: string };
    type Pattern = string | { group: string[] };
    type Restricted = [string, { paths?: Named[]; patterns?: Pattern[] }];
    const nameOf = (entry: Named) => (typeof entry === 'string' ? entry : entry.name);
    const eslint = new ESLint({ cwd: ROOT });
    const architecture = read('docs/architecture.md');
    // Each boundary as the docs state it, and a file it applies to (the effective config of that file).
    const bullets = [
      ['src/shared/**', 'src/shared/pace.ts'],
      ['src/content/**', 'src/content/linkedin/index.ts'],
      ['src/popup/**', 'src/popup/App.tsx'],
    ].map(([files = '', sample = '']) => {
      const start = architecture.indexOf(`- \`${files}\``);
      const end = architecture.indexOf('\n- ', start + 1);
      return { files, sample, text: start === -1 ? '' : architecture.slice(start, end).replace(/\s+/g, ' ') };
    });
    for (const { files, sample, text } of bullets) {
      const { rules } = (await eslint.calculateConfigForFile(sample)) as { rules: Record<string, unknown> };
      const [, imports] = (rules['no-restricted-imports'] ?? []) as Restricted;
      const globals = ((rules['no-restricted-globals'] ?? []) as Named[]).slice(1).map(nameOf);
      expect(text, files).not.toBe('');
      const named = codeSpans(text).filter((span) => !span.startsWith('src/'));
      expect(named.sort(), files).toEqual([...(imports?.paths ?? []).map(nameOf), ...globals].sort());
      // Patterns, or groups of them; a negated one is an exception the prose does not list.
      const patterns = (imports?.patterns ?? [])
        .flatMap((pattern) => (typeof pattern === 'string' ? [pattern] : pattern.group))
        .filter((pattern) => !pattern.startsWith('!'));
      const areas = [...new Set(patterns)].map((pattern) =>
        pattern
          .replaceAll('*', '')
          .replace(/^\/+|\/+$/g, '')
          .replace('/', ' '),
      );
      // The areas the prose names (code spans and the "Why:" left out), in both directions.
      const prose = text.split(' Why: ')[0]?.replace(/`[^`]*`/g, '') ?? '';
      const namedAreas = AREAS.filter((area) => new RegExp(`\\b${area}\\b`).test(prose));
      expect(namedAreas.sort(), files).toEqual(areas.sort());
    }
  }, 30_000);
});
