import { lastNameOf, writeCsv, type Cell } from './csv.ts';
import { localDateOf } from './dates.ts';
import type { Contact, Outreach } from './model.ts';

/**
 * Contacts and outreach as files a CRM imports without mapping: each CRM's import matches
 * columns whose header is the field's name in its import template, so the headers below are
 * those names (HubSpot: property labels; Salesforce: the Data Import Wizard's contact labels
 * and Data Loader's task field names; Pipedrive: its "Item - Field" names). Outreach goes in as
 * activities (HubSpot notes, Salesforce tasks, Pipedrive activities) tied to the person by email.
 */

export const CRMS = ['hubspot', 'salesforce', 'pipedrive'] as const;
export type Crm = (typeof CRMS)[number];

export const CRM_CONTACT_HEADERS: Record<Crm, readonly string[]> = {
  hubspot: ['First Name', 'Last Name', 'Email', 'Company Name', 'Job Title', 'Lifecycle Stage', 'LinkedIn URL'],
  salesforce: ['First Name', 'Last Name', 'Email', 'Account Name', 'Title', 'Description'],
  pipedrive: ['Person - Name', 'Person - Email', 'Person - Organization', 'Person - Job title', 'Person - Notes'],
};

export const CRM_OUTREACH_HEADERS: Record<Crm, readonly string[]> = {
  hubspot: ['Email', 'First Name', 'Last Name', 'Activity date', 'Note body'],
  salesforce: ['Subject', 'ActivityDate', 'Status', 'Type', 'Description', 'Email'],
  pipedrive: [
    'Activity - Subject',
    'Activity - Type',
    'Activity - Due date',
    'Activity - Done',
    'Activity - Note',
    'Person - Name',
    'Person - Email',
  ],
};

/** HubSpot's lifecycle stage for a customer; other relationships leave the CRM's stage alone. */
function lifecycleOf(contact: Contact): string {
  return contact.relationship === 'customer' ? 'customer' : '';
}

export function crmContactsCsv(crm: Crm, contacts: Iterable<Contact>): string {
  function* rows(): Generator<Cell[]> {
    for (const c of contacts) {
      const last = lastNameOf(c);
      if (crm === 'hubspot') yield [c.firstName, last, c.email, c.company, c.headline, lifecycleOf(c), c.linkedinUrl];
      // Salesforce requires a last name: a one-word name goes there.
      else if (crm === 'salesforce')
        yield last
          ? [c.firstName, last, c.email, c.company, c.headline, c.notes]
          : ['', c.fullName, c.email, c.company, c.headline, c.notes];
      else yield [c.fullName, c.email, c.company, c.headline, c.notes];
    }
  }
  return writeCsv(CRM_CONTACT_HEADERS[crm], rows());
}

/** A one-line subject for an activity: what kind of ask, to whom. */
export type SubjectOf = (record: Outreach) => string;

export function crmOutreachCsv(
  crm: Crm,
  records: Iterable<Outreach>,
  contactById: ReadonlyMap<string, Contact>,
  subjectOf: SubjectOf,
): string {
  function* rows(): Generator<Cell[]> {
    for (const r of records) {
      const contact = r.contactId ? contactById.get(r.contactId) : undefined;
      const date = localDateOf(new Date(r.createdAt));
      const email = contact?.email;
      if (crm === 'hubspot')
        yield [email, contact?.firstName, contact ? lastNameOf(contact) : '', date, `${subjectOf(r)}\n\n${r.text}`];
      else if (crm === 'salesforce')
        yield [
          subjectOf(r),
          date,
          r.status === 'resolved' ? 'Completed' : 'Open',
          r.channel === 'email' ? 'Email' : 'Other',
          r.text,
          email,
        ];
      else
        yield [
          subjectOf(r),
          r.channel === 'email' ? 'email' : 'task',
          date,
          r.status === 'resolved' ? '1' : '0',
          r.text,
          r.contactName,
          email,
        ];
    }
  }
  return writeCsv(CRM_OUTREACH_HEADERS[crm], rows());
}
