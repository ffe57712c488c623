// `npm run bench`: measures every performance budget of the issues on the built extension
// in Debian's Chromium, prints a table and writes .bench/results.json. Each area keeps its
// measurements in scripts/bench/<area>.ts; `npm run bench -- linkedin` runs one area.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as dashboard from './bench/dashboard.ts';
import * as importing from './bench/import.ts';
import * as linkedin from './bench/linkedin.ts';
import * as popup from './bench/popup.ts';
import * as privateFrame from './bench/private-frame.ts';
import type { BenchRow } from './bench/row.ts';
import * as webmail from './bench/webmail.ts';

const AREAS: Record<string, { measure: () => Promise<BenchRow[]> }> = {
  linkedin,
  webmail,
  popup,
  dashboard,
  import: importing,
  'private-frame': privateFrame,
};

const only = process.argv[2];
const rows: BenchRow[] = [];
for (const [name, area] of Object.entries(AREAS)) {
  if (only && name !== only) continue;
  console.log(`▶ ${name}`);
  // An area that cannot measure (a trace that saw nothing, a page that never rendered) is a
  // failed budget, not a crash that hides the other areas' figures.
  let measured: BenchRow[];
  try {
    measured = await area.measure();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    measured = [{ budget: `${name}: the measurement failed`, measured: message, limit: 'a measurement', ok: false }];
  }
  for (const row of measured) {
    rows.push(row);
    console.log(`  ${row.ok ? 'ok  ' : 'OVER'} ${row.budget}: ${row.measured} (budget ${row.limit})`);
  }
}
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', `${JSON.stringify(rows, null, 2)}\n`);
console.log('\n| budget | measured | limit | |\n|---|---|---|---|');
for (const row of rows)
  console.log(`| ${row.budget} | ${row.measured} | ${row.limit} | ${row.ok ? 'ok' : '**over**'} |`);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
