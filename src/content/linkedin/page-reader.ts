import type { Group, Person } from '../../messaging/contract.ts';
import { readGroup } from './group-reader.ts';
import { personOf } from './profile-actions.ts';
import { readProfile } from './profile-reader.ts';

/** What the toolbar popup may act on in this tab, read on demand. */
export type PageSubject = { kind: 'profile'; person: Person } | { kind: 'group'; group: Group } | { kind: 'none' };

export function readPageSubject(doc: Document, url: string): PageSubject {
  const profile = readProfile(doc, url);
  if (profile) return { kind: 'profile', person: personOf(profile) };
  const group = readGroup(doc, url);
  if (group) return { kind: 'group', group: { name: group.name, url: group.url } };
  return { kind: 'none' };
}
