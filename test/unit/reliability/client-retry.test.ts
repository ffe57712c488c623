import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

const { request } = await import('../../../src/messaging/client.ts');

const PAYLOAD = {
  idempotencyKey: 'retry_key_1',
  kind: 'referral-ask',
  channel: 'linkedin-message',
  text: 'Hi',
  person: { fullName: 'Jordan Whitfield' },
} as const;
const OK = { ok: true, data: { outreachId: 'o1', contactId: 'c1', duplicate: false } };

beforeEach(() => {
  sendMessage.mockReset();
});

describe('request() while the service worker stops and starts', () => {
  it.each([
    'Could not establish connection. Receiving end does not exist.',
    'The message port closed before a response was received.',
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  ])('resends the same message after "%s"', async (message) => {
    sendMessage
      .mockRejectedValueOnce(new Error(message))
      .mockRejectedValueOnce(new Error(message))
      .mockResolvedValue(OK);
    await expect(request('outreach.log', PAYLOAD)).resolves.toEqual(OK.data);
    expect(sendMessage).toHaveBeenCalledTimes(3);
    // The very same envelope each time: the idempotency key makes the resend safe.
    for (const call of sendMessage.mock.calls) expect(call[0]).toEqual({ type: 'outreach.log', payload: PAYLOAD });
  });

  it('resends when the worker died before answering (no reply)', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValue(OK);
    await expect(request('outreach.log', PAYLOAD)).resolves.toEqual(OK.data);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('gives up after a bounded number of attempts with a clear message', async () => {
    sendMessage.mockResolvedValue(undefined);
    await expect(request('outreach.log', PAYLOAD)).rejects.toThrow(/did not answer/);
    expect(sendMessage).toHaveBeenCalledTimes(5);
  });

  it('does not resend on other errors or on an error reply', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await expect(request('outreach.log', PAYLOAD)).rejects.toThrow(/invalidated/);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    sendMessage.mockReset();
    sendMessage.mockResolvedValue({
      ok: false,
      error: { code: 'invalid', message: 'Invalid outreach.log: text: empty.' },
    });
    await expect(request('outreach.log', PAYLOAD)).rejects.toMatchObject({ code: 'invalid' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
