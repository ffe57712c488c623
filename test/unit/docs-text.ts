// Reading the project's Markdown and the bench's row names, for test/unit/docs-claims.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function read(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** README.md, PRIVACY.md and every page in docs/, as paths from the root. */
export function markdownFiles(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', 'PRIVACY.md', ...docs];
}

/** Link and image targets outside code: `[text](target)` and `![alt](target)`. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

/** The text of a `## heading` section, up to the next heading of the same or a higher level. */
export function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start === -1) throw new Error(`No section "## ${heading}"`);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The body rows of the Markdown tables in `text` (each table's header left out), as trimmed cells. */
export function tableRows(text: string): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    const isRow = line.startsWith('|');
    const isHeader = isRow && !inTable;
    inTable = isRow;
    if (!isRow || isHeader || /^\|\s*-/.test(line)) continue;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The `code` spans of a piece of Markdown. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '');
}

/**
 * The string literal that starts at `at` (quote or backtick), as its static pieces: a template
 * literal's `${…}` parts split it (braces and nested strings inside them are skipped over).
 */
function literalAt(source: string, at: number): string[] {
  const quote = source[at];
  const pieces: string[] = [];
  let current = '';
  for (let i = at + 1; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      current += source[i + 1] ?? '';
      i++;
    } else if (char === quote) {
      pieces.push(current);
      return pieces;
    } else if (quote === '`' && char === '$' && source[i + 1] === '{') {
      pieces.push(current);
      current = '';
      let depth = 0;
      for (i += 1; i < source.length; i++) {
        if (source[i] === '{') depth++;
        else if (source[i] === '}' && --depth === 0) break;
      }
    } else current += char;
  }
  throw new Error(`Unterminated string at ${at}`);
}

/**
 * The static text of every bench row's budget name in scripts/bench/: the literal after
 * `budget:` or as the first argument of `budgetRow(`.
 */
export function benchBudgetPieces(): string[] {
  const dir = path.join(ROOT, 'scripts/bench');
  const pieces: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/(?:\bbudget:|\bbudgetRow\()\s*(?=['"`])/g)) {
      pieces.push(...literalAt(source, (match.index ?? 0) + match[0].length).filter((piece) => piece.trim()));
    }
  }
  return pieces;
}

/** The first capture of `pattern` in `text`; fails the caller's expectation when absent. */
export function capture(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`The docs no longer say ${pattern}`);
  return match[1];
}

/** "1,234" → 1234. */
export function numberIn(text: string): number {
  return Number(text.replaceAll(',', ''));
}

/** Every number in `text`, thousands separators allowed: "300, 8,000 and 3,000" → [300, 8000, 3000]. */
export function numbersIn(text: string): number[] {
  return (text.match(/\d+(?:,\d{3})*/g) ?? []).map(numberIn);
}
