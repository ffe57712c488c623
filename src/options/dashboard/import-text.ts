import { t } from '../../i18n/t.ts';
import type { DealState } from '../../shared/deals.ts';
import type { FormatId, ImportField } from '../../shared/import/formats.ts';

/** The formats as the import names them ("Recognised: LinkedIn connections (Connections.csv)"). */
export function formatLabel(format: FormatId): string {
  switch (format) {
    case 'linkedin-connections':
      return t('importFormatLinkedin');
    case 'google-contacts':
      return t('importFormatGoogle');
    case 'google-contacts-legacy':
      return t('importFormatGoogleLegacy');
    case 'outlook-desktop':
      return t('importFormatOutlookDesktop');
    case 'outlook-com':
      return t('importFormatOutlookCom');
    case 'hubspot-contacts':
      return t('importFormatHubspotContacts');
    case 'hubspot-deals':
      return t('importFormatHubspotDeals');
    case 'salesforce-contacts':
      return t('importFormatSalesforceContacts');
    case 'salesforce-opportunities':
      return t('importFormatSalesforceOpportunities');
    case 'pipedrive-deals':
      return t('importFormatPipedriveDeals');
    case 'pipedrive-people':
      return t('importFormatPipedrivePeople');
    case 'generic':
      return t('importFormatGeneric');
  }
}

/** What a column can fill, in the mapping's drop-downs. */
export function importFieldLabel(field: ImportField): string {
  switch (field) {
    case 'fullName':
      return t('dataFieldFullName');
    case 'firstName':
      return t('dataFieldFirstName');
    case 'middleName':
      return t('importFieldMiddleName');
    case 'lastName':
      return t('dataFieldLastName');
    case 'email':
      return t('dataFieldEmail');
    case 'company':
      return t('dataFieldCompany');
    case 'headline':
      return t('dataFieldHeadline');
    case 'linkedinUrl':
      return t('dataFieldLinkedinUrl');
    case 'relationship':
      return t('dataFieldRelationship');
    case 'lifecycleStage':
      return t('importFieldLifecycleStage');
    case 'notes':
      return t('dataFieldNotes');
    case 'connectedOn':
      return t('importFieldConnectedOn');
    case 'lastActivity':
      return t('importFieldLastActivity');
    case 'recordId':
      return t('importFieldRecordId');
    case 'dealName':
      return t('importFieldDealName');
    case 'amount':
      return t('importFieldAmount');
    case 'currency':
      return t('importFieldCurrency');
    case 'stage':
      return t('importFieldStage');
    case 'status':
      return t('importFieldStatus');
    case 'isClosed':
      return t('importFieldIsClosed');
    case 'closeDate':
      return t('importFieldCloseDate');
    case 'wonTime':
      return t('importFieldWonTime');
    case 'nextStep':
      return t('importFieldNextStep');
    case 'people':
      return t('importFieldPeople');
  }
}

export function dealStateLabel(state: DealState): string {
  switch (state) {
    case 'open':
      return t('dealStateOpen');
    case 'won':
      return t('dealStateWon');
    case 'lost':
      return t('dealStateLost');
  }
}
