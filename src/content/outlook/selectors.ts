/**
 * Where Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com, their
 * pop-outs and iframes) keeps the compose form. Its class names are generated per build and
 * its labels are localised, so only roles, contenteditable and input types are used.
 */
export const OUTLOOK = {
  /** Message body and recipient wells alike are contenteditable textboxes; the reader tells them apart. */
  editable: 'div[contenteditable="true"][role="textbox"]',
  /** The body says it is multi-line; recipient wells do not. */
  multiline: '[aria-multiline="true"]',
  /** The subject: a single-line text input of the compose form, before the body. */
  textInput: 'input[type="text"], input:not([type])',
  /** Elements of a recipient well that may carry an address: chips' titles and labels. */
  addressCarriers: '[title], [aria-label], [data-email], [email]',
  /** Attributes to read an address from, in order. */
  addressAttributes: ['data-email', 'email', 'title', 'aria-label'],
  /** The open conversation's subject in the reading pane: its level-2 heading. */
  threadSubject: '[role="main"] [role="heading"][aria-level="2"]',
  /** The reading pane around that heading. */
  threadView: '[role="main"]',
  /** People in a message header: persona chips carry the address in a title or label. */
  threadPeople: '[title*="@"], [aria-label*="@"]',
  /**
   * A message's body in the reading pane (2026: `div[id^="UniqueMessageBody_"][role=document]`,
   * labelled "Message body"): what the sender wrote, so never a source of participants.
   */
  messageBody: '[id^="UniqueMessageBody"], [role="document"], [aria-label="Message body"]',
  /**
   * Send. Outlook's classes change per build and its labels are localised, so the label and
   * the tooltip naming its shortcut in English and German (the languages we ship); the shortcut
   * itself (Ctrl/Cmd+Enter) is read in any language.
   */
  send: 'button[aria-label="Send"], button[aria-label="Senden"], button[title$="(Ctrl+Enter)"], button[title$="(Strg+Eingabe)"]',
  /** How far up from the body the compose form may start. */
  maxDepth: 14,
} as const;
