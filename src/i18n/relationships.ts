import type { Relationship } from '../shared/model.ts';
import { t } from './t.ts';

/**
 * Relationship names in the UI language: one set of catalogue keys for the LinkedIn dialog and
 * the options page (a map of literal keys, so the locale test finds each one).
 */
export function relationshipLabels(): Record<Relationship | 'unset', string> {
  return {
    customer: t('relationshipCustomer'),
    'stalled-prospect': t('relationshipStalledProspect'),
    coworker: t('relationshipCoworker'),
    friend: t('relationshipFriend'),
    family: t('relationshipFamily'),
    neighbour: t('relationshipNeighbour'),
    'group-member': t('relationshipGroupMember'),
    community: t('relationshipCommunity'),
    other: t('relationshipOther'),
    unset: t('relationshipUnset'),
  };
}

export function relationshipLabel(relationship: Relationship | 'unset'): string {
  return relationshipLabels()[relationship];
}
