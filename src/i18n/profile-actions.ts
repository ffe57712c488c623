import type { OutreachKind, Relationship } from '../shared/model.ts';
import { t } from './t.ts';

export interface ProfileAction {
  kind: OutreachKind;
  /** The button's text and accessible name, in the user's language. */
  label: () => string;
  /** The draft dialog's heading on the page. */
  heading: (firstName: string) => string;
  /** Shown only for people with this relationship; always when absent. */
  onlyFor?: Relationship;
}

/**
 * The playbook on a profile, for the in-page buttons and the popup's "On this page" alike:
 * referrals and help from anyone; upsell customers; revive stalled deals.
 */
export const PROFILE_ACTIONS: readonly ProfileAction[] = [
  {
    kind: 'referral-ask',
    label: () => t('linkedinAskReferral'),
    heading: (name) => t('linkedinHeadingReferral', name),
  },
  { kind: 'favour-ask', label: () => t('linkedinAskHelp'), heading: (name) => t('linkedinHeadingHelp', name) },
  {
    kind: 'upsell',
    label: () => t('linkedinUpsell'),
    heading: (name) => t('linkedinHeadingUpsell', name),
    onlyFor: 'customer',
  },
  {
    kind: 'stalled-revival',
    label: () => t('linkedinReviveDeal'),
    heading: (name) => t('linkedinHeadingRevive', name),
    onlyFor: 'stalled-prospect',
  },
];

/** The actions offered for a person with this relationship (or none known). */
export function profileActionsFor(relationship: Relationship | undefined): readonly ProfileAction[] {
  return PROFILE_ACTIONS.filter((action) => !action.onlyFor || action.onlyFor === relationship);
}
