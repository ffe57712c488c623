/**
 * The exports people have, recognised by their headers: which fields each column fills. A
 * known format maps only the columns it knows (Outlook's `Title` is "Mr.", not a job title);
 * an unknown file gets a guess from common header names. The user can change every column.
 */

export const CONTACT_IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'middleName',
  'lastName',
  'email',
  'company',
  'headline',
  'linkedinUrl',
  'relationship',
  'lifecycleStage',
  'notes',
  'connectedOn',
  'lastActivity',
] as const;

export const DEAL_IMPORT_FIELDS = [
  'recordId',
  'dealName',
  'amount',
  'currency',
  'stage',
  'status',
  'isClosed',
  'closeDate',
  'wonTime',
  'nextStep',
  'people',
] as const;

export type ImportField = (typeof CONTACT_IMPORT_FIELDS)[number] | (typeof DEAL_IMPORT_FIELDS)[number];
export const IMPORT_FIELDS: readonly ImportField[] = [...CONTACT_IMPORT_FIELDS, ...DEAL_IMPORT_FIELDS];
/** Which field each column fills; `null` leaves the column out. */
export type ImportMapping = (ImportField | null)[];

export type ImportKind = 'contacts' | 'deals';

export const FORMAT_IDS = [
  'linkedin-connections',
  'google-contacts',
  'google-contacts-legacy',
  'outlook-desktop',
  'outlook-com',
  'hubspot-contacts',
  'hubspot-deals',
  'salesforce-contacts',
  'salesforce-opportunities',
  'pipedrive-deals',
  'pipedrive-people',
  'generic',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

interface Format {
  id: FormatId;
  kind: ImportKind;
  /** Every group must have one of its header names present. */
  signature: readonly (readonly string[])[];
  /** Header name (normalised) → field. */
  columns: Readonly<Record<string, ImportField>>;
}

/** Header names compared without case, surrounding space or repeated spaces. */
export function normalHeader(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

const OUTLOOK_COLUMNS: Record<string, ImportField> = {
  'first name': 'firstName',
  'middle name': 'middleName',
  'last name': 'lastName',
  company: 'company',
  'job title': 'headline',
  'e-mail address': 'email',
  notes: 'notes',
  // German Outlook writes its headers in the UI language.
  vorname: 'firstName',
  'weitere vornamen': 'middleName',
  nachname: 'lastName',
  firma: 'company',
  position: 'headline',
  'e-mail-adresse': 'email',
  notizen: 'notes',
};

const PIPEDRIVE_DEAL_COLUMNS: Record<string, ImportField> = {
  'deal - id': 'recordId',
  'deal - title': 'dealName',
  'deal - value': 'amount',
  'deal - currency of value': 'currency',
  'deal - currency': 'currency',
  'deal - status': 'status',
  'deal - stage': 'stage',
  'deal - contact person': 'fullName',
  'deal - organization': 'company',
  'deal - expected close date': 'closeDate',
  'deal - last activity date': 'lastActivity',
  'deal - won time': 'wonTime',
  'person - email - work': 'email',
  'person - email': 'email',
  // Pipedrive translates its headers into the user's language (German here).
  'deal - titel': 'dealName',
  'deal - wert': 'amount',
  'deal - währung des werts': 'currency',
  'deal - währung': 'currency',
  'deal - phase': 'stage',
  'deal - kontaktperson': 'fullName',
  'deal - organisation': 'company',
  'deal - erwartetes abschlussdatum': 'closeDate',
  'deal - datum der letzten aktivität': 'lastActivity',
  'deal - zeitpunkt des gewinns': 'wonTime',
  'person - e-mail - arbeit': 'email',
  'person - e-mail': 'email',
};

const FORMATS: readonly Format[] = [
  {
    id: 'linkedin-connections',
    kind: 'contacts',
    signature: [['first name'], ['last name'], ['connected on']],
    columns: {
      'first name': 'firstName',
      'last name': 'lastName',
      url: 'linkedinUrl',
      'email address': 'email',
      company: 'company',
      position: 'headline',
      'connected on': 'connectedOn',
    },
  },
  {
    id: 'hubspot-deals',
    kind: 'deals',
    signature: [['record id'], ['deal name'], ['deal stage']],
    columns: {
      'record id': 'recordId',
      'deal name': 'dealName',
      'deal stage': 'stage',
      'close date': 'closeDate',
      amount: 'amount',
      currency: 'currency',
      'is deal closed?': 'isClosed',
      'last activity date': 'lastActivity',
      'next step': 'nextStep',
      'associated contact': 'people',
      'associated company': 'company',
    },
  },
  {
    id: 'hubspot-contacts',
    kind: 'contacts',
    signature: [['record id'], ['email'], ['first name', 'lifecycle stage']],
    columns: {
      'first name': 'firstName',
      'last name': 'lastName',
      email: 'email',
      'company name': 'company',
      'job title': 'headline',
      'lifecycle stage': 'lifecycleStage',
      'last activity date': 'lastActivity',
      'linkedin url': 'linkedinUrl',
    },
  },
  {
    id: 'salesforce-opportunities',
    kind: 'deals',
    signature: [['opportunity name'], ['stage']],
    columns: {
      'opportunity id': 'recordId',
      'opportunity name': 'dealName',
      'account name': 'company',
      amount: 'amount',
      'amount currency': 'currency',
      'opportunity currency': 'currency',
      stage: 'stage',
      'close date': 'closeDate',
      'last activity': 'lastActivity',
      'next step': 'nextStep',
      'contact name': 'fullName',
      'primary contact': 'fullName',
      email: 'email',
      closed: 'isClosed',
    },
  },
  {
    id: 'salesforce-contacts',
    kind: 'contacts',
    signature: [['account name'], ['first name'], ['last name']],
    columns: {
      'first name': 'firstName',
      'last name': 'lastName',
      title: 'headline',
      'account name': 'company',
      email: 'email',
      'last activity': 'lastActivity',
      description: 'notes',
    },
  },
  {
    id: 'pipedrive-deals',
    kind: 'deals',
    signature: [['deal - title', 'deal - titel']],
    columns: PIPEDRIVE_DEAL_COLUMNS,
  },
  {
    id: 'pipedrive-people',
    kind: 'contacts',
    signature: [['person - name']],
    columns: {
      'person - name': 'fullName',
      'person - first name': 'firstName',
      'person - last name': 'lastName',
      'person - email - work': 'email',
      'person - email': 'email',
      'person - e-mail - arbeit': 'email',
      'person - organization': 'company',
      'person - organisation': 'company',
      'person - job title': 'headline',
      'person - last activity date': 'lastActivity',
      'person - datum der letzten aktivität': 'lastActivity',
    },
  },
  {
    id: 'google-contacts',
    kind: 'contacts',
    signature: [['first name'], ['last name'], ['labels'], ['e-mail 1 - value']],
    columns: {
      'first name': 'firstName',
      'middle name': 'middleName',
      'last name': 'lastName',
      'organization name': 'company',
      'organization title': 'headline',
      'e-mail 1 - value': 'email',
      'website 1 - value': 'linkedinUrl',
      notes: 'notes',
    },
  },
  {
    id: 'google-contacts-legacy',
    kind: 'contacts',
    signature: [['given name'], ['family name'], ['e-mail 1 - type']],
    columns: {
      name: 'fullName',
      'given name': 'firstName',
      'additional name': 'middleName',
      'family name': 'lastName',
      'organization 1 - name': 'company',
      'organization 1 - title': 'headline',
      'e-mail 1 - value': 'email',
      'website 1 - value': 'linkedinUrl',
      notes: 'notes',
    },
  },
  {
    id: 'outlook-desktop',
    kind: 'contacts',
    signature: [['e-mail type', 'e-mail-typ']],
    columns: OUTLOOK_COLUMNS,
  },
  {
    id: 'outlook-com',
    kind: 'contacts',
    signature: [['given yomi', 'surname yomi']],
    columns: OUTLOOK_COLUMNS,
  },
];

/** Common header names of other files (the generic guess). */
const GENERIC: Readonly<Record<string, ImportField>> = {
  'first name': 'firstName',
  firstname: 'firstName',
  'given name': 'firstName',
  vorname: 'firstName',
  'last name': 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  'family name': 'lastName',
  nachname: 'lastName',
  'full name': 'fullName',
  name: 'fullName',
  contact: 'fullName',
  'contact name': 'fullName',
  'email address': 'email',
  email: 'email',
  'e-mail': 'email',
  'e-mail address': 'email',
  'e-mail-adresse': 'email',
  'work email': 'email',
  'company name': 'company',
  company: 'company',
  organization: 'company',
  organisation: 'company',
  account: 'company',
  'account name': 'company',
  firma: 'company',
  'job title': 'headline',
  title: 'headline',
  headline: 'headline',
  position: 'headline',
  'linkedin url': 'linkedinUrl',
  linkedin: 'linkedinUrl',
  'linkedin profile': 'linkedinUrl',
  'profile url': 'linkedinUrl',
  url: 'linkedinUrl',
  relationship: 'relationship',
  notes: 'notes',
  note: 'notes',
  'deal name': 'dealName',
  deal: 'dealName',
  'opportunity name': 'dealName',
  amount: 'amount',
  value: 'amount',
  currency: 'currency',
  stage: 'stage',
  status: 'status',
  'close date': 'closeDate',
  'last activity': 'lastActivity',
  'last activity date': 'lastActivity',
  'next step': 'nextStep',
};

export interface Recognised {
  format: FormatId;
  kind: ImportKind;
  mapping: ImportMapping;
}

function matches(format: Format, names: ReadonlySet<string>): boolean {
  return format.signature.every((group) => group.some((name) => names.has(name)));
}

/** The format of a header row and its column mapping (a repeated header name fills the same field). */
export function recognise(header: readonly string[]): Recognised {
  const names = header.map(normalHeader);
  const present = new Set(names);
  const format = FORMATS.find((candidate) => matches(candidate, present));
  if (format)
    return { format: format.id, kind: format.kind, mapping: names.map((name) => format.columns[name] ?? null) };
  const mapping = guessGeneric(names);
  return { format: 'generic', kind: kindOfMapping(mapping), mapping };
}

function guessGeneric(names: readonly string[]): ImportMapping {
  const used = new Map<ImportField, string>();
  return names.map((name) => {
    const field = GENERIC[name];
    if (!field) return null;
    const taken = used.get(field);
    // A field filled by one header name only (a repeated header fills it again).
    if (taken !== undefined && taken !== name) return null;
    used.set(field, name);
    return field;
  });
}

/** A mapping with a deal name imports deals; any other imports contacts. */
export function kindOfMapping(mapping: ImportMapping): ImportKind {
  return mapping.includes('dealName') ? 'deals' : 'contacts';
}

/** Where a deal comes from, for its id and `source`. */
export function dealSourceOf(format: FormatId): 'hubspot' | 'salesforce' | 'pipedrive' | 'manual' {
  if (format.startsWith('hubspot')) return 'hubspot';
  if (format.startsWith('salesforce')) return 'salesforce';
  if (format.startsWith('pipedrive')) return 'pipedrive';
  return 'manual';
}
