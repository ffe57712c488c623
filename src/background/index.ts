import browser, { type Runtime } from 'webextension-polyfill';
import { getDb } from '../storage/db.ts';
import { relayCommand } from './commands.ts';
import { route } from './router.ts';

const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('')).origin };
const context = { db: getDb, now: () => new Date() };

// Registered synchronously at the top level so a message that wakes the worker is not missed.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender, self, context),
);
browser.commands.onCommand.addListener((command, tab) => void relayCommand(command, tab));
