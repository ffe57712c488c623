import { request } from '../../messaging/client.ts';

/**
 * Counting what was sent (issue 15). Text the user inserted into a compose window is a draft,
 * kept by the worker under this window's token; the user's own Send in that window — a trusted
 * click on its Send button, or Ctrl/Cmd+Enter in it — turns the draft into a sent ask. We never
 * click Send and never read what was sent: the token is all that leaves this script.
 *
 * The page cannot forge a send: events its script dispatches are not trusted (`isTrusted` is
 * false) and are ignored, and it cannot learn a token (they live in this isolated world only).
 */

/** Compose windows our text went into, each with its token; a window leaves once sent or gone. */
const tokens = new Map<Element, string>();

/** How far up from a Send button outside every tracked window the search for its window may go. */
const MAX_DEPTH = 16;

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The token of a compose window (minted on first use): one draft per window however often text goes in. */
export function composeTokenFor(container: Element): string {
  for (const known of tokens.keys()) if (!known.isConnected) tokens.delete(known);
  let token = tokens.get(container);
  if (!token) {
    token = newToken();
    tokens.set(container, token);
  }
  return token;
}

/**
 * The compose window a Send button belongs to: the tracked window holding it, else the only
 * tracked window under the button's nearest ancestor that holds any (Outlook's command bar may
 * sit just outside the form). Two windows under one ancestor: not ours to guess.
 */
function composeOfButton(button: Element): Element | undefined {
  // Gmail: the window holds its Send, however deep (the saved 2020 page nests it 20+ levels down).
  const holding = [...tokens.keys()].find((container) => container.contains(button));
  if (holding) return holding;
  let node: Element | null = button.parentElement;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = node.parentElement) {
    const inside = [...tokens.keys()].filter((container) => container === node || node?.contains(container));
    if (inside.length === 1) return inside[0];
    if (inside.length > 1) return undefined;
  }
  return undefined;
}

function isSendShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/**
 * Listens, in the capture phase (before the mail app handles and perhaps removes the window),
 * for the user's Send in a window holding our draft, and reports its token once.
 */
export function watchSends(
  sendSelector: string,
  doc: Document,
  signal: AbortSignal,
  report: (composeToken: string) => Promise<unknown> = (composeToken) => request('webmail.sent', { composeToken }),
): void {
  function sent(container: Element | undefined): void {
    const token = container && tokens.get(container);
    if (!container || !token) return;
    tokens.delete(container);
    report(token).catch(() => undefined);
  }
  const options = { capture: true, signal };
  doc.addEventListener(
    'click',
    (event) => {
      // A click the page's script dispatched (el.click(), dispatchEvent) is not the user's send.
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      const button = event.target.closest(sendSelector);
      if (button) sent(composeOfButton(button));
    },
    options,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !isSendShortcut(event) || !(event.target instanceof Element)) return;
      const target = event.target;
      sent([...tokens.keys()].find((container) => container.contains(target)));
    },
    options,
  );
}
