import type { MessageType, Payload, Replies } from '../../messaging/contract.ts';
import type { Db } from '../../storage/db.ts';

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
}

export type Handler<T extends MessageType> = (payload: Payload<T>, ctx: HandlerContext) => Promise<Replies[T]>;
export type HandlerMap<K extends MessageType> = { [T in K]: Handler<T> };
