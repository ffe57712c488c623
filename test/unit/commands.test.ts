// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { relayCommand, shortcutOf } from '../../src/background/commands.ts';
import { route } from '../../src/background/router.ts';
import type { SenderInfo } from '../../src/messaging/sender.ts';
import { showShortcut } from '../../src/content/webmail/template-menu.ts';

const fake = vi.hoisted(() => ({
  sent: [] as { tabId: number; message: unknown }[],
  commands: [] as { name?: string; shortcut?: string }[],
  activeTab: 7 as number | undefined,
}));

vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('./i18n-fake.ts')).fakeI18n,
    tabs: {
      query: async () => (fake.activeTab === undefined ? [] : [{ id: fake.activeTab }]),
      sendMessage: async (tabId: number, message: unknown) => void fake.sent.push({ tabId, message }),
    },
    commands: { getAll: async () => fake.commands },
  },
}));

beforeEach(() => {
  fake.sent = [];
  fake.commands = [
    { name: '_execute_action', shortcut: 'Alt+Shift+G' },
    { name: 'insert-template', shortcut: 'Ctrl+Shift+Y' },
  ];
  fake.activeTab = 7;
});

const SELF = { id: 'gapcloserextensionidgapcloserext', origin: 'chrome-extension://gapcloserextensionidgapcloserext' };
const sender = (url: string): SenderInfo => ({
  id: SELF.id,
  url,
  origin: new URL(url).origin,
  frameId: 0,
  tab: { id: 3 },
});
const GMAIL = sender('https://mail.google.com/mail/u/0/#inbox');
const LINKEDIN = sender('https://www.linkedin.com/in/jordan-whitfield/');
const unusedDb = () => Promise.reject(new Error('no database here'));

describe('the insert-template shortcut, as the user bound it', () => {
  it('is read from the browser’s commands: the binding the user chose, or nothing when cleared', async () => {
    expect(await shortcutOf('insert-template')).toBe('Ctrl+Shift+Y');
    fake.commands = [{ name: 'insert-template', shortcut: '' }];
    expect(await shortcutOf('insert-template')).toBe('');
    fake.commands = [{ name: 'insert-template' }];
    expect(await shortcutOf('insert-template')).toBe('');
  });

  it('reaches the mail sites’ content scripts through the one message contract, and no other page', async () => {
    const ctx = { db: unusedDb, now: () => new Date(), shortcutOf };
    const message = { type: 'shortcut.insertTemplate', payload: {} };
    expect(await route(message, GMAIL, SELF, ctx)).toEqual({ ok: true, data: { shortcut: 'Ctrl+Shift+Y' } });
    expect(await route(message, LINKEDIN, SELF, ctx)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ ...message, payload: { command: 'x' } }, GMAIL, SELF, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('is shown on the button as reported; a cleared one is not advertised', () => {
    const trigger = document.createElement('button');
    showShortcut(trigger, 'Ctrl+Shift+Y');
    expect(trigger.title).toBe('Insert template (Ctrl+Shift+Y)');
    expect(trigger.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+Y');
    // As the browser's settings show it: macOS symbols, or localised (a German Chrome): shown,
    // but not said in ARIA's key names, so not claimed there.
    for (const shown of ['⌥⇧I', 'Alt+Umschalttaste+I']) {
      showShortcut(trigger, shown);
      expect(trigger.title).toBe(`Insert template (${shown})`);
      expect(trigger.hasAttribute('aria-keyshortcuts')).toBe(false);
    }
    showShortcut(trigger, '');
    expect(trigger.hasAttribute('title')).toBe(false);
    expect(trigger.hasAttribute('aria-keyshortcuts')).toBe(false);
  });
});

describe('the command relay', () => {
  it('tells the tab the command came from, else the active tab; other commands are not relayed', async () => {
    await relayCommand('insert-template', { id: 4 } as never);
    await relayCommand('insert-template', undefined);
    await relayCommand('_execute_action', { id: 4 } as never);
    expect(fake.sent).toEqual([
      { tabId: 4, message: { type: 'gap-closer.command', command: 'insert-template' } },
      { tabId: 7, message: { type: 'gap-closer.command', command: 'insert-template' } },
    ]);
  });
});
