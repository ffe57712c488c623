// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { findComposeBodies, readCompose, toolbarSlotOf } from '../../src/content/gmail/compose-reader.ts';
import { readThread } from '../../src/content/gmail/thread-reader.ts';
import { readCompose as readOutlookCompose } from '../../src/content/outlook/compose-reader.ts';
import { readThread as readOutlookThread } from '../../src/content/outlook/thread-reader.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const windows: Window[] = [];

function load(relative: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  windows.push(window);
  const parser = new window.DOMParser();
  return parser.parseFromString(readFileSync(join(FIXTURES, relative), 'utf8'), 'text/html') as unknown as Document;
}

afterAll(async () => {
  for (const window of windows) await window.happyDOM.close();
});

describe('Gmail compose reader', () => {
  it('reads the saved 2020 dialog: body, subject, toolbar; recipients from the typed To text', () => {
    const doc = load('gmail/compose-2020-10.html', 'https://mail.google.com/mail/u/0/');
    expect(findComposeBodies(doc)).toHaveLength(1);
    const compose = readCompose(doc);
    expect(compose).not.toBeNull();
    expect(compose?.container.classList.contains('M9')).toBe(true);
    expect(compose?.body.id).toBe(':8o');
    expect(compose?.subject?.getAttribute('name')).toBe('subjectbox');
    expect(compose?.recipients).toEqual([]);
    const slot = compose ? toolbarSlotOf(compose) : null;
    expect(slot?.matches('td.gU.Up')).toBe(true);
    const to = doc.querySelector('textarea[name="to"]') as HTMLTextAreaElement;
    to.value = 'Jordan Whitfield <jordan@morgan.example>, avery@lindqvist.example';
    expect(readCompose(doc)?.recipients).toEqual([
      { email: 'jordan@morgan.example', name: 'Jordan Whitfield' },
      { email: 'avery@lindqvist.example' },
    ]);
  });

  it('reads current recipient chips (hand-made)', () => {
    const doc = load('hand-made/gmail/compose-chips.html', 'https://mail.google.com/mail/u/0/');
    expect(readCompose(doc)?.recipients).toEqual([
      { email: 'jordan.whitfield@morgan-mbeki.example', name: 'Jordan Whitfield' },
    ]);
  });

  it('reads a German compose without relying on labels; an address-only chip has no name', () => {
    const doc = load('hand-made/gmail/compose-german.html', 'https://mail.google.com/mail/u/0/');
    const compose = readCompose(doc);
    expect(compose?.recipients).toEqual([
      { email: 'juergen.mueller@beispiel.example', name: 'Jürgen Müller' },
      { email: 'info@beispiel.example' },
    ]);
    expect(compose?.subject?.value).toBe('');
  });

  it('reads each of two compose windows on its own', () => {
    const doc = load('hand-made/gmail/two-composes.html', 'https://mail.google.com/mail/u/0/');
    const bodies = findComposeBodies(doc);
    expect(bodies).toHaveLength(2);
    const [first, second] = bodies.map((body) => readCompose(body.closest('.M9') as Element));
    expect(first?.recipients[0]?.name).toBe('Jordan Whitfield');
    expect(second?.recipients[0]?.name).toBe('Avery Lindqvist');
    expect(first?.container).not.toBe(second?.container);
  });

  it('reads an inline reply and the conversation around it', () => {
    const doc = load('hand-made/gmail/thread-inline-reply.html', 'https://mail.google.com/mail/u/0/');
    const compose = readCompose(doc);
    expect(compose?.subject?.value).toBe('Re: Intro to your team?');
    expect(compose?.recipients).toEqual([{ email: 'priya.natarajan@novare.example', name: 'Priya Natarajan' }]);
    const thread = readThread(doc);
    expect(thread?.anchor.textContent).toBe('Intro to your team?');
    expect(thread?.participants).toEqual([
      { email: 'priya.natarajan@novare.example', name: 'Priya Natarajan' },
      { email: 'sam.seller@example.com', name: 'me' },
    ]);
  });

  it('finds no compose and no thread on a page without them', () => {
    const doc = load('hand-made/outlook/compose.html', 'https://mail.google.com/mail/u/0/');
    expect(readCompose(doc)).toBeNull();
    expect(readThread(doc)).toBeNull();
  });
});

describe('Outlook compose reader', () => {
  it('tells the body from the recipient wells and reads chip addresses (hand-made)', () => {
    const doc = load('hand-made/outlook/compose.html', 'https://outlook.office.com/mail/');
    const compose = readOutlookCompose(doc);
    expect(compose?.body.getAttribute('aria-multiline')).toBe('true');
    expect(compose?.subject?.getAttribute('placeholder')).toBe('Add a subject');
    expect(compose?.recipients).toEqual([{ email: 'jordan.whitfield@morgan-mbeki.example', name: 'Jordan Whitfield' }]);
  });

  it('reads addresses typed into a well but not resolved yet', () => {
    const doc = load('hand-made/outlook/compose.html', 'https://outlook.office.com/mail/');
    const cc = doc.querySelector('[aria-label="Cc"]') as HTMLElement;
    cc.textContent = 'Avery Lindqvist <avery@lindqvist.example>';
    expect(readOutlookCompose(doc)?.recipients.map((recipient) => recipient.email)).toEqual([
      'jordan.whitfield@morgan-mbeki.example',
      'avery@lindqvist.example',
    ]);
  });

  it('ignores a lone editable with no compose form around it', () => {
    const doc = load('hand-made/outlook/compose.html', 'https://outlook.office.com/mail/');
    doc.querySelector('input[type="text"]')?.remove();
    expect(readOutlookCompose(doc)).toBeNull();
  });
});

describe('Outlook conversation reader', () => {
  it('reads the subject heading and the people of the message headers (hand-made)', () => {
    const doc = load('hand-made/outlook/reading-pane.html', 'https://outlook.office.com/mail/');
    const thread = readOutlookThread(doc);
    expect(thread?.anchor.textContent).toBe('Intro to your team?');
    expect(thread?.participants).toEqual([
      { email: 'priya.natarajan@novare.example', name: 'Priya Natarajan' },
      { email: 'sam.seller@example.com', name: 'Sam Seller' },
    ]);
  });

  it('does not take a compose form’s recipient wells for a conversation', () => {
    const doc = load('hand-made/outlook/compose.html', 'https://outlook.office.com/mail/');
    expect(readOutlookThread(doc)).toBeNull();
  });
});
