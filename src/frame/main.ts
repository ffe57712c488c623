import { request } from '../messaging/client.ts';
import { t, uiLocale } from '../i18n/t.ts';
import { el } from '../ui/dom.ts';
import { groupView, messageView, profileView } from './linkedin-views.ts';
import { SESSION, closeFrame, trusted } from './session.ts';
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

async function start(): Promise<void> {
  const { open } = await request('frame.session', { session: SESSION });
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

start()
  .catch((error: unknown) => {
    root.replaceChildren(
      el(
        'div',
        { class: 'panel', role: 'alert' },
        el('p', {}, error instanceof Error ? error.message : t('dialogSomethingWrong')),
      ),
    );
  })
  .finally(() => performance.mark('gap-closer:frame-ready'));
