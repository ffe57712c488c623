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

/** Sends one request to the background and returns its data, or throws its error as sent. */
export async function request<T extends MessageType>(type: T, payload: Payload<T>): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
  if (!reply) throw new MessageError('failed', 'Gap Closer did not answer; reload the page and try again.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}
