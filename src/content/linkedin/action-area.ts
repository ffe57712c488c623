import { HOST_TAG } from '../ui/host.ts';
import { PROFILE } from './selectors.ts';

function commonAncestor(elements: readonly Element[]): Element | null {
  const [first, ...rest] = elements;
  if (!first) return null;
  let candidate: Element | null = first.parentElement;
  while (candidate && !rest.every((element) => candidate?.contains(element))) candidate = candidate.parentElement;
  return candidate;
}

/**
 * The row holding the profile's own action buttons (Connect / Message / More) inside its top
 * card: the nearest element holding all of them. The 2024 layout marks them with a stable
 * class; otherwise (2026 layout) the card's buttons are used, as long as their row does not
 * also hold the name, which would mean they are not a row of their own. Null when there is no
 * such row: the caller then floats its buttons instead.
 */
export function findActionArea(topCard: Element | null): Element | null {
  if (!topCard) return null;
  const marked = [...topCard.querySelectorAll(PROFILE.action2024)];
  const buttons = marked.length
    ? marked
    : [...topCard.querySelectorAll('button, [role="button"]')].filter((button) => !button.closest(HOST_TAG));
  const area = buttons.length === 1 ? (buttons[0]?.parentElement ?? null) : commonAncestor(buttons);
  if (!area || area === topCard || !topCard.contains(area)) return null;
  if (area.querySelector('h1, h2')) return null;
  return area;
}
