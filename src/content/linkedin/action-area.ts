import { HOST_TAG } from '../ui/host.ts';
import { PROFILE } from './selectors.ts';

/** How the action row was found: by the layout's own anchors, or by the generic button rule. */
export type ActionRowVia = 'anchors' | 'buttons';

export interface ActionRow {
  area: Element;
  via: ActionRowVia;
}

function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  if (rest.length === 0) return first.parentElement;
  let candidate: Element | null = first.parentElement;
  while (candidate && !rest.every((element) => candidate?.contains(element))) candidate = candidate.parentElement;
  return candidate;
}

/** A row is usable when it sits inside the card, is not the card, and does not hold the name. */
function usable(row: Element | null, topCard: Element): row is Element {
  return Boolean(row && row !== topCard && topCard.contains(row) && !row.querySelector('h1, h2'));
}

/**
 * 2026 layout: the row is rendered twice (one copy for narrow screens, hidden by CSS at other
 * widths). The n-th item of each kind belongs to the n-th copy; each copy's row is the nearest
 * element holding its items.
 */
function rows2026(topCard: Element): Element[] {
  const copies: Element[][] = [];
  const seen = new Map<string, number>();
  for (const item of topCard.querySelectorAll(PROFILE.action2026)) {
    const kind = item.getAttribute('data-view-name') ?? '';
    const index = seen.get(kind) ?? 0;
    seen.set(kind, index + 1);
    (copies[index] ??= []).push(item);
  }
  return copies.map(commonAncestor).filter((row): row is Element => usable(row, topCard));
}

/** 2024 (marked buttons) and 2025 (the Message wrapper, More's id, Follow) layouts: one row. */
function row2025(topCard: Element): Element | null {
  const marked = [...topCard.querySelectorAll(PROFILE.action2024)];
  const anchors = marked.length ? marked : [...topCard.querySelectorAll(PROFILE.action2025)];
  const row = commonAncestor(anchors);
  return usable(row, topCard) ? row : null;
}

/** Unknown markup inside a known card: the nearest element holding all of the card's buttons. */
function rowOfButtons(topCard: Element): Element | null {
  const buttons = [...topCard.querySelectorAll('button, [role="button"]')].filter(
    (button) => !button.closest(HOST_TAG),
  );
  const row = commonAncestor(buttons);
  return usable(row, topCard) ? row : null;
}

/** Whether the browser renders an element (display: none on it or an ancestor says no). */
export function isRendered(element: Element): boolean {
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.getClientRects().length > 0;
}

/**
 * The row holding the profile's own action buttons (Connect / Message / More) inside its top
 * card, and how it was found. Among copies of the row (2026), the one the browser renders:
 * `isShown` is only asked when there is more than one. Null when there is no such row: the
 * caller then floats its buttons instead.
 */
export function findActionRow(
  topCard: Element | null,
  isShown: (element: Element) => boolean = isRendered,
): ActionRow | null {
  if (!topCard) return null;
  const rows = topCard.matches(PROFILE.topCard2026) ? rows2026(topCard) : [row2025(topCard)];
  const known = rows.filter((row): row is Element => row !== null);
  const visible = known.length > 1 ? (known.find(isShown) ?? known[0]) : known[0];
  if (visible) return { area: visible, via: 'anchors' };
  const fallback = rowOfButtons(topCard);
  return fallback ? { area: fallback, via: 'buttons' } : null;
}

/** The action row of a top card (see findActionRow), for the code that places our buttons. */
export function findActionArea(topCard: Element | null): Element | null {
  return findActionRow(topCard)?.area ?? null;
}
