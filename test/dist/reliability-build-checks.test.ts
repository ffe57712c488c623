import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { DIST } from '../browser/harness.ts';

/**
 * Build checks of issue 7 that the manifest snapshot (built-extension.test.ts) does not cover:
 * Mozilla's linter on the build, the no-unsanitized rules over every shipped source file, and
 * a stricter scan of dist/ for code that could run something not in the package.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/**
 * The Chrome build as the Firefox build of issue 8 will ship it: `background.scripts` for
 * the service worker, a gecko id and the data-collection declaration (nothing is collected).
 */
function firefoxCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gap-closer-firefox-'));
  cpSync(DIST, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown> & {
    background: { service_worker: string; type?: string };
  };
  // Firefox runs the same module as an event page: `scripts` instead of `service_worker`.
  manifest.background = { scripts: [manifest.background.service_worker], type: manifest.background.type } as never;
  manifest.browser_specific_settings = {
    gecko: { id: 'gap-closer@gap-closer.invalid', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * Warnings accepted, each for a stated reason:
 * - UNSAFE_VAR_ASSIGNMENT in a bundle holding Preact's renderer: Preact assigns innerHTML only
 *   for `dangerouslySetInnerHTML`, which no source file uses (checked below).
 */
function accepted(warning: LintMessage): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file) return false;
  const code = readFileSync(path.join(DIST, warning.file), 'utf8');
  return /innerHTML/.test(warning.message) && code.includes('.__html');
}

describe('web-ext lint (Mozilla addons-linter) on the build', () => {
  it('0 errors, and only the accepted warnings', { timeout: 120_000 }, async () => {
    const dir = firefoxCopy();
    try {
      const { stdout } = await run(
        'npx',
        ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
        { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
        errors: LintMessage[];
        warnings: LintMessage[];
        notices: LintMessage[];
      };
      expect(report.errors.map((error) => `${error.code} ${error.file ?? ''}: ${error.message}`)).toEqual([]);
      expect(report.warnings.filter((warning) => !accepted(warning))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no source file uses dangerouslySetInnerHTML (the reason Preact’s innerHTML warning is accepted)', () => {
    const sources = filesUnder(path.join(ROOT, 'src')).filter((file) => /\.(tsx?|jsx?)$/.test(file));
    for (const file of sources) expect(readFileSync(file, 'utf8'), file).not.toContain('dangerouslySetInnerHTML');
  });
});

describe('eslint-plugin-no-unsanitized over every shipped source file', () => {
  it('0 findings in src/, and the rules are on (a canary is caught)', { timeout: 120_000 }, async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const results = await eslint.lintFiles(['src/']);
    const findings = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId?.startsWith('no-unsanitized/'))
        .map((message) => `${path.relative(ROOT, result.filePath)}:${message.line} ${message.ruleId}`),
    );
    expect(results.length).toBeGreaterThan(20);
    expect(findings).toEqual([]);
    const [canary] = await eslint.lintText(
      'export function show(el: HTMLElement, html: string): void {\n  el.innerHTML = html;\n  el.insertAdjacentHTML("beforeend", html);\n}\n',
      { filePath: path.join(ROOT, 'src/content/ui/canary.ts') },
    );
    expect(canary?.messages.map((message) => message.ruleId).sort()).toEqual([
      'no-unsanitized/method',
      'no-unsanitized/property',
    ]);
  });
});

describe('dist/ runs only its own code', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
    content_security_policy?: { extension_pages?: string };
    externally_connectable?: unknown;
    web_accessible_resources?: unknown[];
  };

  it('CSP allows no eval, no inline script and no remote script', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim().split(/\s+/)).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:/);
  });

  it('no web page can message the extension (no externally_connectable) or load its files', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('no string-evaluating timers, no remote imports or scripts in any bundle', () => {
    const code = filesUnder(DIST).filter((file) => /\.(m?js|html)$/.test(file));
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\bset(?:Timeout|Interval)\s*\(\s*["'`]/);
      expect(text, file).not.toMatch(/\bimport\s*\(\s*["'`]https?:/);
      expect(text, file).not.toMatch(/\bimportScripts\s*\(/);
      expect(text, file).not.toMatch(/<script[^>]+src=["']?(?:https?:)?\/\//i);
      expect(text, file).not.toMatch(/\bnew\s+Function\s*\(|\beval\s*\(/);
    }
  });
});
