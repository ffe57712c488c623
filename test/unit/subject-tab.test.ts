import { describe, expect, it, vi } from 'vitest';
import type { Tabs } from 'webextension-polyfill';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { isLinkedInUrl, isProfileOrGroupUrl, pickSubjectTab } =
  await import('../../src/popup/current-tab/subject-tab.ts');

function tab(id: number, fields: Partial<Tabs.Tab> = {}): Tabs.Tab {
  return { id, index: id, active: false, highlighted: false, pinned: false, incognito: false, ...fields };
}

describe('pickSubjectTab', () => {
  it('takes the active tab in the real toolbar popup', () => {
    expect(pickSubjectTab([tab(1), tab(2, { active: true })], undefined)?.id).toBe(2);
  });

  it('takes the most recently used other tab when the popup page is a tab itself', () => {
    const tabs = [
      tab(1, { lastAccessed: 100 }),
      tab(2, { lastAccessed: 300, active: true }),
      tab(3, { lastAccessed: 200 }),
    ];
    expect(pickSubjectTab(tabs, 2)?.id).toBe(3);
  });

  it('knows LinkedIn URLs', () => {
    expect(isLinkedInUrl('https://www.linkedin.com/in/x/')).toBe(true);
    expect(isLinkedInUrl('https://www.linkedin.com.evil.example/')).toBe(false);
    expect(isLinkedInUrl(undefined)).toBe(false);
  });

  it('offers "On this page" on a profile or a group only', () => {
    expect(isProfileOrGroupUrl('https://www.linkedin.com/in/jordan-whitfield/')).toBe(true);
    expect(isProfileOrGroupUrl('https://www.linkedin.com/groups/12345/')).toBe(true);
    expect(isProfileOrGroupUrl('https://www.linkedin.com/feed/')).toBe(false);
    expect(isProfileOrGroupUrl('https://www.linkedin.com/in/')).toBe(false);
    expect(isProfileOrGroupUrl('https://mail.google.com/mail/u/0/')).toBe(false);
    expect(isProfileOrGroupUrl('https://www.linkedin.com.evil.example/in/x/')).toBe(false);
  });
});
