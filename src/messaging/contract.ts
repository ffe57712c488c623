import * as v from 'valibot';
import { PERSON_LIMITS } from '../shared/person-limits.ts';
import type { ContactHint } from '../shared/contact-hint.ts';
import { CHANNELS, OUTREACH_KINDS, RELATIONSHIPS, type OutreachKind, type Relationship } from '../shared/model.ts';
import { SITE_CHECK_CODES, type SiteCheckSite } from '../shared/site-check.ts';
import { PLACEHOLDERS, type Placeholder } from '../shared/template.ts';

/**
 * Every message that crosses into the background: its payload schema, who may send it, and
 * (in `Replies`) what it answers. The background rejects anything not described here.
 */

// The parts below are shared with page-writes.ts: a field means the same wherever it is written.
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
export const name = v.pipe(text(PERSON_LIMITS.fullName), v.trim(), v.minLength(1, 'empty'));
export const optionalText = (max: number) => v.optional(text(max));

const linkedinProfileUrl = v.pipe(
  text(2048),
  v.regex(/^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+\/$/, 'not a LinkedIn profile URL'),
);

export const PersonSchema = v.strictObject({
  fullName: name,
  firstName: optionalText(PERSON_LIMITS.firstName),
  headline: optionalText(PERSON_LIMITS.headline),
  company: optionalText(PERSON_LIMITS.company),
  linkedinUrl: v.optional(linkedinProfileUrl),
  email: v.optional(v.pipe(text(PERSON_LIMITS.email), v.email('not an email address'))),
});
export type Person = v.InferOutput<typeof PersonSchema>;

/** Whom a "Helped: referral" named: a name, and a company, email or LinkedIn URL when known. */
export const ReferralSchema = v.strictObject({
  fullName: name,
  company: optionalText(PERSON_LIMITS.company),
  linkedinUrl: v.optional(linkedinProfileUrl),
  email: v.optional(v.pipe(text(PERSON_LIMITS.email), v.email('not an email address'))),
});

/** A person as a LinkedIn page names them: never an email address (the page shows none). */
export const LinkedinPersonSchema = v.strictObject({
  fullName: name,
  firstName: optionalText(PERSON_LIMITS.firstName),
  headline: optionalText(PERSON_LIMITS.headline),
  company: optionalText(PERSON_LIMITS.company),
  linkedinUrl: v.optional(linkedinProfileUrl),
});

