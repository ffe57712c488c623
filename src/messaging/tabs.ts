import browser from 'webextension-polyfill';
import {
  PAGE_COMMAND,
  PAGE_READ_REQUEST,
  type FrameRelay,
  type FrameRelayReply,
  type PageCommand,
  type PageSubject,
} from './page-contract.ts';

/**
 * Messages to content scripts in tabs (the popup's "what is on screen?", the background's relayed
 * shortcuts). Both reject when the tab has no content script of ours.
 */

/** Asks the tab's LinkedIn content script what person or group it shows. */
export async function askTabSubject(tabId: number): Promise<PageSubject> {
  const subject = (await browser.tabs.sendMessage(tabId, { type: PAGE_READ_REQUEST })) as PageSubject | undefined;
  return subject ?? { kind: 'none' };
}

/** Sends a keyboard command to every frame of the tab; each frame's script decides whether to act. */
export async function sendPageCommand(tabId: number, command: string): Promise<void> {
  const message: PageCommand = { type: PAGE_COMMAND, command };
  await browser.tabs.sendMessage(tabId, message);
}

/** Relays a private frame's request to the one frame of the tab whose content script opened it. */
export async function sendToFrame(tabId: number, frameId: number, message: FrameRelay): Promise<FrameRelayReply> {
  const reply = (await browser.tabs.sendMessage(tabId, message, { frameId })) as FrameRelayReply | undefined;
  return reply ?? {};
}
