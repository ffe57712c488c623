import type { PageSubject } from '../../messaging/page-contract.ts';
import { readGroup } from './group-reader.ts';
import { personOf, readProfile } from './profile-reader.ts';

/** What the toolbar popup may act on in this tab, read on demand. */
export function readPageSubject(doc: Document, url: string): PageSubject {
  const profile = readProfile(doc, url);
  if (profile) return { kind: 'profile', person: personOf(profile) };
  const group = readGroup(doc, url);
  if (group) return { kind: 'group', group: { name: group.name, url: group.url } };
  return { kind: 'none' };
}