export const GroupSchema = v.strictObject({
  name: name,
  url: v.pipe(text(2048), v.regex(/^https:\/\/www\.linkedin\.com\/groups\/[^/?#\s]+\/$/, 'not a LinkedIn group URL')),
});
export type Group = v.InferOutput<typeof GroupSchema>;

export const kind = v.picklist(OUTREACH_KINDS, 'unknown outreach kind');
export const channel = v.picklist(CHANNELS, 'unknown channel');
export const relationship = v.picklist(RELATIONSHIPS, 'unknown relationship');
const emailAddress = v.pipe(text(320), v.trim(), v.toLowerCase(), v.email('not an email address'));

/** One recipient of a webmail compose window. */
export const RecipientSchema = v.strictObject({ email: emailAddress, name: v.optional(name) });
export type Recipient = v.InferOutput<typeof RecipientSchema>;

/** Outcomes recorded from the inbox (the rest — no reply, lost — are set in the dashboard). */
export const RECORDABLE_OUTCOMES = [
  'replied',
  'helped-referral',
  'helped-intro',
  'helped-advice',
  'meeting',
  'won',
  'declined',
] as const;
export type RecordableOutcome = (typeof RECORDABLE_OUTCOMES)[number];

/** A won deal's amount, from the inbox and from extension pages alike. */
export const wonAmount = v.pipe(v.number(), v.finite(), v.minValue(0.01, 'not positive'), v.maxValue(1e12));

/** A private frame's session: opaque, random, minted by the background. */
const sessionId = v.pipe(text(64), v.regex(/^[A-Za-z0-9]{16,64}$/, 'malformed session'));

/**
 * What a content script may ask the private frame to show, after a trusted click on one of its
 * in-page buttons: only what the page itself shows (a name, the addresses in the headers).
 * Everything private is looked up by the frame, an extension page the site cannot read.
 */
export const FrameOpenSchema = v.variant('view', [
  v.strictObject({
    view: v.literal('profile'),
    kind: v.picklist(['referral-ask', 'favour-ask'], 'not an in-page profile action'),
    person: LinkedinPersonSchema,
    /** The page offers Connect but no Message: the text goes as a connection note. */
    via: v.optional(v.literal('connection-note')),
  }),
  v.strictObject({ view: v.literal('group'), group: GroupSchema }),
  v.strictObject({ view: v.literal('message'), person: v.optional(LinkedinPersonSchema) }),
  v.strictObject({ view: v.literal('templates'), recipient: v.optional(RecipientSchema) }),
  v.strictObject({
    view: v.literal('outcome'),
    participants: v.pipe(
      v.array(RecipientSchema),
      v.minLength(1, 'no participant'),
      v.maxLength(10, 'more than 10 participants'),
    ),
  }),
]);
export type FrameOpen = v.InferOutput<typeof FrameOpenSchema>;
export type FrameView = FrameOpen['view'];
/** Which site's content script may open which view. */
export const FRAME_VIEWS_BY_SITE: Record<Site, readonly FrameView[]> = {
  linkedin: ['profile', 'group', 'message'],
  gmail: ['templates', 'outcome'],
  outlook: ['templates', 'outcome'],
};

const idempotencyKey = v.pipe(text(100), v.regex(/^[A-Za-z0-9_-]{8,100}$/, 'malformed idempotency key'));

/**
 * A webmail compose window's token: 32 random hex digits the content script minted when our text
 * went into that window. It is the draft's idempotency key, and all `webmail.sent` carries.
 */
export const composeToken = v.pipe(text(32), v.regex(/^[0-9a-f]{32}$/, 'malformed compose token'));

/** Copied or inserted, not sent yet: kept as a draft, counted only once it is sent (issue 15). */
const asDraft = v.optional(v.literal(true));

/** A site check report of one site: nothing but codes from that site's lists. */
function siteCheckSchema<S extends SiteCheckSite>(site: S) {
  const codes = SITE_CHECK_CODES[site];
  return v.strictObject({
    layout: v.picklist(codes.layouts as unknown as Codes<S, 'layouts'>, 'unknown layout'),
    missing: v.pipe(
      v.array(v.picklist(codes.anchors as unknown as Codes<S, 'anchors'>, 'unknown anchor')),
      v.maxLength(8),
    ),
    fallbacks: v.pipe(
      v.array(v.picklist(codes.fallbacks as unknown as Codes<S, 'fallbacks'>, 'unknown fallback')),
      v.maxLength(4),
    ),
  });
}
type Codes<S extends SiteCheckSite, K extends 'layouts' | 'anchors' | 'fallbacks'> = [
  (typeof SITE_CHECK_CODES)[S][K][number],
  ...(typeof SITE_CHECK_CODES)[S][K][number][],
];

/** Values the user typed for a draft's missing placeholders: the draft is rendered with them (nothing is written). */
const fill = v.optional(
  v.strictObject(
    Object.fromEntries(PLACEHOLDERS.map((placeholder) => [placeholder, optionalText(1000)])) as Record<
      Placeholder,
      ReturnType<typeof optionalText>
    >,
  ),
);

export const MESSAGE_SCHEMAS = {
  /** A draft for a person, or for a group post; `templateId` picks a template other than the kind's first. */
  'draft.compose': v.pipe(
    v.strictObject({
      kind,
      channel,
      templateId: v.optional(text(200)),
      person: v.optional(PersonSchema),
      group: v.optional(GroupSchema),
      fill,
    }),
    v.check((draft) => (draft.person === undefined) !== (draft.group === undefined), 'needs a person or a group'),
  ),
  /** Template names for a picker; bodies stay in the background until one is drafted. */
  'templates.list': v.strictObject({ channel: v.optional(channel) }),
  /** What the page may show about a LinkedIn member: the relationship and at most a one-line hint. */
  'contact.context': v.strictObject({ linkedinUrl: linkedinProfileUrl }),
  'contact.setRelationship': v.strictObject({ person: PersonSchema, relationship }),
  'outreach.logGroupPost': v.strictObject({
    idempotencyKey,
    text: v.pipe(text(20_000), v.minLength(1, 'empty')),
    group: GroupSchema,
    draft: asDraft,
  }),
  'outreach.log': v.pipe(
    v.strictObject({
      idempotencyKey,
      kind,
      channel,
      text: v.pipe(text(20_000), v.minLength(1, 'empty')),
      person: PersonSchema,
      /** A stalled-deal revival belongs to its deal (the deals store's id). */
      dealId: v.optional(v.pipe(text(300), v.minLength(1, 'empty'))),
      draft: asDraft,
    }),
    v.check(
      (o) => o.dealId === undefined || o.kind === 'stalled-revival',
      'a deal goes with a stalled-deal revival only',
    ),
  ),
  /** Webmail: who is in the log among a compose window's or a thread's addresses (at most 10). */
  'contact.lookup': v.strictObject({
    emails: v.pipe(v.array(emailAddress), v.minLength(1, 'no address'), v.maxLength(10, 'more than 10 addresses')),
  }),
  /** Webmail: a template rendered for the first recipient, company and first name from the log. */
  'webmail.draft': v.strictObject({ templateId: text(200), recipient: v.optional(RecipientSchema), fill }),
  /** Webmail: an email inserted into a compose window, logged against the recipient. */
  'webmail.log': v.strictObject({
    idempotencyKey,
    templateId: text(200),
    text: v.pipe(text(20_000), v.minLength(1, 'empty')),
    recipient: RecipientSchema,
    /** The recipient's company as the user typed it for this draft (kept when the log has none). */
    company: optionalText(PERSON_LIMITS.company),
    draft: asDraft,
  }),
  /**
   * Extension pages: the user's own values typed into a missing-value form (name, company,
   * product, a good referral), kept in settings so the next draft has them.
   */
  'me.remember': v.strictObject({
    myName: optionalText(1000),
    myCompany: optionalText(1000),
    product: optionalText(1000),
    idealReferral: optionalText(1000),
  }),
  /** Extension pages: the user says a draft was sent ("Sent", "Mark sent"): it is logged and counted. */
  'outreach.markSent': v.strictObject({ idempotencyKey }),
  /** Extension pages: the user will not send this draft. */
  'outreach.discardDraft': v.strictObject({ idempotencyKey }),
  /**
   * Gmail and Outlook content scripts, on the user's own (trusted) Send click or Ctrl/Cmd+Enter in
   * a compose window our text went into; LinkedIn's, when the text it inserted into a message box
   * appears in the conversation. Only that window's token, nothing the page could choose.
   */
  'webmail.sent': v.strictObject({ composeToken }),
  /** Webmail: the outcome of the latest ask to this address; a win carries its amount. */
  'outcome.record': v.pipe(
    v.strictObject({
      email: emailAddress,
      outcome: v.picklist(RECORDABLE_OUTCOMES, 'not an outcome that can be recorded here'),
      wonAmount: v.optional(wonAmount),
      referral: v.optional(ReferralSchema),
    }),
    v.check((o) => (o.outcome === 'won') === (o.wonAmount !== undefined), 'a won amount goes with "won" only'),
    v.check(
      (o) => o.referral === undefined || o.outcome === 'helped-referral',
      'a referred person goes with "helped-referral" only',
    ),
  ),
  /** Webmail: the key the user bound to the insert-template command ('' when none), to show on the button. */
  'shortcut.insertTemplate': v.strictObject({}),
  /** Content scripts, on a trusted click: mint a private frame session for what the page shows. */
  'frame.open': FrameOpenSchema,
  /** The private frame, once: what it was opened for (the session is then spent). */
  'frame.session': v.strictObject({ session: sessionId }),
  /** The private frame: put the chosen text into the page's editor (the draft the user chose to paste). */
  'frame.insert': v.strictObject({
    session: sessionId,
    text: v.pipe(text(20_000), v.minLength(1, 'empty')),
    subject: optionalText(1000),
    /** The draft's sign-off, added below the text only when the compose carries no signature of its own. */
    signOff: optionalText(1000),
  }),
  /** The private frame: close me (the content script removes the frame and returns focus). */
  'frame.close': v.strictObject({ session: sessionId, message: optionalText(300) }),
  /**
   * Extension pages changed data or settings: re-create the reminder alarm, redraw the badge and
   * recompute the named queue. `queueIfStale`: a page that only looked (the popup after its first
   * paint) has the queue recomputed only when it is from another day.
   */
  'reminders.refresh': v.strictObject({ queueIfStale: v.optional(v.literal(true)) }),
  /** The site check: codes only (layout, missed anchors, fallbacks), each from its site's own list. */
  'siteCheck.linkedin': siteCheckSchema('linkedin'),
  'siteCheck.gmail': siteCheckSchema('gmail'),
  'siteCheck.outlook': siteCheckSchema('outlook'),
} as const;

export type MessageType = keyof typeof MESSAGE_SCHEMAS;
export type Payload<T extends MessageType> = v.InferOutput<(typeof MESSAGE_SCHEMAS)[T]>;

/** Where content scripts run; each may send only the messages listed for it. */
export type Site = 'linkedin' | 'gmail' | 'outlook';

/**
 * Content scripts run inside the sites' pages, next to code we do not trust: they may only open
 * the private frame (and read the shortcut shown on a button). Every read of the log and every
 * write comes from the frame or the other extension pages.
 */
export const ALLOWED_SENDERS: Record<MessageType, { extensionPages: boolean; contentScripts: readonly Site[] }> = {
  'draft.compose': { extensionPages: true, contentScripts: [] },
  'templates.list': { extensionPages: true, contentScripts: [] },
  'contact.context': { extensionPages: true, contentScripts: [] },
  'contact.setRelationship': { extensionPages: true, contentScripts: [] },
  'outreach.logGroupPost': { extensionPages: true, contentScripts: [] },
  'outreach.log': { extensionPages: true, contentScripts: [] },
  'contact.lookup': { extensionPages: true, contentScripts: [] },
  'webmail.draft': { extensionPages: true, contentScripts: [] },
  'webmail.log': { extensionPages: true, contentScripts: [] },
  'outcome.record': { extensionPages: true, contentScripts: [] },
  'me.remember': { extensionPages: true, contentScripts: [] },
  'outreach.markSent': { extensionPages: true, contentScripts: [] },
  'outreach.discardDraft': { extensionPages: true, contentScripts: [] },
  // The one write a content script may ask for: that the compose it holds a token for was sent.
  'webmail.sent': { extensionPages: false, contentScripts: ['gmail', 'outlook', 'linkedin'] },
  'shortcut.insertTemplate': { extensionPages: true, contentScripts: ['gmail', 'outlook'] },
  'frame.open': { extensionPages: false, contentScripts: ['linkedin', 'gmail', 'outlook'] },
  'frame.session': { extensionPages: true, contentScripts: [] },
  'frame.insert': { extensionPages: true, contentScripts: [] },
  'frame.close': { extensionPages: true, contentScripts: [] },
  'reminders.refresh': { extensionPages: true, contentScripts: [] },
  // Each site's content script reports only its own site: the message type names the site.
  'siteCheck.linkedin': { extensionPages: false, contentScripts: ['linkedin'] },
  'siteCheck.gmail': { extensionPages: false, contentScripts: ['gmail'] },
  'siteCheck.outlook': { extensionPages: false, contentScripts: ['outlook'] },
};

export interface TemplateSummary {
  id: string;
  name: string;
  kind: OutreachKind;
  channel: v.InferOutput<typeof channel>;
  /** A built-in written for these relationships (the menu offers the kind once; the draft picks it). */
  relationships?: Relationship[];
}

export interface Replies {
  'draft.compose': {
    text: string;
    templateId: string;
    templateName: string;
    kind: OutreachKind;
    subject?: string;
    unknown: string[];
    missing: string[];
    signOff?: string;
    suggest?: string[];
  };
  'templates.list': { templates: TemplateSummary[] };
  /** The hint is a fact, worded by the page in the user's language. */
  'contact.context': { relationship?: Relationship; hint?: ContactHint };
  'contact.setRelationship': { contactId: string };
  /** `drafted`: kept as a draft (no outreach yet: `outreachId` and `contactId` are ''). */
  'outreach.logGroupPost': { outreachId: string; duplicate: boolean; drafted: boolean };
  'outreach.log': { outreachId: string; contactId: string; duplicate: boolean; drafted: boolean };
  /** Only what a draft or the outcome action needs: never notes, values or the ledger. */
  'contact.lookup': {
    contacts: { email: string; company?: string; relationship?: Relationship; awaitingAsk: boolean }[];
  };
  'webmail.draft': {
    text: string;
    subject?: string;
    templateId: string;
    templateName: string;
    kind: OutreachKind;
    unknown: string[];
    missing: string[];
    signOff?: string;
    suggest?: string[];
  };
  'webmail.log': { outreachId: string; contactId: string; duplicate: boolean; drafted: boolean };
  /** `kept`: which of the user's own values were stored (empty ones are not). */
  'me.remember': { kept: string[] };
  /** `sent`: whether a draft (or an already logged ask) was found for the key. */
  'outreach.markSent': { sent: boolean; outreachId: string; duplicate: boolean };
  'outreach.discardDraft': { discarded: boolean };
  'webmail.sent': { sent: boolean };
  'outcome.record': { outreachId: string; contactName: string; outcome: RecordableOutcome; wonAmount?: number };
  /** As the browser reports it (chrome://extensions/shortcuts or Firefox's add-on shortcuts change it). */
  'shortcut.insertTemplate': { shortcut: string };
  'frame.open': { session: string };
  'frame.session': { site: Site; open: FrameOpen };
  /** Whether the page's editor took the text, and whether an empty subject was filled. */
  'frame.insert': { inserted: boolean; subjectSet: boolean; signedOff: boolean; composeToken?: string };
  'frame.close': { closed: boolean };
  /** The badge text now shown. */
  'reminders.refresh': { badge: string };
  'siteCheck.linkedin': Record<string, never>;
  'siteCheck.gmail': Record<string, never>;
  'siteCheck.outlook': Record<string, never>;
}

export type ErrorCode = 'invalid' | 'forbidden' | 'unknown-type' | 'failed';
export type Reply<T extends MessageType> =
  { ok: true; data: Replies[T] } | { ok: false; error: { code: ErrorCode; message: string } };

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Payload<T>;
}

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(MESSAGE_SCHEMAS, type);
}
