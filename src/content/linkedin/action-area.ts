import { PROFILE } from './selectors.ts';

function commonAncestor(a: Element, b: Element): Element | null {
  const ancestors = new Set<Element>();
  for (let node: Element | null = a; node; node = node.parentElement) ancestors.add(node);
  for (let node: Element | null = b; node; node = node.parentElement) if (ancestors.has(node)) return node;
  return null;
}

/**
 * The row holding the profile's own action buttons (Connect / Message / More) inside its top
 * card, found as the nearest element that holds all of them. Null when there is none: the
 * caller then floats its button instead.
 */
export function findActionArea(topCard: Element | null): Element | null {
  if (!topCard) return null;
  const actions = [...topCard.querySelectorAll(PROFILE.action2024)];
  const first = actions[0];
  const last = actions.at(-1);
  if (!first || !last) return null;
  const area = first === last ? first.parentElement : commonAncestor(first, last);
  return area && area !== topCard ? area : null;
}
