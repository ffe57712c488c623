import styles from './styles.css?inline';

export const HOST_TAG = 'gap-closer';
const HOST_MARKER = 'data-gap-closer';

export interface WebmailHost {
  element: HTMLElement;
  root: ShadowRoot;
}

/**
 * One element per compose window (or open conversation): a custom tag with an open shadow root
 * and inline styles. Keys typed inside stop at the host so the mail app's shortcuts stay quiet.
 */
export function createWebmailHost(role: 'compose' | 'thread'): WebmailHost {
  const element = document.createElement(HOST_TAG);
  element.setAttribute(HOST_MARKER, role);
  const root = element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  root.append(style);
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    element.addEventListener(type, (event) => event.stopPropagation());
  }
  return { element, root };
}

/** Hosts of the given role inside `root` (the DOM marker that keeps injection idempotent). */
export function hostsIn(root: ParentNode, role: 'compose' | 'thread'): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`${HOST_TAG}[${HOST_MARKER}="${role}"]`)];
}
