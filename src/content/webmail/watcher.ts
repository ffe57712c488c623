import browser from 'webextension-polyfill';
import { request } from '../../messaging/client.ts';
import { createWebmailHost, hostsIn } from './host.ts';
import { createOutcomeAction } from './outcome-action.ts';
import { createTemplateMenu, type TemplateMenu } from './template-menu.ts';
import type { ThreadInfo, WebmailAdapter } from './types.ts';

/** The command name in the manifest; the background relays it to the focused tab. */
export const INSERT_TEMPLATE_COMMAND = 'insert-template';

/** At most this many page scans a second, however busy the mail app's DOM is. */
const MIN_SCAN_GAP_MS = 120;

interface Compose {
  container: Element;
  controller: AbortController;
  menu: TemplateMenu;
  focusedAt: number;
}

interface Thread {
  anchor: Element;
  controller: AbortController;
}

/**
 * Watches one document for compose windows and open conversations. The single MutationObserver
 * only notes that something changed; at most once per MIN_SCAN_GAP_MS (and per frame) one
 * selector query finds compose bodies, so the mail app's own DOM churn costs almost nothing.
 * Each compose window gets one button (a host marker prevents a second) and its own
 * AbortController, aborted when the window goes.
 */
export function watchWebmail(adapter: WebmailAdapter, doc: Document = document): () => void {
  const page = new AbortController();
  const composes = new Map<HTMLElement, Compose>();
  const notCompose = new WeakSet<HTMLElement>();
  let thread: Thread | undefined;
  let threadSeen: Element | null = null;
  let scheduled = false;
  let lastScan = -Infinity;

  // A previous copy of this script (the extension was reloaded) may have left dead buttons.
  for (const stale of [...hostsIn(doc, 'compose'), ...hostsIn(doc, 'thread')]) stale.remove();

  function attach(body: HTMLElement): void {
    const compose = adapter.composeOf(body);
    if (!compose) {
      notCompose.add(body);
      return;
    }
    // The DOM marker: a compose window that already holds our host gets no second one.
    if (hostsIn(compose.container, 'compose').length > 0) return;
    const controller = new AbortController();
    const host = createWebmailHost('compose');
    const menu = createTemplateMenu(host.root, () => adapter.composeOf(body), body, controller.signal);
    adapter.placeButton(compose, host.element);
    const entry: Compose = { container: compose.container, controller, menu, focusedAt: 0 };
    compose.container.addEventListener('focusin', () => (entry.focusedAt = performance.now()), {
      signal: controller.signal,
    });
    controller.signal.addEventListener('abort', () => host.element.remove(), { once: true });
    composes.set(body, entry);
  }

  async function showThread(info: ThreadInfo, controller: AbortController): Promise<void> {
    const emails = info.participants.slice(0, 10).map((person) => person.email);
    const { contacts } = await request('contact.lookup', { emails });
    const match = info.participants.find((person) => contacts.some((contact) => contact.email === person.email));
    if (!match || controller.signal.aborted || !info.anchor.isConnected) return;
    const host = createWebmailHost('thread');
    createOutcomeAction(host.root, match, controller.signal);
    info.anchor.after(host.element);
    controller.signal.addEventListener('abort', () => host.element.remove(), { once: true });
  }

  function scanThread(): void {
    if (!adapter.threadSelector || !adapter.readThread) return;
    const anchor = doc.querySelector(adapter.threadSelector);
    if (anchor === threadSeen && (!anchor || anchor.isConnected)) return;
    thread?.controller.abort();
    thread = undefined;
    threadSeen = anchor;
    if (!anchor) return;
    const info = adapter.readThread(doc);
    if (!info) {
      // Participants may render a moment after the subject: look again on the next change.
      threadSeen = null;
      return;
    }
    const controller = new AbortController();
    thread = { anchor, controller };
    showThread(info, controller).catch(() => undefined);
  }

  function scan(): void {
    scheduled = false;
    lastScan = performance.now();
    if (page.signal.aborted) return;
    for (const body of doc.querySelectorAll<HTMLElement>(adapter.bodySelector)) {
      if (!composes.has(body) && !notCompose.has(body)) attach(body);
    }
    for (const [body, entry] of composes) {
      if (!body.isConnected || !entry.container.isConnected) {
        entry.controller.abort();
        composes.delete(body);
      }
    }
    scanThread();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const wait = Math.max(0, lastScan + MIN_SCAN_GAP_MS - performance.now());
    setTimeout(() => requestAnimationFrame(scan), wait);
  }

  /** The compose window holding focus, else the one focused last, else the only one. */
  function focusedCompose(): Compose | undefined {
    const active = doc.activeElement;
    const entries = [...composes.values()];
    return (
      entries.find((entry) => active && entry.container.contains(active)) ??
      entries.filter((entry) => entry.focusedAt > 0).sort((a, b) => b.focusedAt - a.focusedAt)[0] ??
      (entries.length === 1 ? entries[0] : undefined)
    );
  }

  function openFocused(): boolean {
    const entry = focusedCompose();
    entry?.menu.openFromShortcut();
    return entry !== undefined;
  }

  const observer = new MutationObserver(schedule);
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  page.signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  // The shortcut: the manifest's command, relayed by the background to every frame of the
  // tab (only the focused frame acts); and the same keys typed here, where the browser lets
  // them reach the page.
  const onCommand = (message: unknown): undefined => {
    const command = (message as { type?: unknown; command?: unknown } | null) ?? {};
    if (command.type === 'gap-closer.command' && command.command === INSERT_TEMPLATE_COMMAND && doc.hasFocus()) {
      openFocused();
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommand);
  page.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onCommand), { once: true });
  doc.defaultView?.addEventListener(
    'keydown',
    (event) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyI') return;
      if (openFocused()) {
        event.preventDefault();
        event.stopPropagation();
      }
    },
    { capture: true, signal: page.signal },
  );

  scan();
  return () => {
    page.abort();
    for (const entry of composes.values()) entry.controller.abort();
    composes.clear();
    thread?.controller.abort();
  };
}
