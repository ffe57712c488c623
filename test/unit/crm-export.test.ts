import { describe, expect, it } from 'vitest';
import {
  CRM_CONTACT_HEADERS,
  CRM_OUTREACH_HEADERS,
  crmContactsCsv,
  crmOutreachCsv,
} from '../../src/shared/crm-export.ts';
import { readImportFile } from '../../src/shared/import/read.ts';
import type { Contact, Outreach } from '../../src/shared/model.ts';

const MAYA: Contact = {
  id: 'c1',
  fullName: 'Maya Ortiz',
  firstName: 'Maya',
  email: 'maya@brightwater.example',
  company: 'Brightwater Foods',
  headline: 'VP Procurement',
  relationship: 'customer',
  notes: 'Met at =SUM(1)',
  createdAt: 1,
  updatedAt: 1,
};
const CHER: Contact = { id: 'c2', fullName: 'Cher', firstName: 'Cher', createdAt: 1, updatedAt: 1 };
const ASK: Outreach = {
  id: 'o1',
  idempotencyKey: 'o1',
  contactId: 'c1',
  contactName: 'Maya Ortiz',
  kind: 'referral-ask',
  channel: 'email',
  text: 'Who else should hear about this?',
  createdAt: new Date(2026, 11, 2, 10).getTime(),
  status: 'awaiting',
};
const lines = (csv: string) => csv.trimEnd().split('\r\n');

describe('exports a CRM imports without mapping', () => {
  it('HubSpot contacts: property labels; a customer is Lifecycle Stage "customer"', () => {
    const [header, maya] = lines(crmContactsCsv('hubspot', [MAYA]));
    expect(header).toBe('First Name,Last Name,Email,Company Name,Job Title,Lifecycle Stage,LinkedIn URL');
    expect(maya).toBe('Maya,Ortiz,maya@brightwater.example,Brightwater Foods,VP Procurement,customer,');
  });

  it('Salesforce contacts: a one-word name goes to the required Last Name', () => {
    const [header, maya, cher] = lines(crmContactsCsv('salesforce', [MAYA, CHER]));
    expect(header).toBe(CRM_CONTACT_HEADERS.salesforce.join(','));
    expect(maya).toBe('Maya,Ortiz,maya@brightwater.example,Brightwater Foods,VP Procurement,Met at =SUM(1)');
    expect(cher).toBe(',Cher,,,,');
  });

  it('outreach as HubSpot notes, Salesforce tasks and Pipedrive activities, tied to the person by email', () => {
    const byId = new Map([[MAYA.id, MAYA]]);
    const subject = (r: Outreach) => `Referral ask: ${r.contactName}`;
    expect(lines(crmOutreachCsv('salesforce', [ASK], byId, subject))).toEqual([
      CRM_OUTREACH_HEADERS.salesforce.join(','),
      'Referral ask: Maya Ortiz,2026-12-02,Open,Email,Who else should hear about this?,maya@brightwater.example',
    ]);
    expect(lines(crmOutreachCsv('pipedrive', [ASK], byId, subject))[1]).toBe(
      'Referral ask: Maya Ortiz,email,2026-12-02,0,Who else should hear about this?,Maya Ortiz,maya@brightwater.example',
    );
    const hubspot = crmOutreachCsv('hubspot', [ASK], byId, subject);
    expect(hubspot.startsWith('Email,First Name,Last Name,Activity date,Note body\r\n')).toBe(true);
    expect(hubspot).toContain('maya@brightwater.example,Maya,Ortiz,2026-12-02,"Referral ask: Maya Ortiz');
  });

  it('our own import reads the CRM contacts files back', () => {
    const file = readImportFile(new TextEncoder().encode(crmContactsCsv('hubspot', [MAYA])));
    expect(file.mapping.slice(0, 5)).toEqual(['firstName', 'lastName', 'email', 'company', 'headline']);
  });
});
