import * as v from 'valibot';
import { CHANNELS, OUTREACH_KINDS, RELATIONSHIPS, type OutreachKind, type Relationship } from '../shared/model.ts';

/**
 * Every message that crosses into the background: its payload schema, who may send it, and
 * (in `Replies`) what it answers. The background rejects anything not described here.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const name = v.pipe(text(300), v.trim(), v.minLength(1, 'empty'));
const optionalText = (max: number) => v.optional(text(max));

const linkedinProfileUrl = v.pipe(
  text(2048),
  v.regex(/^https:\/\/www\.linkedin\.com\/in\/[^/?#\s]+\/$/, 'not a LinkedIn profile URL'),
);

export const PersonSchema = v.strictObject({
  fullName: name,
  firstName: optionalText(100),
  headline: optionalText(500),
  company: optionalText(300),
  linkedinUrl: v.optional(linkedinProfileUrl),
  email: v.optional(v.pipe(text(320), v.email('not an email address'))),
});
export type Person = v.InferOutput<typeof PersonSchema>;

export const GroupSchema = v.strictObject({
  name: name,
  url: v.pipe(text(2048), v.regex(/^https:\/\/www\.linkedin\.com\/groups\/[^/?#\s]+\/$/, 'not a LinkedIn group URL')),
});
export type Group = v.InferOutput<typeof GroupSchema>;

const kind = v.picklist(OUTREACH_KINDS, 'unknown outreach kind');
const channel = v.picklist(CHANNELS, 'unknown channel');
const relationship = v.picklist(RELATIONSHIPS, 'unknown relationship');
const idempotencyKey = v.pipe(text(100), v.regex(/^[A-Za-z0-9_-]{8,100}$/, 'malformed idempotency key'));

export const MESSAGE_SCHEMAS = {
  /** A draft for a person, or for a group post; `templateId` picks a template other than the kind's first. */
  'draft.compose': v.pipe(
    v.strictObject({
      kind,
      channel,
      templateId: v.optional(text(200)),
      person: v.optional(PersonSchema),
      group: v.optional(GroupSchema),
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
  }),
  'outreach.log': v.strictObject({
    idempotencyKey,
    kind,
    channel,
    text: v.pipe(text(20_000), v.minLength(1, 'empty')),
    person: PersonSchema,
  }),
} as const;

export type MessageType = keyof typeof MESSAGE_SCHEMAS;
export type Payload<T extends MessageType> = v.InferOutput<(typeof MESSAGE_SCHEMAS)[T]>;

/** Where content scripts run; each may send only the messages listed for it. */
export type Site = 'linkedin';

export const ALLOWED_SENDERS: Record<MessageType, { extensionPages: boolean; contentScripts: readonly Site[] }> = {
  'draft.compose': { extensionPages: true, contentScripts: ['linkedin'] },
  'templates.list': { extensionPages: true, contentScripts: ['linkedin'] },
  'contact.context': { extensionPages: true, contentScripts: ['linkedin'] },
  'contact.setRelationship': { extensionPages: true, contentScripts: ['linkedin'] },
  'outreach.logGroupPost': { extensionPages: true, contentScripts: ['linkedin'] },
  'outreach.log': { extensionPages: true, contentScripts: ['linkedin'] },
};

export interface TemplateSummary {
  id: string;
  name: string;
  kind: OutreachKind;
  channel: v.InferOutput<typeof channel>;
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
  };
  'templates.list': { templates: TemplateSummary[] };
  'contact.context': { relationship?: Relationship; hint?: string };
  'contact.setRelationship': { contactId: string };
  'outreach.logGroupPost': { outreachId: string; duplicate: boolean };
  'outreach.log': { outreachId: string; contactId: string; duplicate: boolean };
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
