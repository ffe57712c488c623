import browser from 'webextension-polyfill';
import type { FrameOpen } from '../../messaging/contract.ts';
import { request } from '../../messaging/client.ts';
import { FRAME_RELAY, type FrameRelay, type FrameRelayReply } from '../../messaging/page-contract.ts';
import { t } from '../../i18n/t.ts';
import { el } from './dom.ts';
import { postSession, prewarmPrivateFrame as prewarm, replaceSpare, takeSpareFrame } from './spare-frame.ts';

/** The extension page that shows everything private (web-accessible to the three sites only). */
export const FRAME_PAGE = 'src/frame/index.html';

/** What the page's side does for a frame: insert text the user chose, and say how it went. */
export interface FrameHandlers {
  insert?: (text: string, subject?: string, signOff?: string) => FrameInsertResult;
  closed?: (message?: string) => void;
}

export interface FrameInsertResult {
  inserted: boolean;
  subjectSet: boolean;
  signedOff?: boolean;
  /** Webmail: the compose window the text went into (its Send marks the draft sent). */
  composeToken?: string;
}

interface OpenFrame {
  session: string;
  iframe: HTMLIFrameElement;
  opener: HTMLElement;
  handlers: FrameHandlers;
  /** Text went into the page's editor: focus stays there for the user to review it. */
  inserted: boolean;
  /** The host of a frame loaded ahead of the click (removed with the frame). */
  spareHost?: HTMLElement;
}

let current: OpenFrame | undefined;
let listening = false;
let opening = 0;

function frameUrl(session: string): string {
  return `${browser.runtime.getURL(FRAME_PAGE)}#${session}`;
}

/**
 * Loads a hidden frame ahead of the user's click when a button that opens one is placed (and
 * keeps one while such a button is on the page, `signal` being the button's).
 */
export function prewarmPrivateFrame(doc: Document, signal: AbortSignal): void {
  prewarm(doc, frameUrl(''), signal);
}

function onRelay(message: unknown, sender: browser.Runtime.MessageSender): Promise<FrameRelayReply> | undefined {
  // Only the background speaks here: our extension, not from a tab (pages cannot send these at all).
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const relay = message as FrameRelay | null;
  if (relay?.type !== FRAME_RELAY || !current || relay.session !== current.session) return undefined;
  if (relay.action === 'insert') {
    // Focus is in the frame: take it back to this document, so the editor's own editing command
    // (one undo step, the editor's input events) runs instead of the DOM fallback.
    window.focus();
    const result = current.handlers.insert?.(relay.text, relay.subject, relay.signOff) ?? {
      inserted: false,
      subjectSet: false,
    };
    current.inserted ||= result.inserted;
    return Promise.resolve(result);
  }
  closePrivateFrame(relay.message);
  return Promise.resolve({ closed: true });
}

/** Removes the open frame, gives focus back to its button, and passes on the frame's last word. */
export function closePrivateFrame(message?: string): void {
  const open = current;
  if (!open) return;
  current = undefined;
  open.opener.setAttribute('aria-expanded', 'false');
  // Focus leaves the frame first; the frame goes out of sight now and out of the document in a
  // later task. The frame asks to close only once the key that closed it is up (frame/key-release.ts):
  // a frame removed mid-event loses the browser's acknowledgement of the event.
  if (open.opener.isConnected && !open.inserted) open.opener.focus();
  open.iframe.hidden = true;
  setTimeout(() => {
    open.iframe.remove();
    open.spareHost?.remove();
    // The next click's frame loads now, out of sight, while a button that opens one is on the page.
    replaceSpare(open.opener.ownerDocument, frameUrl(''));
  });
  open.handlers.closed?.(message);
}

/** Whether `opener`'s frame is the one open now. */
export function isFrameOpenFor(opener: HTMLElement): boolean {
  return current?.opener === opener;
}

/**
 * Opens the private frame for what the page shows, after the user's own click on `opener`.
 * The session id goes to the frame loaded ahead of the click by postMessage, or — when there is
 * none — into a new frame's address: the frame (another origin) reads what to show from the
 * background and looks up everything private itself. One frame at a time.
 */
export async function openPrivateFrame(
  root: ShadowRoot,
  open: FrameOpen,
  opener: HTMLElement,
  signal: AbortSignal,
  handlers: FrameHandlers = {},
): Promise<void> {
  if (!listening) {
    browser.runtime.onMessage.addListener(onRelay);
    listening = true;
  }
  closePrivateFrame();
  // A second click while the first is still opening: only the last one opens a frame.
  const attempt = ++opening;
  const stale = () => signal.aborted || attempt !== opening;
  const { session } = await request('frame.open', open);
  if (stale()) return;
  const ready = await takeSpareFrame();
  if (stale()) {
    ready?.host.remove();
    return;
  }
  let iframe: HTMLIFrameElement;
  if (ready) {
    iframe = ready.iframe;
    iframe.className = `private-frame ${open.view}`;
    iframe.removeAttribute('aria-hidden');
    iframe.removeAttribute('tabindex');
    postSession(iframe, session);
  } else {
    iframe = el('iframe', {
      class: `private-frame ${open.view}`,
      title: t('frameTitle'),
      src: frameUrl(session),
      // The draft is copied from inside the frame, on the user's click there.
      allow: 'clipboard-write',
    });
    root.append(iframe);
  }
  current = { session, iframe, opener, handlers, inserted: false, ...(ready && { spareHost: ready.host }) };
  opener.setAttribute('aria-expanded', 'true');
  if (ready) iframe.focus();
  else iframe.addEventListener('load', () => iframe.focus(), { once: true });
  signal.addEventListener(
    'abort',
    () => {
      if (current?.iframe === iframe) closePrivateFrame();
    },
    { once: true },
  );
}
