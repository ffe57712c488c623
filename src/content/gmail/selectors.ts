/**
 * Where Gmail keeps what we read. Its class names are obfuscated but have been stable for
 * years; each alternative says which layout it serves. aria-labels are localised and never used.
 */
export const GMAIL = {
  /** Every compose body (new message, pop-out, full screen, inline reply): Closure's editable. */
  body: 'div[contenteditable="true"][role="textbox"][g_editable="true"]',
  /** Fallback for the body when `g_editable` goes: the editable's own classes. */
  bodyByClass: 'div.Am.editable[contenteditable="true"][role="textbox"]',
  /** The compose window: `.M9` holds header, fields, body and toolbar in all compose kinds. */
  container: '.M9',
  /** Fallback container: the compose form's enclosing region. */
  containerFallback: '[role="region"], [role="dialog"]',
  /** Subject input (hidden, but present, in an inline reply). */
  subject: 'input[name="subjectbox"]',
  /** Recipient chips since 2021: the To row's chips carry the address and name. */
  toChips: 'div[name="to"] [data-hovercard-id]',
  /** Older chips (≤ 2020 layout): spans with `email` and `name` attributes in the To row. */
  toChipsOld: '[name="to"] span[email], .vR span[email]',
  /** What the user typed but has not turned into a chip yet; the 2020 saved page has this. */
  toText: 'textarea[name="to"], input[name="to"]',
  /** The bottom toolbar row and its send cell. */
  toolbar: 'tr.btC',
  sendCell: 'td.gU.Up',
  /**
   * Send: the primary button (`T-I-atl`) of the send cell, not its "More send options" arrow
   * (`hG`); the second alternative is the same button where the cell's classes changed.
   */
  send: 'td.gU.Up [role="button"].T-I-atl:not(.hG), .M9 div.T-I.T-I-atl[role="button"]:not(.hG)',
  /** The open conversation's subject heading in the reading pane. */
  threadSubject: 'h2.hP',
  /** Senders (`gD`) and recipients (`g2`) of the messages in the open conversation. */
  threadPeople: 'span.gD[email], span.g2[email]',
  /** A message's body in the conversation (`div.a3s`): what the sender wrote, never read for people. */
  messageBody: '.a3s',
  /** The conversation view holding the messages. */
  threadView: '[role="main"]',
} as const;
