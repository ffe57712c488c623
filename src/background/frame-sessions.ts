import browser from 'webextension-polyfill';
import type { FrameSession, SessionStore } from './handlers/index.ts';

const PREFIX = 'frame:';
/** Sessions kept at most; the oldest go first (a tab left open for days does not pile them up). */
const MAX_SESSIONS = 50;

/**
 * Private frame sessions in storage.session: kept in memory by the browser, gone when it quits,
 * readable by extension contexts only (content scripts are not granted access), and still there
 * when the service worker wakes again after the user spent minutes in the dialog.
 */
export const sessionStore: SessionStore = {
  async get(id) {
    const stored = await browser.storage.session.get(PREFIX + id);
    return stored[PREFIX + id] as FrameSession | undefined;
  },
  async set(id, session) {
    const all = await browser.storage.session.get(null);
    const keys = Object.keys(all).filter((key) => key.startsWith(PREFIX) && key !== PREFIX + id);
    const stale = keys
      .sort((a, b) => (all[a] as FrameSession).createdAt - (all[b] as FrameSession).createdAt)
      .slice(0, Math.max(0, keys.length - MAX_SESSIONS + 1));
    if (stale.length) await browser.storage.session.remove(stale);
    await browser.storage.session.set({ [PREFIX + id]: session });
  },
  async delete(id) {
    await browser.storage.session.remove(PREFIX + id);
  },
};
