// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { findActionRow } from '../../src/content/linkedin/action-area.ts';
import { looksLikePronouns, readProfile } from '../../src/content/linkedin/profile-reader.ts';

/**
 * LinkedIn as it is today (issue 12): the 2025 and 2026 profile layouts on hand-made pages, and
 * the real saved pages (2024, whose top card already has the 2025 anchors) with and without the
 * 2024 marker class. happy-dom lays nothing out, so which copy of a doubled row is shown is
 * answered by a test predicate here and by the real browser in test/browser.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const pageWindow = new Window({
  url: 'https://www.linkedin.com/',
  settings: { disableJavaScriptFileLoading: true, disableIframePageLoading: true, disableCSSFileLoading: true },
});
afterAll(async () => {
  await pageWindow.happyDOM.close();
});

function load(file: string, edit: (html: string) => string = (html) => html): Document {
  const html = edit(readFileSync(path.join(FIXTURES, file), 'utf8')).replace(/<script[\s\S]*?<\/script>/g, '');
  return new pageWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Test marker of the hand-made pages: which row or header an element sits in. */
const markOf = (element: Element | null | undefined) =>
  element?.closest('[data-fixture]')?.getAttribute('data-fixture') ?? null;

const wideShown = (element: Element) => element.getAttribute('data-fixture') !== 'narrow-row';
const narrowShown = (element: Element) => element.getAttribute('data-fixture') !== 'wide-row';

describe('2025 layout (hand-made page)', () => {
  it('reads name, headline and company from the data-member-id card, not the sticky header', () => {
    const doc = load('hand-made/linkedin/profile-2025-layout.html');
    const profile = readProfile(doc, 'https://www.linkedin.com/in/riley-okafor/');
    expect(profile).toMatchObject({
      fullName: 'Riley Okafor',
      firstName: 'Riley',
      headline: 'Head of Partnerships at Brightline Energy',
      company: 'Brightline Energy',
      layout: '2025',
      missing: [],
    });
    expect(profile?.topCard?.getAttribute('data-member-id')).toBe('718822345');
  });

  it('finds the Follow / Message / More row of the top card by its anchors', () => {
    const doc = load('hand-made/linkedin/profile-2025-layout.html');
    const row = findActionRow(readProfile(doc, 'https://www.linkedin.com/in/riley-okafor/')?.topCard ?? null);
    expect(row?.via).toBe('anchors');
    expect(markOf(row?.area)).toBe('action-row');
    // Not the common ancestor of all the card's buttons (photo, company, education), which holds the name.
    expect(row?.area.querySelector('h1')).toBeNull();
    expect(row?.area.querySelector('button[id$="-profile-overflow-action"]')?.id).toBe(
      'ember53-profile-overflow-action',
    );
  });

  it('reads the German interface by the language-independent anchors', () => {
    const doc = load('hand-made/linkedin/profile-2025-german.html');
    const profile = readProfile(doc, 'https://www.linkedin.com/in/lena-bauer/');
    expect(profile).toMatchObject({
      fullName: 'Lena Bauer',
      headline: 'Leiterin Partnerschaften bei Nordlicht Energie GmbH',
      company: 'Nordlicht Energie GmbH',
      layout: '2025',
      missing: [],
    });
    const row = findActionRow(profile?.topCard ?? null);
    expect({ via: row?.via, mark: markOf(row?.area) }).toEqual({ via: 'anchors', mark: 'action-row' });
  });
});

