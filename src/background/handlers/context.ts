import type { FrameOpen, MessageType, Payload, Replies, Site } from '../../messaging/contract.ts';
import type { FrameRelay, FrameRelayReply } from '../../messaging/page-contract.ts';
import type { Db } from '../../storage/db.ts';

/** One private frame: who opened it (tab, frame, site), for what, and which frame claimed it. */
export interface FrameSession {
  tabId: number;
  frameId: number;
  site: Site;
  open: FrameOpen;
  /** The extension frame that read the session: only it may insert or close afterwards. */
  claimedBy?: { tabId: number; frameId: number };
  createdAt: number;
}

/** Where sessions live: storage.session in the worker (it survives the worker's stops), a Map in tests. */
export interface SessionStore {
  get: (id: string) => Promise<FrameSession | undefined>;
  set: (id: string, session: FrameSession) => Promise<void>;
  delete: (id: string) => Promise<void>;
}

/** The sender of the message being handled, as the router classified it. */
export interface SenderContext {
  kind: 'extension-page' | 'content-script';
  site?: Site;
  tabId?: number;
  frameId: number;
}

export interface HandlerContext {
  db: () => Promise<Db>;
  now: () => Date;
  /** The browser's UI language, which picks the built-in templates' language (absent: English). */
  locale?: () => string;
  /**
   * Re-creates the reminder alarms, redraws the badge and recomputes the named queue (only when
   * it is from another day with `queueIfStale`). The worker wires it; tests may leave it out.
   */
  refreshReminders?: (queueIfStale?: boolean) => Promise<string>;
  /** The key bound to a manifest command, '' when none (the worker asks browser.commands). */
  shortcutOf?: (command: string) => Promise<string>;
  /** Set by the router for each message. */
  sender?: SenderContext;
  /** Private frame sessions (absent: the frame messages fail). */
  sessions?: SessionStore;
  /** Sends a relay to one frame of a tab (the worker wires tabs.sendMessage). */
  toFrame?: (tabId: number, frameId: number, message: FrameRelay) => Promise<FrameRelayReply>;
  /** A fresh session id (tests may fix it). */
  newSessionId?: () => string;
}

export type Handler<T extends MessageType> = (payload: Payload<T>, ctx: HandlerContext) => Promise<Replies[T]>;
export type HandlerMap<K extends MessageType> = { [T in K]: Handler<T> };
