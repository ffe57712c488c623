import { useState } from 'preact/hooks';
import { t } from '../../i18n/t.ts';
import { CRMS, crmContactsCsv, crmOutreachCsv, type Crm } from '../../shared/crm-export.ts';
import type { Outreach } from '../../shared/model.ts';
import { allOutreach } from '../../storage/dashboard.ts';
import { getDb } from '../../storage/db.ts';
import { KIND_LABELS } from '../../ui/format.ts';
import { download, stamp } from './files.ts';

const CRM_NAMES: Record<Crm, string> = { hubspot: 'HubSpot', salesforce: 'Salesforce', pipedrive: 'Pipedrive' };

/** "Referral ask: Jordan Whitfield" — the kind in the UI language, as the activity's subject. */
function subjectOf(record: Outreach): string {
  return t('crmActivitySubject', KIND_LABELS[record.kind] ?? record.kind, record.contactName);
}

/** Back to the CRM: contacts and outreach in the headers each CRM's import maps by itself. */
export function CrmExports() {
  const [crm, setCrm] = useState<Crm>('hubspot');
  async function contacts() {
    const db = await getDb();
    download(
      `gap-closer-${crm}-contacts-${stamp()}.csv`,
      `\uFEFF${crmContactsCsv(crm, await db.getAll('contacts'))}`,
      'text/csv',
    );
  }
  async function outreach() {
    const db = await getDb();
    const [records, people] = await Promise.all([allOutreach(db), db.getAll('contacts')]);
    const byId = new Map(people.map((c) => [c.id, c]));
    download(
      `gap-closer-${crm}-activities-${stamp()}.csv`,
      `\uFEFF${crmOutreachCsv(crm, records, byId, subjectOf)}`,
      'text/csv',
    );
  }
  return (
    <div class="row">
      <label>
        {t('crmExportFor')}
        <select value={crm} onChange={(e) => setCrm(e.currentTarget.value as Crm)}>
          {CRMS.map((id) => (
            <option key={id} value={id}>
              {CRM_NAMES[id]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void contacts()}>
        {t('crmExportContacts', CRM_NAMES[crm])}
      </button>
      <button type="button" onClick={() => void outreach()}>
        {t('crmExportOutreach', CRM_NAMES[crm])}
      </button>
    </div>
  );
}
