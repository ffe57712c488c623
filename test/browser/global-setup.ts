import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DIST } from './harness.ts';

/** Browser tests load dist/: build it once unless the caller already did (npm test does). */
export default function setup(): void {
  if (process.env.GAP_CLOSER_SKIP_BUILD === '1' && existsSync(`${DIST}/manifest.json`)) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
