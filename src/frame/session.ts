import { request } from '../messaging/client.ts';
import { watchKeyRelease } from './key-release.ts';

let session = '';
const keys = watchKeyRelease(window);

/**
 * The session this frame was opened for: in the address's fragment when the click loaded the
 * frame, posted by the content script when the frame was loaded ahead of the click.
 */
export function frameSession(): string {
  return session;
}

/** The session the frame reads its view with (a later address or post changes nothing). */
export function useSession(id: string): void {
  session = id;
}

/**
 * Asks the content script that opened this frame to remove it (and say `message` in the page),
 * once the key that closed it is up (key-release.ts).
 */
export function closeFrame(message?: string): void {
  keys.afterKeysReleased(() => {
    request('frame.close', { session: frameSession(), ...(message && { message }) }).catch(() => undefined);
  });
}

/** Puts text the user chose into the page's editor, through the content script that opened us. */
export function insertInPage(
  text: string,
  subject?: string,
  signOff?: string,
): Promise<{ inserted: boolean; subjectSet: boolean; signedOff: boolean; composeToken?: string }> {
  return request('frame.insert', {
    session: frameSession(),
    text,
    ...(subject && { subject }),
    ...(signOff && { signOff }),
  });
}

/** Calls `handler` for the user's own events only: one a script dispatched does nothing. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
