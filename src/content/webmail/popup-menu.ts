import { el } from '../ui/dom.ts';

let menuCount = 0;

export interface PopupMenu {
  panel: HTMLDivElement;
  heading: HTMLParagraphElement;
  menu: HTMLDivElement;
  /** Space under the menu for a small form (the amount of a win). */
  extra: HTMLDivElement;
  isOpen: () => boolean;
  open: () => void;
  close: (returnFocus: boolean) => void;
  focusItem: (which: 'first' | 'last') => void;
}

const PANEL_WIDTH = 300;

/**
 * A menu button's popup (WAI-ARIA menu pattern): arrow keys, Home/End, Escape returns focus to
 * the button, Tab closes it and moves on from the button, a click or focus elsewhere closes it. Items
 * are buttons with role=menuitem.
 */
export function createPopupMenu(trigger: HTMLButtonElement, signal: AbortSignal): PopupMenu {
  const id = `gc-menu-${++menuCount}`;
  const heading = el('p', { class: 'heading', id: `${id}-label` });
  const menu = el('div', { role: 'menu', id, 'aria-labelledby': heading.id });
  const extra = el('div');
  const panel = el('div', { class: 'panel', hidden: true }, heading, menu, extra);
  trigger.setAttribute('aria-haspopup', 'menu');
  trigger.setAttribute('aria-expanded', 'false');
  trigger.setAttribute('aria-controls', id);

  const items = () => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
  const isOpen = () => !panel.hidden;

  function position(): void {
    const rect = trigger.getBoundingClientRect();
    const view = trigger.ownerDocument.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    panel.style.left = `${Math.max(8, Math.min(rect.left, width - PANEL_WIDTH - 8))}px`;
    // The button sits at the bottom of a compose window: open upwards when there is room.
    if (rect.top > height / 2) {
      panel.style.top = '';
      panel.style.bottom = `${Math.max(8, height - rect.top + 6)}px`;
    } else {
      panel.style.bottom = '';
      panel.style.top = `${rect.bottom + 6}px`;
    }
  }

  function focusItem(which: 'first' | 'last'): void {
    const list = items();
    (which === 'first' ? list[0] : list.at(-1))?.focus();
  }

  function onOutsidePointer(event: PointerEvent): void {
    if (!event.composedPath().includes(panel) && !event.composedPath().includes(trigger)) close(false);
  }

  let outside: AbortController | undefined;

  function open(): void {
    position();
    panel.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    outside?.abort();
    outside = new AbortController();
    trigger.ownerDocument.addEventListener('pointerdown', onOutsidePointer, { capture: true, signal: outside.signal });
  }

  function close(returnFocus: boolean): void {
    outside?.abort();
    if (panel.hidden) return;
    panel.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    if (returnFocus) trigger.focus();
  }

  panel.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target as Element).matches?.('[role="menuitem"]')) {
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
        }
        return;
      }
      const list = items();
      const at = list.indexOf(event.target as HTMLElement);
      const move = (index: number) => list[(index + list.length) % list.length]?.focus();
      switch (event.key) {
        case 'ArrowDown':
          move(at + 1);
          break;
        case 'ArrowUp':
          move(at - 1);
          break;
        case 'Home':
          move(0);
          break;
        case 'End':
          move(list.length - 1);
          break;
        case 'Escape':
          close(true);
          break;
        case 'Tab':
          // Leave from the button, so the browser's Tab moves on to what follows (or precedes)
          // it instead of from a hidden item to wherever focus lands.
          close(true);
          return;
        default:
          return;
      }
      event.preventDefault();
    },
    { signal },
  );
  // Focus leaving for something else on the page (Tab out of the amount form, a click on a
  // focusable element of the page) closes the menu; focus going to another window does not.
  panel.addEventListener(
    'focusout',
    (event) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !panel.contains(next) && next !== trigger) close(false);
    },
    { signal },
  );
  signal.addEventListener('abort', () => outside?.abort(), { once: true });

  return { panel, heading, menu, extra, isOpen, open, close, focusItem };
}

/**
 * The menu button's own keys (WAI-ARIA APG): Enter, Space or a click toggle the menu; ArrowDown
 * opens it on the first item, ArrowUp on the last.
 */
export function bindMenuButton(
  trigger: HTMLButtonElement,
  popup: PopupMenu,
  open: (from: 'first' | 'last') => void,
  signal: AbortSignal,
): void {
  trigger.addEventListener(
    'click',
    () => {
      if (popup.isOpen()) popup.close(true);
      else open('first');
    },
    { signal },
  );
  trigger.addEventListener(
    'keydown',
    (event) => {
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !popup.isOpen()) {
        event.preventDefault();
        open(event.key === 'ArrowUp' ? 'last' : 'first');
      }
    },
    { signal },
  );
}

/** A menu item: a button, out of the tab order (arrow keys move between items). */
export function menuItem(label: string, onChoose: () => void, signal: AbortSignal): HTMLButtonElement {
  const item = el('button', { type: 'button', role: 'menuitem', tabindex: '-1' }, label);
  item.addEventListener('click', onChoose, { signal });
  return item;
}
