import { request } from '../../messaging/client.ts';
import { SEEN_ANIMATION } from './seen.ts';

/**
 * LinkedIn message boxes (issue 15): text the user inserted is a draft under the box's token;
 * it counts as sent when the text appears in the conversation the user is viewing — LinkedIn
 * renders the sent message as a new bubble, which detect.css marks with the seen animation. We
 * read only that bubble's text, in the page in front of the user, and send only the token.
 * (The user can also say so: "Mark sent" in the popup.)
 */

/** A sent message's body in the conversation (messaging page and overlay bubbles). */
export const MESSAGE_BUBBLE = '.msg-s-event-listitem__body, .msg-s-message-list__event';

interface Pending {
  token: string;
  text: string;
}

const byEditor = new WeakMap<Element, Pending>();
const pending = new Set<Pending>();

/** Without whitespace: LinkedIn renders paragraphs as blocks, whose text runs together. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Remembers the text inserted into `editor` and answers the box's token (one per box). */
export function expectSent(editor: Element, text: string): string {
  let entry = byEditor.get(editor);
  if (!entry) {
    entry = { token: newToken(), text: '' };
    byEditor.set(editor, entry);
  }
  entry.text = normalise(text);
  pending.add(entry);
  return entry.token;
}

/** Reports a pending draft once a bubble holding its whole text is rendered in the conversation. */
export function watchSentBubbles(
  doc: Document,
  signal: AbortSignal,
  report: (composeToken: string) => Promise<unknown> = (composeToken) => request('webmail.sent', { composeToken }),
): void {
  doc.addEventListener(
    'animationstart',
    (event) => {
      if (event.animationName !== SEEN_ANIMATION || pending.size === 0) return;
      const bubble = event.composedPath()[0];
      if (!(bubble instanceof Element) || !bubble.matches(MESSAGE_BUBBLE)) return;
      const shown = normalise(bubble.textContent ?? '');
      for (const entry of pending) {
        if (!entry.text || !shown.includes(entry.text)) continue;
        pending.delete(entry);
        report(entry.token).catch(() => undefined);
      }
    },
    { capture: true, signal },
  );
}
