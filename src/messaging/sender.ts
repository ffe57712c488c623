import type { Site } from './contract.ts';

/** What the background knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: unknown;
}

export type SenderKind =
  | { kind: 'extension-page' }
  | { kind: 'content-script'; site: Site; topFrame: boolean }
  | { kind: 'rejected'; reason: string };

const SITE_ORIGINS: Record<string, Site> = {
  'https://www.linkedin.com': 'linkedin',
  'https://mail.google.com': 'gmail',
  'https://outlook.live.com': 'outlook',
  'https://outlook.office.com': 'outlook',
  'https://outlook.office365.com': 'outlook',
};

/**
 * Sites whose content script may speak from a sub-frame. Outlook on the web puts compose forms
 * and reading panes in iframes of its own origin; everywhere else only the top frame talks.
 */
export const SUBFRAME_SITES: readonly Site[] = ['outlook'];

function originOf(sender: SenderInfo): string | undefined {
  if (sender.origin && sender.origin !== 'null') return sender.origin;
  if (!sender.url) return undefined;
  try {
    return new URL(sender.url).origin;
  } catch {
    return undefined;
  }
}

export interface Self {
  id: string;
  /** This extension's own origin, e.g. `chrome-extension://<id>`. */
  origin: string;
}

/** Classifies a sender: only this extension's pages and its content scripts on known sites pass. */
export function classifySender(sender: SenderInfo, self: Self): SenderKind {
  if (sender.id !== self.id) return { kind: 'rejected', reason: 'message from another extension' };
  const origin = originOf(sender);
  if (!origin) return { kind: 'rejected', reason: 'sender has no origin' };
  if (origin === self.origin) return { kind: 'extension-page' };
  const site = SITE_ORIGINS[origin];
  if (!site || sender.tab === undefined) return { kind: 'rejected', reason: `origin ${origin} is not served` };
  return { kind: 'content-script', site, topFrame: (sender.frameId ?? 0) === 0 };
}