describe('2026 layout (hand-made page)', () => {
  const MORGAN = 'https://www.linkedin.com/in/morgan-ellery/';

  it('reads the name from the verification link and the headline past the pronouns', () => {
    const profile = readProfile(load('hand-made/linkedin/profile-2026-layout.html'), MORGAN);
    expect(profile).toMatchObject({
      fullName: 'Morgan Ellery',
      firstName: 'Morgan',
      headline: 'VP Operations at Northwind Logistics',
      layout: '2026',
      missing: [],
    });
    expect(profile?.topCard?.id).toBe('com.linkedin.sdui.profile.card.refACoAABcD3fGh-xY_9zTopcard');
  });

  it('reads the A/B variant whose name is an h1', () => {
    const doc = load('hand-made/linkedin/profile-2026-layout.html', (html) =>
      html.replace('<h2 class="a8f2k">Morgan Ellery</h2>', '<h1 class="a8f2k">Morgan Ellery</h1>'),
    );
    expect(doc.querySelector('h1')).not.toBeNull();
    expect(readProfile(doc, MORGAN)).toMatchObject({
      fullName: 'Morgan Ellery',
      headline: 'VP Operations at Northwind Logistics',
      layout: '2026',
      missing: [],
    });
  });

  it('takes the first paragraph as the headline when there are no pronouns', () => {
    const doc = load('hand-made/linkedin/profile-2026-layout.html', (html) =>
      html.replace('<p class="p6o5i4">She/Her</p>', ''),
    );
    expect(readProfile(doc, MORGAN)?.headline).toBe('VP Operations at Northwind Logistics');
  });

  it('puts our buttons into the row the browser shows, never the hidden copy or the sticky header', () => {
    const card = readProfile(load('hand-made/linkedin/profile-2026-layout.html'), MORGAN)?.topCard ?? null;
    expect(markOf(findActionRow(card, wideShown)?.area)).toBe('wide-row');
    expect(markOf(findActionRow(card, narrowShown)?.area)).toBe('narrow-row');
    const row = findActionRow(card, wideShown)?.area;
    expect(row?.querySelectorAll('[data-view-name]')).toHaveLength(3);
    expect(row?.querySelector('h1, h2')).toBeNull();
  });

  it('reads the German interface with German pronouns', () => {
    const profile = readProfile(
      load('hand-made/linkedin/profile-2026-german.html'),
      'https://www.linkedin.com/in/jonas-keller/',
    );
    expect(profile).toMatchObject({
      fullName: 'Jonas Keller',
      headline: 'Vertriebsleiter bei Südwind Logistik AG',
      layout: '2026',
      missing: [],
    });
    expect(markOf(findActionRow(profile?.topCard ?? null, wideShown)?.area)).toBe('wide-row');
  });

  it('says which anchor it missed when the verification link is gone', () => {
    const doc = load('hand-made/linkedin/profile-2026-layout.html', (html) =>
      html.replace('componentkey="ProfileVerificationTriggerRef-ACoAABcD3fGh"', ''),
    );
    expect(readProfile(doc, MORGAN)).toMatchObject({ fullName: 'Morgan Ellery', missing: ['name link'] });
  });
});

describe('pronouns', () => {
  it.each(['He/Him', 'She/Her', 'They/Them', 'she/they', 'Er/Ihm', 'Sie/Ihr', 'He / Him', 'She/Her/Hers'])(
    '%j is pronouns',
    (text) => expect(looksLikePronouns(text)).toBe(true),
  );
  it.each([
    'VP Operations at Northwind Logistics',
    'Sales / Marketing Lead',
    'Sales/Marketing',
    'Founder',
    'Rotterdam, Netherlands',
  ])('%j is not', (text) => expect(looksLikePronouns(text)).toBe(false));
});

describe('real saved pages (2024, copied from the shared fixtures)', () => {
  const JORDAN = 'https://www.linkedin.com/in/member-1c94d076fa/';

  it('recognises the 2024 card with every anchor of the 2025 reader', () => {
    const profile = readProfile(load('linkedin/profile-2024-07-full.html'), JORDAN);
    expect(profile).toMatchObject({ fullName: 'Jordan Whitfield', layout: '2024', missing: [] });
    const row = findActionRow(profile?.topCard ?? null);
    expect(row?.via).toBe('anchors');
    expect(row?.area.querySelector('button[id$="-profile-overflow-action"]')?.id).toBe(
      'ember93-profile-overflow-action',
    );
  });

  it('without the 2024 marker class (as in 2025) still finds the top card row, not the sticky header', () => {
    for (const [file, moreId] of [
      ['linkedin/profile-2024-07-full.html', 'ember93-profile-overflow-action'],
      ['linkedin/profile-2024-08-minimal.html', 'ember69-profile-overflow-action'],
    ] as const) {
      const doc = load(file, (html) => html.replaceAll('pvs-profile-actions__action', 'x9Hashed'));
      expect(doc.querySelector('.pvs-profile-actions__action')).toBeNull();
      const profile = readProfile(doc, 'https://www.linkedin.com/in/someone/');
      expect(profile?.layout).toBe('2025');
      const row = findActionRow(profile?.topCard ?? null);
      expect(row?.via).toBe('anchors');
      expect(row?.area.closest('main')).not.toBeNull();
      expect(row?.area.querySelector('button[id$="-profile-overflow-action"]')?.id).toBe(moreId);
      expect(row?.area.querySelector('h1')).toBeNull();
    }
  });
});
