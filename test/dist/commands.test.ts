import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../browser/harness.ts';

const DIST_FIREFOX = path.resolve(DIST, '..', process.env.GAP_CLOSER_DIST_FIREFOX ?? 'dist-firefox');

interface Command {
  suggested_key?: { default?: string };
  description?: string;
}

function built(dist: string): { commands: Record<string, Command>; messages: Record<string, { message: string }> } {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
    commands?: Record<string, Command>;
  };
  const messages = JSON.parse(readFileSync(path.join(dist, '_locales', 'en', 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return { commands: manifest.commands ?? {}, messages };
}

/** Keys both browsers accept for a suggested shortcut (Firefox is the stricter: a modifier, then one key). */
const SUGGESTABLE = /^(Alt|Ctrl)\+(Shift\+)?[A-Z0-9]$/;

describe.each([
  ['Chrome', DIST],
  ['Firefox', DIST_FIREFOX],
])('keyboard shortcuts in the built %s manifest', (_name, dist) => {
  it('opens the popup with Alt+Shift+G and inserts a template with Alt+Shift+I', () => {
    const { commands } = built(dist);
    expect(commands._execute_action?.suggested_key?.default).toBe('Alt+Shift+G');
    // A command, not a key read by the page: the user can rebind it in the browser's settings.
    expect(commands['insert-template']?.suggested_key?.default).toBe('Alt+Shift+I');
  });

  it('gives every shortcut a described, valid and distinct key', () => {
    const { commands, messages } = built(dist);
    for (const command of Object.values(commands)) {
      const key = /^__MSG_(\w+)__$/.exec(command.description ?? '')?.[1];
      expect(key && messages[key]?.message).toBeTruthy();
      expect(command.suggested_key?.default).toMatch(SUGGESTABLE);
    }
    const keys = Object.values(commands).map((command) => command.suggested_key?.default);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
