import { cleanText } from '../../shared/names.ts';
import { GROUP, GROUP_PATH } from './selectors.ts';

export interface GroupSnapshot {
  name: string;
  /** Canonical `https://www.linkedin.com/groups/<id>/`. */
  url: string;
  /** The element holding the name, to place the action beside; null when read from the title. */
  heading: Element | null;
}

export function groupUrlOf(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.origin !== 'https://www.linkedin.com') return null;
  const id = GROUP_PATH.exec(url.pathname)?.[1];
  return id ? `https://www.linkedin.com/groups/${id}/` : null;
}

/** "(4) Sales Leaders Network | Groups | LinkedIn" → "Sales Leaders Network". */
export function groupNameFromTitle(title: string): string | null {
  const parts = cleanText(title)
    .replace(/^\(\d+\+?\)\s*/, '')
    .split(' | ');
  const name = parts.length >= 2 ? cleanText(parts[0] ?? '') : '';
  return name && name.length <= 300 && name.toLowerCase() !== 'linkedin' ? name : null;
}

/** Reads the group in front of the user: its h1, else the title. */
export function readGroup(doc: Document, pageUrl: string): GroupSnapshot | null {
  const url = groupUrlOf(pageUrl);
  if (!url) return null;
  const heading = doc.querySelector(GROUP.name);
  const fromHeading = heading ? cleanText(heading.textContent ?? '') : '';
  if (fromHeading && fromHeading.length <= 300) return { name: fromHeading, url, heading };
  const fromTitle = groupNameFromTitle(doc.title);
  return fromTitle ? { name: fromTitle, url, heading: null } : null;
}
