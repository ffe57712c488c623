import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { DIST } from '../browser/harness.ts';

/**
 * Build checks of issue 7 beside the manifest snapshot (built-extension.test.ts) and Mozilla's
 * linter on the Firefox build (firefox-lint.test.ts): the no-unsanitized rules over every shipped
 * source file, and a stricter scan of dist/ for code that could run something not in the package.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the reason web-ext lint accepts one warning (test/dist/firefox-lint.test.ts) holds', () => {
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
    // The one web-accessible file is the private frame's page (built-extension.test.ts pins it).
    expect((manifest.web_accessible_resources ?? []).flatMap((entry) => (entry as { resources: string[] }).resources)).toEqual([
      'src/frame/index.html',
    ]);
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
