// `npm run bench`: measures every performance budget of the issues on the built extension
// in Debian's Chromium, prints a table and writes .bench/results.json. Each area keeps its
// measurements in scripts/bench/<area>.ts, exporting `measure(): Promise<BenchRow[]>`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './bench/row.ts';

const dir = path.join(import.meta.dirname, 'bench');
const only = process.argv[2];
const rows: BenchRow[] = [];
for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'row.ts').sort()) {
  if (only && !file.startsWith(only)) continue;
  const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { measure: () => Promise<BenchRow[]> };
  console.log(`▶ ${file}`);
  for (const row of await module.measure()) {
    rows.push(row);
    console.log(`  ${row.ok ? 'ok  ' : 'OVER'} ${row.budget}: ${row.measured} (budget ${row.limit})`);
  }
}
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', `${JSON.stringify(rows, null, 2)}\n`);
console.log('\n| budget | measured | limit | |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.budget} | ${row.measured} | ${row.limit} | ${row.ok ? 'ok' : '**over**'} |`);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
