/**
 * The user's webmail compose window, filled through its documented compose URL: the user reads,
 * edits and sends it there. Nothing is sent from here.
 */

export const WEBMAILS = ['gmail', 'outlook'] as const;
export type Webmail = (typeof WEBMAILS)[number];

export interface ComposeFields {
  to: string;
  subject: string;
  body: string;
}

/**
 * Gmail: `https://mail.google.com/mail/?view=cm&fs=1&to=…&su=…&body=…`.
 * Outlook on the web: `https://outlook.office.com/mail/deeplink/compose?to=…&subject=…&body=…`.
 * Values are percent-encoded (URLSearchParams writes a space as `+`, which Outlook's deep link
 * keeps as a plus sign, so every value is encoded with encodeURIComponent instead).
 */
export function composeUrl(webmail: Webmail, fields: ComposeFields): string {
  const encode = (pairs: [string, string][]) =>
    pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  if (webmail === 'gmail')
    return `https://mail.google.com/mail/?${encode([
      ['view', 'cm'],
      ['fs', '1'],
      ['to', fields.to],
      ['su', fields.subject],
      ['body', fields.body],
    ])}`;
  return `https://outlook.office.com/mail/deeplink/compose?${encode([
    ['to', fields.to],
    ['subject', fields.subject],
    ['body', fields.body],
  ])}`;
}

/** A LinkedIn tab for the person: their profile, or a people search by name when the book has no URL. */
export function profileUrl(person: { fullName: string; linkedinUrl?: string | undefined }): string {
  return (
    person.linkedinUrl ??
    `https://www.linkedin.com/search/results/people/?keywords=${encodeURIComponent(person.fullName)}`
  );
}
