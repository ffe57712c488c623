import type { Person } from '../../messaging/contract.ts';
import { createAskButton, type AskAction } from '../ui/draft-panel.ts';
import { createHost } from '../ui/host.ts';
import { findActionArea } from './action-area.ts';
import type { ProfileSnapshot } from './profile-reader.ts';

export const REFERRAL_ASK: AskAction = {
  kind: 'referral-ask',
  channel: 'linkedin-message',
  label: 'Ask for referral',
  title: (person) => `Ask ${person.firstName || person.fullName} for a referral`,
};

export function personOf(profile: ProfileSnapshot): Person {
  return {
    fullName: profile.fullName,
    firstName: profile.firstName,
    ...(profile.headline ? { headline: profile.headline } : {}),
    ...(profile.company ? { company: profile.company } : {}),
    linkedinUrl: profile.profileUrl,
  };
}

/**
 * Puts the profile's actions in its action row, or floating at the corner when the layout
 * has no row we recognise. Returns the host so the caller can remove it on navigation.
 */
export function mountProfileActions(doc: Document, profile: ProfileSnapshot, signal: AbortSignal): HTMLElement {
  const area = findActionArea(profile.topCard);
  const host = createHost(area ? 'inline' : 'floating');
  const person = personOf(profile);
  createAskButton(host.root, REFERRAL_ASK, () => person, signal);
  if (area) area.append(host.element);
  else doc.body.append(host.element);
  signal.addEventListener('abort', () => host.element.remove(), { once: true });
  return host.element;
}
