import browser, { type Tabs } from 'webextension-polyfill';
import { t } from '../../i18n/t.ts';
import type { PageSubject } from '../../messaging/page-contract.ts';
import { askTabSubject } from '../../messaging/tabs.ts';

/**
 * The tab the user was on: the active tab when this is the real toolbar popup; when the popup
 * page is open in a tab of its own, the most recently used other tab.
 */
export function pickSubjectTab(tabs: readonly Tabs.Tab[], selfId: number | undefined): Tabs.Tab | undefined {
  const others = tabs.filter((tab) => tab.id !== selfId);
  if (selfId === undefined) return others.find((tab) => tab.active);
  return [...others].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

export function isLinkedInUrl(url: string | undefined): boolean {
  return url?.startsWith('https://www.linkedin.com/') ?? false;
}

/** A LinkedIn profile (`/in/…`) or group (`/groups/…`): the pages "On this page" acts on. */
export function isProfileOrGroupUrl(url: string | undefined): boolean {
  return isLinkedInUrl(url) && /^https:\/\/www\.linkedin\.com\/(in|groups)\/[^/?#]+/.test(url ?? '');
}

export interface TabSubject {
  tabId: number;
  subject: PageSubject;
}

/** Asks the LinkedIn tab's content script what it shows; undefined when it is no profile or group. */
export async function readSubjectTab(): Promise<TabSubject | { error: string } | undefined> {
  const self = await browser.tabs.getCurrent();
  const tabs = self ? await browser.tabs.query({}) : await browser.tabs.query({ active: true, currentWindow: true });
  const tab = pickSubjectTab(tabs, self?.id);
  if (tab?.id === undefined || !isProfileOrGroupUrl(tab.url)) return undefined;
  try {
    return { tabId: tab.id, subject: await askTabSubject(tab.id) };
  } catch {
    return { error: t('tabReload') };
  }
}
