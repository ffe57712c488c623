import { request } from '../messaging/client.ts';

/** The session this frame was opened for: the address's fragment, set by the content script. */
export const SESSION = location.hash.slice(1);

/** Asks the content script that opened this frame to remove it (and say `message` in the page). */
export function closeFrame(message?: string): void {
  request('frame.close', { session: SESSION, ...(message && { message }) }).catch(() => undefined);
}

/** Puts text the user chose into the page's editor, through the content script that opened us. */
export function insertInPage(
  text: string,
  subject?: string,
  signOff?: string,
): Promise<{ inserted: boolean; subjectSet: boolean; signedOff: boolean; composeToken?: string }> {
  return request('frame.insert', { session: SESSION, text, ...(subject && { subject }), ...(signOff && { signOff }) });
}

/** Calls `handler` for the user's own events only: one a script dispatched does nothing. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
