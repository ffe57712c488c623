import browser from 'webextension-polyfill';
import { FRAME_SESSION_POST, type FrameSessionPost } from '../../messaging/page-contract.ts';
import { t } from '../../i18n/t.ts';
import { el } from './dom.ts';
import hostStyles from './frame-host.css?inline';
import frameStyles from './private-frame.css?inline';
import { attachHost, FRAME_HOST_TAG, type Host } from './shadow-host.ts';

/**
 * A private frame loaded before the click. An extension page takes ~100 ms to load into a
 * site's tab whatever it holds (a blank page ~75 ms, measured in Chromium), which alone would
 * break the 100 ms budget from click to dialog. So when a button that opens one is placed, a
 * frame is loaded hidden (out of sight and of the accessibility tree), holding no session and
 * asking nothing; the click hands it its session by postMessage (src/frame/main.ts).
 */
interface Spare {
  host: Host;
  iframe: HTMLIFrameElement;
  /** Loads seen: a second one means something navigated our frame elsewhere. */
  loads: number;
  loaded: Promise<void>;
}

/** How long a click waits for a spare frame still loading before it loads a frame of its own. */
const LOAD_WAIT_MS = 2000;

let spare: Spare | undefined;
/** The mounted buttons that open frames: the spare lives while one of them does. */
const holders = new Set<AbortSignal>();

/**
 * Keeps a hidden frame loaded for the next click while the button mounted under `signal` is on
 * the page: loaded now if there is none, removed when the last such button goes (navigation,
 * in-page buttons switched off).
 */
export function prewarmPrivateFrame(doc: Document, src: string, signal: AbortSignal): void {
  if (signal.aborted) return;
  if (!holders.has(signal)) {
    holders.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        holders.delete(signal);
        if (holders.size === 0) dropSpare();
      },
      { once: true },
    );
  }
  loadSpare(doc, src);
}

/** After a frame closes: the next click's frame loads now, if a button that opens one is still there. */
export function replaceSpare(doc: Document, src: string): void {
  if (holders.size > 0) loadSpare(doc, src);
}

function dropSpare(): void {
  spare?.host.element.remove();
  spare = undefined;
}

function loadSpare(doc: Document, src: string): void {
  if (spare?.iframe.isConnected) return;
  // Ours from before (a content script of an earlier version, or a spare the page moved): gone.
  for (const stale of doc.querySelectorAll(FRAME_HOST_TAG)) stale.remove();
  const host = attachHost('spare', hostStyles + frameStyles, FRAME_HOST_TAG);
  const iframe = el('iframe', {
    class: 'private-frame-spare',
    title: t('frameTitle'),
    src,
    allow: 'clipboard-write',
    'aria-hidden': 'true',
    tabindex: '-1',
  });
  let loadedNow: () => void = () => undefined;
  const next: Spare = { host, iframe, loads: 0, loaded: new Promise((resolve) => (loadedNow = resolve)) };
  iframe.addEventListener('load', () => {
    next.loads++;
    loadedNow();
  });
  host.root.append(iframe);
  (doc.body ?? doc.documentElement).append(host.element);
  spare = next;
}

/**
 * The spare frame for this click, once it has loaded our page (waiting a little if it is still
 * loading); none if the page removed it or navigated it elsewhere — the click then loads its own.
 */
export async function takeSpareFrame(): Promise<{ iframe: HTMLIFrameElement; host: HTMLElement } | undefined> {
  const taken = spare;
  spare = undefined;
  if (!taken) return undefined;
  const timedOut = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), LOAD_WAIT_MS));
  const late = (await Promise.race([taken.loaded, timedOut])) === 'late';
  if (late || taken.loads !== 1 || !taken.iframe.isConnected) {
    taken.host.element.remove();
    return undefined;
  }
  return { iframe: taken.iframe, host: taken.host.element };
}

/**
 * Hands the loaded frame its session, addressed to our extension's origin only: were the frame
 * navigated elsewhere in the meantime, the browser drops the message.
 */
export function postSession(iframe: HTMLIFrameElement, session: string): void {
  const message: FrameSessionPost = { type: FRAME_SESSION_POST, session };
  // Chromium's frame runs at the extension id's origin (the address we load is a per-session
  // alias of it); Firefox's at the moz-extension origin runtime.getURL gives.
  const ours = new URL(browser.runtime.getURL(''));
  const origin = ours.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : ours.origin;
  iframe.contentWindow?.postMessage(message, origin);
}
