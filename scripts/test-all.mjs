// The one test command (`npm test`): build, static checks, unit tests, real-browser tests.
// Ends with a plain "N passed, N failed" line: the totals of every suite it ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CALENDAR_MOMENTS, clockEnv, hasLibfaketime, LIBFAKETIME } from './lib/clock.mjs';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A check that is one pass or one failure (build, typecheck, lint). */
function check(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const ok = run(command, args, env);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  return ok;
}

/** A Vitest suite: every test counts; a suite that could not run at all counts as one failure. */
function suite(name, config, env = {}, files = []) {
  console.log(`\n▶ ${name}`);
  const output = path.join(reports, `${name.replaceAll(' ', '-')}.json`);
  const ok = run(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${output}`,
      ...files,
    ],
    env,
  );
  if (!existsSync(output)) {
    failed++;
    lines.push(`FAIL ${name}: did not run`);
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const suitePassed = report.numPassedTests;
  // Files that failed to load count as failures even when no test inside them ran.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  const suiteFailed = report.numFailedTests + brokenFiles + (!ok && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
  passed += suitePassed;
  failed += suiteFailed;
  lines.push(`${suiteFailed ? 'FAIL' : 'PASS'} ${name}: ${suitePassed} passed, ${suiteFailed} failed`);
  lines.push(...namedResults(report, root));
  if (!ok && report.numFailedTests + brokenFiles === 0)
    lines.push(`  ✗ ${name}: Vitest failed with every test passing (an unhandled error: see "Unhandled" in the log)`);
}

/**
 * The tests a summary must name: each failure (the CI log may keep only its tail) and each test
 * that passed only on its retry (flaky: fixed, not hidden).
 */
function namedResults(report, rootDir) {
  const named = [];
  for (const file of report.testResults) {
    const where = path.relative(rootDir, file.name);
    if (file.status === 'failed' && file.assertionResults.length === 0)
      named.push(`  ✗ ${where}: ${firstLine(file.message)}`);
    for (const test of file.assertionResults) {
      if (test.status === 'failed')
        named.push(`  ✗ ${where} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
      else if (test.status === 'passed' && test.failureMessages.length > 0)
        named.push(`  ↻ passed on retry: ${where} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    }
  }
  return named;
}

function firstLine(text = '') {
  return text.split('\n', 1)[0].slice(0, 200);
}

const built = check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
const builtFirefox = check('build (firefox)', 'npx', ['vite', 'build', '--logLevel', 'warn'], {
  GAP_CLOSER_BROWSER: 'firefox',
  GAP_CLOSER_DIST: process.env.GAP_CLOSER_DIST_FIREFOX ?? 'dist-firefox',
});
check('typecheck', 'npx', ['tsc', '--noEmit']);
check('eslint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('prettier', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);

// Every suite runs on a pinned clock (scripts/lib/clock.mjs): no result depends on the day it runs.
const moment = process.env.GAP_CLOSER_MOMENT ?? 'default';
// `npm run test:calendar` runs everything at every moment; `npm test` runs the tests that read the
// calendar (CALENDAR_MOMENTS.unitFiles and .browserFiles) at the other moments too.
const everything = process.argv.includes('--calendar');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!hasLibfaketime()) {
  failed++;
  lines.push(`FAIL tests: not run, no libfaketime at ${LIBFAKETIME} (apt-get install -y faketime)`);
} else {
  suite('unit', 'vitest.config.ts', clockEnv(moment));
  if (!built || !builtFirefox) {
    failed++;
    lines.push('FAIL browser: not run, a build failed');
  } else if (!existsSync(chromium)) {
    failed++;
    lines.push(`FAIL browser: no Chromium at ${chromium} (apt-get install -y chromium)`);
  } else {
    suite('browser', 'vitest.browser.config.ts', { ...clockEnv(moment), GAP_CLOSER_SKIP_BUILD: '1' });
    for (const other of CALENDAR_MOMENTS.names.filter((name) => name !== moment)) {
      const env = { ...clockEnv(other), GAP_CLOSER_SKIP_BUILD: '1' };
      suite(`unit at ${other}`, 'vitest.config.ts', env, everything ? [] : CALENDAR_MOMENTS.unitFiles);
      suite(`browser at ${other}`, 'vitest.browser.config.ts', env, everything ? [] : CALENDAR_MOMENTS.browserFiles);
    }
  }
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
