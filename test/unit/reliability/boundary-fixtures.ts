import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import type { FrameSession, HandlerContext } from '../../../src/background/handlers/index.ts';
import { ALLOWED_SENDERS, type MessageType, type Reply } from '../../../src/messaging/contract.ts';
import { classifySender, type SenderInfo } from '../../../src/messaging/sender.ts';
import { openDatabase, type Db } from '../../../src/storage/db.ts';
import type { StoreName } from '../../../src/storage/schema.ts';

export const SELF = {
  id: 'gapcloserextensionidgapcloserext',
  origin: 'chrome-extension://gapcloserextensionidgapcloserext',
};
const OTHER_EXTENSION = 'otherextensionidotherextensionid';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Every origin a content script of ours runs on, read from the manifest (grows with it), and
 * whether that script is declared for every frame (`all_frames`, e.g. Outlook's compose iframes).
 */
export function contentScriptOrigins(): { origin: string; allFrames: boolean }[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as {
    content_scripts?: { matches: string[]; all_frames?: boolean }[];
  };
  const found = new Map<string, boolean>();
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches) {
      const origin = new URL(match.replace('*.', 'www.').replace(/\*$/, '')).origin;
      found.set(origin, (found.get(origin) ?? false) || script.all_frames === true);
    }
  }
  return [...found].map(([origin, allFrames]) => ({ origin, allFrames }));
}

export interface SenderCase {
  name: string;
  sender: SenderInfo;
  /** Whether a message of `type` from this sender may reach its handler. */
  allowed: (type: MessageType) => boolean;
}

/** Every kind of sender the issue names, for every site we inject into. */
/** The content script origin each site's sender speaks from, for messages extension pages may not send. */
const SITE_ORIGINS = {
  linkedin: 'https://www.linkedin.com',
  gmail: 'https://mail.google.com',
  outlook: 'https://outlook.live.com',
} as const;

/**
 * A sender `type` is allowed from: an extension page where pages may send it, else the top
 * frame of the first site's content script `ALLOWED_SENDERS` names (the site check messages).
 */
export function allowedSender(type: MessageType): SenderInfo {
  const allowed = ALLOWED_SENDERS[type];
  const site = allowed.contentScripts[0];
  if (allowed.extensionPages || !site)
    return { id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` };
  const origin = SITE_ORIGINS[site];
  return { id: SELF.id, origin, url: `${origin}/`, frameId: 0, tab: { id: 1 } };
}

export function senderCases(): SenderCase[] {
  const page = `${SELF.origin}/src/popup/index.html`;
  const cases: SenderCase[] = [
    {
      name: 'extension page',
      sender: { id: SELF.id, origin: SELF.origin, url: page },
      allowed: (type) => ALLOWED_SENDERS[type].extensionPages,
    },
    {
      name: 'another extension (its own page)',
      sender: { id: OTHER_EXTENSION, origin: `chrome-extension://${OTHER_EXTENSION}`, url: 'chrome-extension://x/' },
      allowed: () => false,
    },
    {
      name: 'another extension claiming our origin',
      sender: { id: OTHER_EXTENSION, origin: SELF.origin, url: page },
      allowed: () => false,
    },
    { name: 'missing origin and URL', sender: { id: SELF.id, frameId: 0, tab: { id: 1 } }, allowed: () => false },
    {
      name: 'opaque origin',
      sender: { id: SELF.id, origin: 'null', url: 'about:blank', frameId: 0, tab: { id: 1 } },
      allowed: () => false,
    },
    {
      name: 'a web page (no sender id)',
      sender: { origin: 'https://www.linkedin.com', url: 'https://www.linkedin.com/in/x/', frameId: 0, tab: { id: 1 } },
      allowed: () => false,
    },
    {
      name: 'content script on a site we do not serve',
      sender: { id: SELF.id, origin: 'https://evil.example', url: 'https://evil.example/', frameId: 0, tab: { id: 1 } },
      allowed: () => false,
    },
  ];
  for (const { origin, allFrames } of contentScriptOrigins()) {
    const base = { id: SELF.id, origin, url: `${origin}/`, tab: { id: 1 } };
    const classified = classifySender({ ...base, frameId: 0 }, SELF);
    const site = classified.kind === 'content-script' ? classified.site : undefined;
    const siteAllowed = (type: MessageType) =>
      site !== undefined && ALLOWED_SENDERS[type].contentScripts.includes(site);
    cases.push(
      { name: `content script, top frame, ${origin}`, sender: { ...base, frameId: 0 }, allowed: siteAllowed },
      {
        // Sub-frames speak only where the manifest injects into every frame (all_frames).
        name: `content script, subframe, ${origin}${allFrames ? ' (all_frames)' : ''}`,
        sender: { ...base, frameId: 5 },
        allowed: (type) => allFrames && siteAllowed(type),
      },
      {
        name: `content script without a tab, ${origin}`,
        sender: { id: SELF.id, origin, url: `${origin}/` },
        allowed: () => false,
      },
    );
  }
  return cases;
}

export const ReplySchema = v.union([
  v.strictObject({ ok: v.literal(true), data: v.unknown() }),
  v.strictObject({
    ok: v.literal(false),
    error: v.strictObject({
      code: v.picklist(['invalid', 'forbidden', 'unknown-type', 'failed']),
      // Bounded: a 5 MB payload must not come back as a 5 MB error message.
      message: v.pipe(v.string(), v.minLength(1), v.maxLength(2000)),
    }),
  }),
]);

export function isReply(reply: unknown): reply is Reply<MessageType> {
  return v.is(ReplySchema, reply);
}

/** A fresh database and a handler context that records whether a handler touched it. */
export async function instrumentedContext(name: string): Promise<{
  db: Db;
  ctx: HandlerContext;
  touched: () => boolean;
  reset: () => void;
}> {
  const db = await openDatabase({ name: `${name}-${Math.random().toString(36).slice(2)}` });
  let touched = false;
  const base: HandlerContext = {
    db: () => Promise.resolve(db),
    now: () => new Date('2026-11-27T10:00:00'),
    refreshReminders: () => Promise.resolve(''),
    // Private frame sessions, in memory as storage.session keeps them in the worker.
    sessions: (() => {
      const sessions = new Map<string, FrameSession>();
      return {
        get: (id: string) => Promise.resolve(sessions.get(id)),
        set: (id: string, session: FrameSession) => Promise.resolve(void sessions.set(id, session)),
        delete: (id: string) => Promise.resolve(void sessions.delete(id)),
      };
    })(),
    toFrame: () => Promise.resolve({}),
  };
  // Any use of the context (database, clock, alarms) means a handler ran.
  const ctx = new Proxy(base, {
    get(target, property, receiver) {
      touched = true;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return {
    db,
    ctx,
    touched: () => touched,
    reset: () => {
      touched = false;
    },
  };
}

/** Every record of every store, as one string: equal strings, equal data. */
export async function snapshot(db: Db): Promise<string> {
  const stores = [...db.objectStoreNames] as StoreName[];
  const all = await Promise.all(stores.map(async (store) => [store, await db.getAll(store)] as const));
  return JSON.stringify(all);
}
