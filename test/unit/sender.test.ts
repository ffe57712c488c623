import { describe, expect, it } from 'vitest';
import { classifySender, type SenderInfo } from '../../src/messaging/sender.ts';

const SELF = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
const TAB = { id: 7, url: 'https://www.linkedin.com/in/jordan-whitfield/' };

function linkedin(overrides: Partial<SenderInfo> = {}): SenderInfo {
  return {
    id: SELF.id,
    url: 'https://www.linkedin.com/in/jordan-whitfield/',
    origin: 'https://www.linkedin.com',
    frameId: 0,
    tab: TAB,
    ...overrides,
  };
}

describe('classifySender', () => {
  it('rejects another extension, even from an accepted origin', () => {
    expect(classifySender(linkedin({ id: 'otherextensionidotherextensionid' }), SELF)).toEqual({
      kind: 'rejected',
      reason: 'message from another extension',
    });
    expect(classifySender({ id: 'other', origin: SELF.origin, url: `${SELF.origin}/popup.html` }, SELF).kind).toBe(
      'rejected',
    );
  });

  it('rejects a sender without an id (a web page via externally_connectable)', () => {
    const withoutId = linkedin();
    delete withoutId.id;
    expect(classifySender(withoutId, SELF).kind).toBe('rejected');
  });

  it("accepts this extension's own pages", () => {
    expect(
      classifySender({ id: SELF.id, origin: SELF.origin, url: `${SELF.origin}/src/popup/index.html` }, SELF),
    ).toEqual({
      kind: 'extension-page',
    });
  });

  it('accepts a content script in the top frame of a LinkedIn tab', () => {
    expect(classifySender(linkedin(), SELF)).toEqual({ kind: 'content-script', site: 'linkedin', topFrame: true });
    const noFrameId = linkedin();
    delete noFrameId.frameId;
    expect(classifySender(noFrameId, SELF)).toEqual({ kind: 'content-script', site: 'linkedin', topFrame: true });
  });

  it('marks a content script in a sub-frame as not top frame', () => {
    expect(classifySender(linkedin({ frameId: 3 }), SELF)).toEqual({
      kind: 'content-script',
      site: 'linkedin',
      topFrame: false,
    });
  });

  it.each([
    ['https://mail.google.com', 'gmail'],
    ['https://outlook.live.com', 'outlook'],
    ['https://outlook.office.com', 'outlook'],
    ['https://outlook.office365.com', 'outlook'],
  ])('accepts a content script on %s as %s', (origin, site) => {
    expect(classifySender(linkedin({ origin, url: `${origin}/mail/` }), SELF)).toEqual({
      kind: 'content-script',
      site,
      topFrame: true,
    });
    expect(classifySender(linkedin({ origin, url: `${origin}/mail/`, frameId: 2 }), SELF)).toEqual({
      kind: 'content-script',
      site,
      topFrame: false,
    });
  });

  it('rejects a LinkedIn origin without a tab', () => {
    const noTab = linkedin();
    delete noTab.tab;
    expect(classifySender(noTab, SELF)).toEqual({
      kind: 'rejected',
      reason: 'origin https://www.linkedin.com is not served',
    });
  });

  it.each([
    'https://linkedin.com',
    'http://www.linkedin.com',
    'https://gmail.com',
    'http://mail.google.com',
    'https://outlook.com',
    'https://de.linkedin.com',
    'https://www.linkedin.com.evil.example',
    'https://evil.example',
    'chrome-extension://otherotherotherotherotherotherot',
  ])('rejects the origin %s', (origin) => {
    expect(classifySender(linkedin({ origin, url: `${origin}/in/x/` }), SELF)).toEqual({
      kind: 'rejected',
      reason: `origin ${origin} is not served`,
    });
  });

  it('rejects a sender with neither origin nor URL, or an unparsable URL', () => {
    expect(classifySender({ id: SELF.id, tab: TAB, frameId: 0 }, SELF)).toEqual({
      kind: 'rejected',
      reason: 'sender has no origin',
    });
    expect(classifySender({ id: SELF.id, tab: TAB, url: 'not a url' }, SELF)).toEqual({
      kind: 'rejected',
      reason: 'sender has no origin',
    });
    expect(classifySender({ id: SELF.id, tab: TAB, origin: '', url: '' }, SELF)).toEqual({
      kind: 'rejected',
      reason: 'sender has no origin',
    });
  });

  it('falls back to the URL when the origin is "null"', () => {
    expect(classifySender(linkedin({ origin: 'null' }), SELF)).toEqual({
      kind: 'content-script',
      site: 'linkedin',
      topFrame: true,
    });
    expect(classifySender(linkedin({ origin: 'null', url: 'https://evil.example/in/x/' }), SELF)).toEqual({
      kind: 'rejected',
      reason: 'origin https://evil.example is not served',
    });
    // An opaque origin with an opaque URL stays rejected.
    expect(classifySender(linkedin({ origin: 'null', url: 'about:blank' }), SELF).kind).toBe('rejected');
    expect(classifySender(linkedin({ origin: 'null', url: undefined }), SELF)).toEqual({
      kind: 'rejected',
      reason: 'sender has no origin',
    });
  });

  it('trusts the origin over the URL when both are given', () => {
    expect(
      classifySender(linkedin({ origin: 'https://evil.example', url: 'https://www.linkedin.com/in/x/' }), SELF).kind,
    ).toBe('rejected');
  });
});
