import browser from 'webextension-polyfill';
import { INSERT_TEMPLATE_COMMAND, PAGE_COMMAND } from '../../messaging/page-contract.ts';
import { createWebmailHost, hostsIn } from './host.ts';
import { createOutcomeAction } from './outcome-action.ts';
import { watchSends } from './send-watch.ts';
import { createTemplateMenu, type TemplateMenu } from './template-menu.ts';
import type { ThreadInfo, WebmailAdapter } from './types.ts';

/**
 * The no-op CSS animation the manifest's stylesheet for each mail site puts on compose bodies
 * and conversation headings: its `animationstart` tells us one was rendered, so the script never
 * has to watch the mail app's DOM (see detect.css beside each site's entry).
 */
export const SEEN_ANIMATION = 'gap-closer-seen';

/** How often, and how far apart, to look again for the people of a conversation just opened. */
const THREAD_RETRIES = 3;
const THREAD_RETRY_MS = 400;

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
 * Watches one document for compose windows and open conversations without observing its DOM:
 * the browser reports each one as it is rendered (an `animationstart` of SEEN_ANIMATION), and
 * an IntersectionObserver reports a tracked body leaving the page. The mail app's own DOM
 * churn — thousands of inbox rows re-rendered — runs none of our code. Each compose window
 * gets one button (the host in it is the marker that prevents a second) and its own
 * AbortController, aborted when the window goes.
 */
export function watchWebmail(adapter: WebmailAdapter, doc: Document = document): () => void {
  const page = new AbortController();
  const composes = new Map<HTMLElement, Compose>();
  const notCompose = new WeakSet<HTMLElement>();
  let thread: Thread | undefined;
  let threadSeen: Element | null = null;
  let threadPending = false;
  let retries = 0;

  // A previous copy of this script (the extension was reloaded) may have left dead buttons.
  for (const stale of [...hostsIn(doc, 'compose'), ...hostsIn(doc, 'thread')]) stale.remove();

  /** Tears down what left the page; called on every signal we get, never on a timer. */
  function prune(): void {
    for (const [body, entry] of composes) {
      if (!body.isConnected || !entry.container.isConnected) {
        entry.controller.abort();
        composes.delete(body);
        leaving.unobserve(body);
      }
    }
    if (thread && !thread.anchor.isConnected) {
      thread.controller.abort();
      thread = undefined;
    }
  }

  const leaving = new IntersectionObserver((entries) => {
    if (entries.some((entry) => !entry.target.isConnected)) prune();
  });
  page.signal.addEventListener('abort', () => leaving.disconnect(), { once: true });

  function attach(body: HTMLElement): void {
    if (composes.has(body) || notCompose.has(body)) return;
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
    compose.container.addEventListener(
      'focusin',
      () => {
        entry.focusedAt = performance.now();
        // The mail app re-rendered the toolbar and took our button with it: put it back.
        if (!host.element.isConnected && body.isConnected) {
          controller.abort();
          composes.delete(body);
          attach(body);
        }
      },
      { signal: controller.signal },
    );
    controller.signal.addEventListener('abort', () => host.element.remove(), { once: true });
    composes.set(body, entry);
    leaving.observe(body);
  }

  /** The same button for every conversation: no lookup here tells the page who is in the log. */
  function showThread(info: ThreadInfo, controller: AbortController): void {
    if (controller.signal.aborted || !info.anchor.isConnected) return;
    const host = createWebmailHost('thread');
    createOutcomeAction(host.root, info.participants, controller.signal);
    info.anchor.after(host.element);
    controller.signal.addEventListener('abort', () => host.element.remove(), { once: true });
  }

  function scanThread(): void {
    if (!adapter.threadSelector || !adapter.readThread) return;
    const anchor = doc.querySelector(adapter.threadSelector);
    if (page.signal.aborted || (anchor === threadSeen && !threadPending)) return;
    if (anchor !== threadSeen) retries = 0;
    thread?.controller.abort();
    thread = undefined;
    threadSeen = anchor;
    threadPending = false;
    if (!anchor) return;
    const info = adapter.readThread(doc);
    if (!info) {
      // Participants may render a moment after the heading: Gmail's senders carry the detection
      // animation too; for any site, look again a few times, then give up until the next heading.
      threadPending = true;
      if (retries < THREAD_RETRIES) {
        retries += 1;
        setTimeout(scanThread, THREAD_RETRY_MS);
      }
      return;
    }
    retries = 0;
    const controller = new AbortController();
    thread = { anchor, controller };
    leaving.observe(anchor);
    controller.signal.addEventListener('abort', () => leaving.unobserve(anchor), { once: true });
    showThread(info, controller);
  }

  /** Once at start: what was rendered before this script ran (the stylesheet comes first). */
  function scan(): void {
    for (const body of doc.querySelectorAll<HTMLElement>(adapter.bodySelector)) attach(body);
    scanThread();
  }

  doc.addEventListener(
    'animationstart',
    (event) => {
      if (event.animationName !== SEEN_ANIMATION || !(event.target instanceof HTMLElement)) return;
      prune();
      if (event.target.matches(adapter.bodySelector)) attach(event.target);
      else scanThread();
    },
    { capture: true, signal: page.signal },
  );

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

  function openFocused(): void {
    prune();
    focusedCompose()?.menu.openFromShortcut();
  }

  // The shortcut is the manifest's command, whatever key the user bound to it: the browser
  // takes the key, the background relays the command to every frame of the tab, and only the
  // focused frame acts. No key is read here, so a changed or cleared binding is obeyed.
  const onCommand = (message: unknown): undefined => {
    const command = (message as { type?: unknown; command?: unknown } | null) ?? {};
    if (command.type === PAGE_COMMAND && command.command === INSERT_TEMPLATE_COMMAND && doc.hasFocus()) {
      openFocused();
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onCommand);
  page.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onCommand), { once: true });

  // An editable that became a message body without being inserted (an attribute changed) is
  // caught when the user focuses it.
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLElement && !composes.has(target) && target.matches(adapter.bodySelector)) {
        prune();
        notCompose.delete(target);
        attach(target);
      }
    },
    { capture: true, signal: page.signal },
  );

  watchSends(adapter.sendSelector, doc, page.signal);
  scan();
  return () => {
    page.abort();
    for (const entry of composes.values()) entry.controller.abort();
    composes.clear();
    thread?.controller.abort();
  };
}
