import browser from 'webextension-polyfill';
import type { MessageType, Payload, Replies, Reply } from './contract.ts';

export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/**
 * Errors Chrome gives while the service worker is stopping or starting: the message never
 * reached a listener, or the reply was lost. Resending is safe — every write carries an
 * idempotency key or sets a value, so a request handled twice is stored once.
 */
const TRANSIENT =
  /could not establish connection|receiving end does not exist|message port closed|message channel closed/i;
const RETRY_DELAYS_MS = [50, 200, 500, 1000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one request to the background and returns its data, or throws its error as sent. */
export async function request<T extends MessageType>(type: T, payload: Payload<T>): Promise<Replies[T]> {
  let reply: Reply<T> | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
    } catch (error) {
      const transient = error instanceof Error && TRANSIENT.test(error.message);
      if (!transient || attempt >= RETRY_DELAYS_MS.length) throw error;
      reply = undefined;
    }
    if (reply || attempt >= RETRY_DELAYS_MS.length) break;
    await sleep(RETRY_DELAYS_MS[attempt] ?? 0);
  }
  if (!reply) throw new MessageError('failed', 'Gap Closer did not answer; reload the page and try again.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}

/**
 * Tells the worker that an extension page changed data or settings: it re-creates the reminder
 * alarm, redraws the badge and recomputes the named queue (with `queueIfStale`, only a queue from
 * another day). Never fails: the badge catches up at the next worker start or alarm.
 */
export async function notifyWorker(options: { queueIfStale?: true } = {}): Promise<void> {
  try {
    await request('reminders.refresh', options);
  } catch {
    // Nothing to tell the user: the data is saved; only the badge waits.
  }
}
