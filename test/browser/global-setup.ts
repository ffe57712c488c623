import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DIST } from './harness.ts';

/** Browser tests load dist/: build it once unless the caller already did (npm test does). */
export default function setup(): void {
  if (process.env.GAP_CLOSER_SKIP_BUILD === '1' && existsSync(`${DIST}/manifest.json`)) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  // The Firefox build goes to its own folder (dist-firefox/, or GAP_CLOSER_DIST_FIREFOX).
  const { GAP_CLOSER_DIST: _chromeFolder, ...env } = process.env;
  if (process.env.GAP_CLOSER_DIST_FIREFOX) env.GAP_CLOSER_DIST = process.env.GAP_CLOSER_DIST_FIREFOX;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...env, GAP_CLOSER_BROWSER: 'firefox' },
  });
}
