import { request } from '../messaging/client.ts';
import { FRAME_SESSION_POST, type FrameSessionPost } from '../messaging/page-contract.ts';
import { t, uiLocale } from '../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { groupView, messageView, profileView } from './linkedin-views.ts';
import { closeFrame, trusted, useSession } from './session.ts';
import { outcomeView, templatesView } from './webmail-views.ts';
import './frame.css';

/**
 * The private frame: an extension page the content script puts into the site's page after the
 * user's click. The site cannot read what it shows nor send it events (another origin); it
 * reads its session once and does everything private itself.
 */
performance.mark('gap-closer:frame-start');
document.documentElement.lang = uiLocale();
document.title = t('frameTitle');
const root = document.getElementById('root') ?? document.body;
const signal = new AbortController().signal;

document.addEventListener(
  'keydown',
  trusted((event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    closeFrame();
  }),
);

async function start(session: string): Promise<void> {
  performance.mark('gap-closer:session-given');
  useSession(session);
  const { open } = await request('frame.session', { session });
  // What a refused session left (a page can post ids of its own to a frame loaded ahead) goes.
  root.replaceChildren();
  switch (open.view) {
    case 'profile':
      return profileView(root, open, signal);
    case 'group':
      return groupView(root, open.group, signal);
    case 'message':
      return messageView(root, open.person, signal);
    case 'templates':
      return templatesView(root, open.recipient, signal);
    case 'outcome':
      return outcomeView(root, open.participants, signal);
  }
}

let starting: string | undefined;
/** The last session offered while one was being read (a page may post sessions of its own). */
let offered: string | undefined;

/**
 * Reads the view of the first session the worker knows. A frame opened by the click has it in
 * its address; one loaded ahead of the click waits for the content script's post. A page script
 * can post to this frame too (or set its address), but names no session the worker knows, so the
 * click's own session still opens the view.
 */
function startWith(session: string): void {
  if (!/^[A-Za-z0-9]{16,64}$/.test(session)) return;
  if (starting) {
    offered = session;
    return;
  }
  starting = session;
  start(session)
    .then(() => performance.mark('gap-closer:frame-ready'))
    .catch((error: unknown) => {
      starting = undefined;
      const next = offered;
      offered = undefined;
      if (next && next !== session) return startWith(next);
      root.replaceChildren(
        el(
          'div',
          { class: 'panel', role: 'alert' },
          el('p', {}, error instanceof Error ? error.message : t('dialogSomethingWrong')),
        ),
      );
      performance.mark('gap-closer:frame-ready');
    });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const post = event.data as Partial<FrameSessionPost> | null;
  if (event.source !== window.parent || post?.type !== FRAME_SESSION_POST || typeof post.session !== 'string') return;
  startWith(post.session);
});
startWith(location.hash.slice(1));
