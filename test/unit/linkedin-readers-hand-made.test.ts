// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findActionArea } from '../../src/content/linkedin/action-area.ts';
import { groupNameFromTitle, groupUrlOf, readGroup } from '../../src/content/linkedin/group-reader.ts';
import { messageEditorOf, readConversationPartner } from '../../src/content/linkedin/message-box-reader.ts';
import { readPageSubject } from '../../src/content/linkedin/page-reader.ts';
import { readProfile } from '../../src/content/linkedin/profile-reader.ts';

const HAND_MADE = path.resolve(import.meta.dirname, '../fixtures/hand-made/linkedin');

/** A hand-made page parsed without running its scripts. */
function page(name: string): Document {
  const html = readFileSync(path.join(HAND_MADE, name), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('profile readers on hand-made layouts', () => {
  it('reads the 2026 layout from its Topcard and finds its action row by structure', () => {
    const doc = page('profile-2026-layout.html');
    const profile = readProfile(doc, 'https://www.linkedin.com/in/morgan-ellery/');
    expect(profile).toMatchObject({
      fullName: 'Morgan Ellery',
      firstName: 'Morgan',
      headline: 'VP Operations at Northwind Logistics',
      layout: '2026',
      profileUrl: 'https://www.linkedin.com/in/morgan-ellery/',
    });
    const area = findActionArea(profile?.topCard ?? null);
    expect(area?.querySelectorAll('button')).toHaveLength(2);
    expect(area?.querySelector('h2')).toBeNull();
  });

  it('reads the German interface without English labels', () => {
    const profile = readProfile(page('profile-2024-german.html'), 'https://www.linkedin.com/in/juergen-gross/');
    expect(profile).toMatchObject({
      fullName: 'Jürgen Groß',
      firstName: 'Jürgen',
      headline: 'Leiter Vertrieb DACH bei Beispiel GmbH',
      company: 'Beispiel GmbH',
      layout: '2024',
    });
    expect(findActionArea(profile?.topCard ?? null)?.querySelectorAll('.pvs-profile-actions__action')).toHaveLength(3);
  });

  it('does not take a school for the company when only education is listed', () => {
    const doc = page('profile-2024-german.html');
    doc.querySelector('.pv-text-details__right-panel li')?.remove();
    expect(readProfile(doc, 'https://www.linkedin.com/in/juergen-gross/')?.company).toBeUndefined();
  });

  it('finds no action row when the only buttons share a row with the name', () => {
    const doc = new DOMParser().parseFromString(
      '<main><section id="com.linkedin.sdui.profile.card.refxTopcard"><div><h2>Ann Lee</h2><p>CTO</p><button>Message</button></div></section></main>',
      'text/html',
    );
    const profile = readProfile(doc, 'https://www.linkedin.com/in/ann-lee/');
    expect(profile?.layout).toBe('2026');
    expect(findActionArea(profile?.topCard ?? null)).toBeNull();
  });
});

describe('group reader', () => {
  it('reads the group name and canonical URL', () => {
    const doc = page('group-page.html');
    const group = readGroup(doc, 'https://www.linkedin.com/groups/9876543/?highlightedUpdateUrn=x');
    expect(group?.name).toBe('Sales Leaders Network');
    expect(group?.url).toBe('https://www.linkedin.com/groups/9876543/');
    expect(group?.heading?.tagName).toBe('H1');
  });

  it('falls back to the title, and rejects non-group URLs', () => {
    const doc = new DOMParser().parseFromString(
      '<title>(12) Chamber of Commerce Leeds | Groups | LinkedIn</title>',
      'text/html',
    );
    expect(readGroup(doc, 'https://www.linkedin.com/groups/42/')).toMatchObject({
      name: 'Chamber of Commerce Leeds',
      heading: null,
    });
    expect(groupNameFromTitle('LinkedIn')).toBeNull();
    expect(groupUrlOf('https://www.linkedin.com/feed/')).toBeNull();
    expect(groupUrlOf('https://evil.example/groups/42/')).toBeNull();
  });
});

describe('message box reader', () => {
  it('finds the editor and the partner on the messaging page', () => {
    const doc = page('messaging-thread.html');
    const paragraph = doc.querySelector('.msg-form__contenteditable p');
    expect(paragraph).not.toBeNull();
    const editor = messageEditorOf(paragraph as Element);
    expect(editor?.getAttribute('role')).toBe('textbox');
    expect(readConversationPartner(editor as Element)).toEqual({
      fullName: 'Casey Morgan',
      firstName: 'Casey',
      linkedinUrl: 'https://www.linkedin.com/in/casey-morgan/',
    });
  });

  it('finds the partner of an overlay bubble', () => {
    const doc = page('feed-with-message-bubble.html');
    const editor = doc.querySelector('.msg-form__contenteditable') as Element;
    expect(readConversationPartner(editor)).toEqual({
      fullName: 'Dana Li',
      firstName: 'Dana',
      linkedinUrl: 'https://www.linkedin.com/in/dana-li-42/',
    });
  });

  it('ignores elements that are not message editors', () => {
    const doc = page('feed-with-message-bubble.html');
    expect(messageEditorOf(doc.querySelector('main') as Element)).toBeNull();
  });
});

describe('page subject for the popup', () => {
  it('is the profile, the group, or nothing', () => {
    expect(
      readPageSubject(page('profile-2026-layout.html'), 'https://www.linkedin.com/in/morgan-ellery/'),
    ).toMatchObject({
      kind: 'profile',
      person: { fullName: 'Morgan Ellery', linkedinUrl: 'https://www.linkedin.com/in/morgan-ellery/' },
    });
    expect(readPageSubject(page('group-page.html'), 'https://www.linkedin.com/groups/9876543/')).toEqual({
      kind: 'group',
      group: { name: 'Sales Leaders Network', url: 'https://www.linkedin.com/groups/9876543/' },
    });
    expect(readPageSubject(page('group-page.html'), 'https://www.linkedin.com/feed/')).toEqual({ kind: 'none' });
  });
});
