// Runs a command on the pinned test clock: `node scripts/with-clock.mjs vitest run …`.
// GAP_CLOSER_MOMENT picks the moment (scripts/lib/clock.mjs); `default` when unset.
import { spawnSync } from 'node:child_process';
import { clockEnv, hasLibfaketime, LIBFAKETIME } from './lib/clock.mjs';

if (!hasLibfaketime()) {
  console.error(`No libfaketime at ${LIBFAKETIME}: apt-get install -y faketime`);
  process.exit(1);
}
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-clock.mjs <command> [args…]');
  process.exit(2);
}
const result = spawnSync(command, args, {
  stdio: 'inherit',
  env: { ...process.env, ...clockEnv(process.env.GAP_CLOSER_MOMENT ?? 'default') },
});
process.exit(result.status ?? 1);
