import type { Address } from '../../shared/email-address.ts';

/** One compose window as its reader sees it at a given moment (recipients change as you type). */
export interface ComposeInfo {
  /** The compose window's own element: one button per container, never two. */
  container: Element;
  /** The contenteditable message body. */
  body: HTMLElement;
  /** The subject field; null in an inline reply that hides it. */
  subject: HTMLInputElement | null;
  /** To-recipients in the order shown; the first one is who the draft is for. */
  recipients: Address[];
}

/** An open conversation in the reading pane, with everyone it names. */
export interface ThreadInfo {
  /** Where the outcome action goes (after it, as a sibling). */
  anchor: Element;
  participants: Address[];
}

/** What a webmail site plugs into the shared watcher. */
export interface WebmailAdapter {
  site: 'gmail' | 'outlook';
  /** Compose bodies anywhere in the document: the only selector the page scan runs per batch. */
  bodySelector: string;
  /** The compose window's Send button (the user's trusted click on it marks our draft sent). */
  sendSelector: string;
  /** The compose window around a body; null when the element is not a message body. */
  composeOf: (body: HTMLElement) => ComposeInfo | null;
  /** Puts the button's host in or beside the compose window's bottom toolbar. */
  placeButton: (compose: ComposeInfo, host: HTMLElement) => void;
  /** The open conversation, or null; its anchor is looked up with `threadSelector`. */
  threadSelector?: string;
  readThread?: (root: ParentNode) => ThreadInfo | null;
}
