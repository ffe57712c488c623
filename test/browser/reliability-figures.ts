import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/reliability');

/** Prints a measured figure and keeps it in test-results/reliability/ for docs/reliability.md. */
export function recordFigure(name: string, figures: Record<string, number | string>): void {
  console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
