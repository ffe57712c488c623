import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../browser/harness.ts';

const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as {
  commands?: Record<string, { suggested_key?: { default?: string }; description?: string }>;
};

describe('keyboard shortcuts in the built manifest', () => {
  it('opens the popup (and its "On this page" actions) with Alt+Shift+G', () => {
    expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+G');
  });

  it('gives every shortcut a description and distinct keys', () => {
    const commands = Object.values(manifest.commands ?? {});
    expect(commands.every((command) => Boolean(command.description))).toBe(true);
    const keys = commands.map((command) => command.suggested_key?.default);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
