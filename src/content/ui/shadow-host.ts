export const HOST_TAG = 'gap-closer';
/** The host of the private frame loaded ahead of a click: apart from the buttons' hosts. */
export const FRAME_HOST_TAG = 'gap-closer-frame';
const HOST_MARKER = 'data-gap-closer';

export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

/**
 * The extension's element in a page: a custom tag with an open shadow root and inline styles,
 * so the page's CSS cannot reach in and ours cannot leak out. Keys typed inside stop at the
 * host, so the site's keyboard shortcuts do not fire while the user edits. `kind` is written
 * as a DOM marker, which keeps injection idempotent and lets stale hosts be found.
 */
export function attachHost(kind: string, css: string, tag: string = HOST_TAG): Host {
  const element = document.createElement(tag);
  element.setAttribute(HOST_MARKER, kind);
  const root = element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    element.addEventListener(type, (event) => event.stopPropagation());
  }
  return { element, root };
}

/** Our hosts inside `root`, of one kind or of any. */
export function hostsIn(root: ParentNode, kind?: string): HTMLElement[] {
  const marker = kind === undefined ? `[${HOST_MARKER}]` : `[${HOST_MARKER}="${kind}"]`;
  return [...root.querySelectorAll<HTMLElement>(`${HOST_TAG}${marker}`)];
}
