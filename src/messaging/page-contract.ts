import type { Group, Person } from './contract.ts';

/**
 * What extension pages and content scripts say to each other outside the background contract.
 * Only non-private flags live in storage.local (content scripts can read it; pages cannot).
 */

/** storage.local key: false when the user switched in-page buttons off. */
export const IN_PAGE_BUTTONS_KEY = 'inPageButtons';

/** The manifest's command that opens the focused compose window's template menu. */
export const INSERT_TEMPLATE_COMMAND = 'insert-template';

/** tabs.sendMessage from the popup to a LinkedIn tab: "what person or group is on screen?" */
export const PAGE_READ_REQUEST = 'page.read';

/** tabs.sendMessage from the background to every frame of a tab: a keyboard command to act on. */
export const PAGE_COMMAND = 'gap-closer.command';

/** The body of a PAGE_COMMAND message (`command` is the manifest's command name). */
export interface PageCommand {
  type: typeof PAGE_COMMAND;
  command: string;
}

/** The reply to PAGE_READ_REQUEST: the person or group on screen. */
export type PageSubject = { kind: 'profile'; person: Person } | { kind: 'group'; group: Group } | { kind: 'none' };

/**
 * tabs.sendMessage from the background to the content script that opened a private frame: put
 * the chosen text into the editor, or close the frame. Content scripts accept it only from
 * their own extension with no tab (the background), never from a page.
 */
export const FRAME_RELAY = 'gap-closer.frame';

export type FrameRelay =
  | { type: typeof FRAME_RELAY; session: string; action: 'insert'; text: string; subject?: string; signOff?: string }
  | { type: typeof FRAME_RELAY; session: string; action: 'close'; message?: string };

/** The content script's answer to an insert; a close is answered with `{ closed: true }`. */
export interface FrameRelayReply {
  inserted?: boolean;
  subjectSet?: boolean;
  /** The sign-off went in too (the compose had no signature of its own). */
  signedOff?: boolean;
  /** Webmail: the token of the compose window the text went into (its Send marks the draft sent). */
  composeToken?: string;
  closed?: boolean;
}

/**
 * window.postMessage from a content script to a private frame it loaded ahead of the click:
 * the click's session. Never written into the page (the DOM), so a page script cannot learn it;
 * one it posts itself names no session the worker knows, and the frame waits on.
 */
export const FRAME_SESSION_POST = 'gap-closer.frame-session';

export interface FrameSessionPost {
  type: typeof FRAME_SESSION_POST;
  session: string;
}
