import styles from './styles.css?inline';

export const HOST_TAG = 'gap-closer';
const HOST_MARKER = 'data-gap-closer';

export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
}

/**
 * The extension's one element in the page: a custom tag with an open shadow root and inline
 * styles, so the page's CSS cannot reach in and ours cannot leak out. Keys typed inside stop
 * at the host, so the site's keyboard shortcuts do not fire while the user edits a draft.
 */
export function createHost(placement: 'inline' | 'floating'): Host {
  const element = document.createElement(HOST_TAG);
  element.setAttribute(HOST_MARKER, placement);
  const root = element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = styles;
  root.append(style);
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    element.addEventListener(type, (event) => event.stopPropagation());
  }
  return { element, root };
}

/** Every host this script put in the page (there should be at most one). */
export function existingHosts(doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(`${HOST_TAG}[${HOST_MARKER}]`)];
}
