// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActionArea } from '../../src/content/linkedin/action-area.ts';
import {
  nameFromTitle,
  profileUrlOf,
  readProfile,
  type ProfileSnapshot,
} from '../../src/content/linkedin/profile-reader.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, 'linkedin', name), 'utf8');
}

/**
 * Saved pages are parsed in a window of their own that runs and loads nothing. happy-dom reports
 * each iframe of those pages (ads, trackers) as "loading is disabled" on its console; that
 * expected noise is dropped, anything else logged still shows.
 */
const quietConsole: Console = Object.assign(Object.create(console) as Console, {
  error: (...args: unknown[]) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) console.error(...args);
  },
});
const pageWindow = new Window({
  url: 'https://www.linkedin.com/',
  console: quietConsole,
  settings: {
    disableJavaScriptFileLoading: true,
    disableIframePageLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});

afterAll(async () => {
  await pageWindow.happyDOM.close();
});

function parse(html: string): Document {
  return new pageWindow.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const JORDAN_PAGE = 'https://www.linkedin.com/in/jordan-whitfield/?trk=x';
const JORDAN = 'https://www.linkedin.com/in/jordan-whitfield/';

describe('saved page: full 2024 profile', () => {
  let doc: Document;
  let profile: ProfileSnapshot | null;

  beforeAll(() => {
    doc = parse(fixture('profile-2024-07-full.html'));
    profile = readProfile(doc, JORDAN_PAGE);
  });

  it('reads name, headline and company', () => {
    expect(profile).toEqual({
      fullName: 'Jordan Whitfield',
      firstName: 'Jordan',
      headline: 'Tech Education Lead, Tech Expert & Frontend Dev at Morgan Mbeki',
      company: 'Morgan Mbeki',
      profileUrl: JORDAN,
      layout: '2024',
      topCard: expect.anything(),
      missing: [],
    });
  });

  it('takes the top card from main, not the sticky header', () => {
    const card = profile?.topCard;
    expect(card?.tagName).toBe('SECTION');
    expect(card?.closest('main')).not.toBeNull();
    expect(card?.querySelector('h1')?.textContent?.trim()).toBe('Jordan Whitfield');
  });

  it('finds the action row of the top card', () => {
    const area = findActionArea(profile?.topCard ?? null);
    expect(area).not.toBeNull();
    if (!area) return;
    const more = area.querySelector('button[aria-label="More actions"]');
    const message = area.querySelector('button[aria-label="Message Jordan"]');
    expect(more).not.toBeNull();
    expect(message).not.toBeNull();
    // The top card's own buttons, not the copies in the sticky header outside main.
    expect(more?.id).toBe('ember93-profile-overflow-action');
    expect(message?.id).toBe('ember209');
    expect(message?.classList.contains('pvs-sticky-header-profile-actions__action')).toBe(false);
    expect(area.closest('main')).not.toBeNull();
    expect(area).not.toBe(profile?.topCard);
    expect(profile?.topCard?.contains(area)).toBe(true);
    // The nearest element holding every action button: no child of it holds them all.
    const actions = [...area.querySelectorAll('.pvs-profile-actions__action')];
    expect(actions.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Invite Jordan Whitfield to connect',
      'Message Jordan',
      'More actions',
    ]);
    for (const child of area.children) {
      expect(actions.every((button) => child.contains(button))).toBe(false);
    }
  });

  it('gives the same canonical URL for any page of the same profile', () => {
    for (const url of [
      JORDAN,
      'https://www.linkedin.com/in/jordan-whitfield',
      'https://www.linkedin.com/in/jordan-whitfield/overlay/contact-info/',
      'https://www.linkedin.com/in/jordan-whitfield/details/experience/?x=1#top',
    ]) {
      expect(readProfile(doc, url)?.profileUrl).toBe(JORDAN);
    }
  });
});

describe('saved page: minimal 2024 profile', () => {
  it('reads the name and headline and has no company', () => {
    const doc = parse(fixture('profile-2024-08-minimal.html'));
    const profile = readProfile(doc, 'https://www.linkedin.com/in/avery-lindqvist/');
    expect(profile).toEqual({
      fullName: 'Avery Lindqvist',
      firstName: 'Avery',
      headline: 'Researcher.',
      profileUrl: 'https://www.linkedin.com/in/avery-lindqvist/',
      layout: '2024',
      topCard: expect.anything(),
      missing: [],
    });
    expect(profile?.company).toBeUndefined();
    expect('company' in (profile ?? {})).toBe(false);

    const area = findActionArea(profile?.topCard ?? null);
    expect(area?.querySelector('button[aria-label="More actions"]')?.id).toBe('ember69-profile-overflow-action');
    expect(area?.querySelector('button[aria-label="Message Avery"]')?.id).toBe('ember67');
  });
});

describe('profileUrlOf', () => {
  it.each([
    [JORDAN_PAGE, JORDAN],
    ['https://www.linkedin.com/in/jordan-whitfield', JORDAN],
    ['https://www.linkedin.com/in/jordan-whitfield/recent-activity/all/', JORDAN],
    [
      'https://www.linkedin.com/in/j%C3%BCrgen-gro%C3%9F-123/',
      'https://www.linkedin.com/in/j%C3%BCrgen-gro%C3%9F-123/',
    ],
  ])('%s → %s', (url, expected) => {
    expect(profileUrlOf(url)).toBe(expected);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in',
    'https://www.linkedin.com/company/morgan-mbeki/',
    'https://www.linkedin.com/search/results/people/?keywords=in',
    'https://www.linkedin.com/feed/in/jordan/',
    'https://linkedin.com/in/jordan-whitfield/',
    'http://www.linkedin.com/in/jordan-whitfield/',
    'https://de.linkedin.com/in/jordan-whitfield/',
    'https://www.linkedin.com.evil.example/in/jordan-whitfield/',
    'https://evil.example/in/jordan-whitfield/',
    'not a url',
    '',
  ])('%j is not a profile', (url) => {
    expect(profileUrlOf(url)).toBeNull();
  });
});

describe('nameFromTitle', () => {
  it.each([
    ['(3) Jordan Whitfield | LinkedIn', 'Jordan Whitfield'],
    ['(99+) Jordan Whitfield | LinkedIn', 'Jordan Whitfield'],
    ['Jordan Whitfield | LinkedIn', 'Jordan Whitfield'],
    ['  Jordan\u00A0 Whitfield\u200F | LinkedIn ', 'Jordan Whitfield'],
    ['Jordan | Whitfield | LinkedIn', 'Jordan | Whitfield'],
  ])('%j → %j', (title, expected) => {
    expect(nameFromTitle(title)).toBe(expected);
  });

  it.each(['LinkedIn', '(3) LinkedIn', 'LinkedIn | LinkedIn', '', ' | LinkedIn', `${'A'.repeat(301)} | LinkedIn`])(
    '%j has no name',
    (title) => {
      expect(nameFromTitle(title)).toBeNull();
    },
  );
});

describe('hand-made documents', () => {
  it('falls back to the title when there is no top card', () => {
    const doc = parse(
      '<html><head><title>Jane Roe | LinkedIn</title></head><body><div>nothing here</div></body></html>',
    );
    expect(readProfile(doc, 'https://www.linkedin.com/in/jane-roe/')).toEqual({
      fullName: 'Jane Roe',
      firstName: 'Jane',
      profileUrl: 'https://www.linkedin.com/in/jane-roe/',
      layout: 'title-only',
      topCard: null,
      missing: ['top card'],
    });
    expect(findActionArea(null)).toBeNull();
  });

  it('reads the unknown-layout fixture from its title', () => {
    const html = readFileSync(join(FIXTURES, 'hand-made', 'linkedin', 'profile-unknown-layout.html'), 'utf8');
    const profile = readProfile(parse(html), 'https://www.linkedin.com/in/priya-natarajan/');
    expect(profile).toMatchObject({
      fullName: 'Priya Natarajan',
      firstName: 'Priya',
      layout: 'title-only',
      topCard: null,
    });
  });

  it('reads the 2026 layout', () => {
    const id = 'com.linkedin.sdui.profile.card.refACoAAAbc-9Topcard';
    const doc = parse(
      `<html><head><title>Jürgen Groß | LinkedIn</title></head><body><main><section id="${id}"><a componentkey="ProfileVerificationTriggerRef-x" href="/in/juergen-gross/"><h2>Jürgen Groß</h2></a><p>Head of Sales at Beispiel GmbH</p></section></main></body></html>`,
    );
    const profile = readProfile(doc, 'https://www.linkedin.com/in/juergen-gross/');
    expect(profile).toEqual({
      fullName: 'Jürgen Groß',
      firstName: 'Jürgen',
      headline: 'Head of Sales at Beispiel GmbH',
      profileUrl: 'https://www.linkedin.com/in/juergen-gross/',
      layout: '2026',
      topCard: doc.getElementById(id),
      missing: [],
    });
    // No action buttons we recognise in this layout: the caller floats its button.
    expect(findActionArea(profile?.topCard ?? null)).toBeNull();
  });

  it('takes the 2026 card by its id shape, whatever the member URN ends in, and says when the name link is gone', () => {
    for (const id of [
      'com.linkedin.sdui.profile.card.refACoAAQsTopcard',
      'com.linkedin.sdui.profile.card.ref_x.Y-zTopcard',
    ]) {
      const doc = parse(`<main><section id="${id}"><h2>Ada Lovelace</h2><p>Analyst</p></section></main>`);
      expect(readProfile(doc, 'https://www.linkedin.com/in/ada/')).toMatchObject({
        fullName: 'Ada Lovelace',
        layout: '2026',
        missing: ['name link'],
      });
    }
    // The old note's shape alone (an id ending in "QsTopcard") is not the 2026 card.
    const old = parse(
      '<title>Jane Roe | LinkedIn</title><main><section id="emberQsTopcard"><h2>Someone</h2></section></main>',
    );
    expect(readProfile(old, 'https://www.linkedin.com/in/jane/')).toMatchObject({ layout: 'title-only' });
  });

  it('returns markup in a name as literal text', () => {
    const doc = parse(
      '<main><section id="com.linkedin.sdui.profile.card.refXTopcard"><h2>&lt;img src=x onerror=alert(1)&gt; Eve</h2><p>&lt;b&gt;Boss&lt;/b&gt;</p></section></main>',
    );
    const profile = readProfile(doc, 'https://www.linkedin.com/in/eve/');
    expect(profile?.fullName).toBe('<img src=x onerror=alert(1)> Eve');
    expect(profile?.firstName).toBe('<img');
    expect(profile?.headline).toBe('<b>Boss</b>');
    expect(doc.querySelector('img')).toBeNull();
  });

  it('prefers a 2026 card over a stray h1 in main, and ignores an h1 outside main', () => {
    const both = parse(
      '<main><section><h1>Someone Else</h1></section><div id="com.linkedin.sdui.profile.card.refqTopcard"><a componentkey="ProfileVerificationTriggerRef-q"><h1> Ada  Lovelace </h1></a></div></main>',
    );
    expect(readProfile(both, 'https://www.linkedin.com/in/ada/')).toMatchObject({
      fullName: 'Ada Lovelace',
      layout: '2026',
    });
    const legacy = parse('<main><section><h1> Ada  Lovelace </h1></section></main>');
    expect(readProfile(legacy, 'https://www.linkedin.com/in/ada/')).toMatchObject({
      fullName: 'Ada Lovelace',
      layout: '2024',
      missing: ['top card', 'headline'],
    });
    const outside = parse('<title>Jane Roe | LinkedIn</title><header><h1>Not the member</h1></header><main></main>');
    expect(readProfile(outside, 'https://www.linkedin.com/in/jane/')).toMatchObject({
      fullName: 'Jane Roe',
      layout: 'title-only',
    });
  });

  it('reads a non-English company button by where it sits and what it points at', () => {
    const doc = parse(`<main><section>
      <h1>Jürgen Groß</h1><div class="text-body-medium break-words">Vertrieb</div>
      <ul class="pv-text-details__right-panel">
        <li><button aria-label="Aktuelles Unternehmen: Beispiel GmbH. Klicken Sie, um zur Erfahrungskarte zu springen">Beispiel GmbH</button></li>
        <li><button aria-label="Ausbildung: TU München">TU München</button></li>
      </ul></section></main>`);
    expect(readProfile(doc, 'https://www.linkedin.com/in/jg/')).toMatchObject({
      headline: 'Vertrieb',
      company: 'Beispiel GmbH',
    });
    const educationOnly = parse(`<main><section><h1>Jürgen Groß</h1>
      <ul class="pv-text-details__right-panel"><li><button aria-label="Ausbildung: TU München">TU München</button></li></ul>
      </section></main>`);
    expect(readProfile(educationOnly, 'https://www.linkedin.com/in/jg/')?.company).toBeUndefined();
  });

  it('returns null for a page that is not a profile, or names nobody', () => {
    const doc = parse(fixture('profile-2024-08-minimal.html'));
    expect(readProfile(doc, 'https://www.linkedin.com/feed/')).toBeNull();
    expect(readProfile(parse('<title>LinkedIn</title><main></main>'), 'https://www.linkedin.com/in/x/')).toBeNull();
    expect(readProfile(parse('<main><h1>   </h1></main>'), 'https://www.linkedin.com/in/x/')).toBeNull();
  });

  it('ignores a name longer than 300 characters', () => {
    const doc = parse(`<title>Jane Roe | LinkedIn</title><main><section><h1>${'A'.repeat(301)}</h1></section></main>`);
    expect(readProfile(doc, 'https://www.linkedin.com/in/x/')).toMatchObject({
      fullName: 'Jane Roe',
      layout: 'title-only',
    });
  });
});

describe('findActionArea', () => {
  it('uses the parent of a single action button', () => {
    const doc = parse(
      '<section id="card"><div id="row"><button class="pvs-profile-actions__action">More</button></div></section>',
    );
    expect(findActionArea(doc.getElementById('card'))?.id).toBe('row');
  });

  it('returns null when the only common ancestor is the top card itself', () => {
    const doc = parse(
      '<section id="card"><button class="pvs-profile-actions__action">A</button><button class="pvs-profile-actions__action">B</button></section>',
    );
    expect(findActionArea(doc.getElementById('card'))).toBeNull();
  });

  it('returns null for a card without action buttons', () => {
    const doc = parse('<section id="card"><h1>Jane</h1></section>');
    expect(findActionArea(doc.getElementById('card'))).toBeNull();
  });
});
