/** The browsers we build for from the one source manifest. */
export type TargetBrowser = 'chrome' | 'firefox';

/** Firefox's add-on id: fixed, so storage and updates follow the add-on across versions. */
export const GECKO_ID = 'gap-closer@gap-closer.dev';

interface WebAccessible {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
}

interface SourceManifest {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  web_accessible_resources?: WebAccessible[];
  minimum_chrome_version?: string;
  [key: string]: unknown;
}

/**
 * The manifest for one browser, versioned from package.json. Chrome runs the background as a service worker; Firefox as
 * background scripts (an event page), with its add-on id and the data-collection statement
 * (none: nothing leaves the browser).
 */
export function manifestFor<T extends SourceManifest>(source: T, browser: TargetBrowser, version: string): T {
  const versioned = { ...source, version };
  if (browser === 'chrome') return versioned;
  const { minimum_chrome_version: _chromeOnly, background, web_accessible_resources, ...rest } = versioned;
  return {
    ...rest,
    // Firefox has no use_dynamic_url (MDN's compatibility table): its moz-extension:// host is
    // already a random UUID per installation, so no site can probe a URL it knows in advance.
    ...(web_accessible_resources && {
      web_accessible_resources: web_accessible_resources.map(({ use_dynamic_url: _chromeOnlyUrl, ...entry }) => entry),
    }),
    background: { scripts: [background?.service_worker ?? background?.scripts?.[0] ?? ''], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as T;
}

export function targetBrowser(value: string | undefined): TargetBrowser {
  if (value === undefined || value === 'chrome') return 'chrome';
  if (value === 'firefox') return 'firefox';
  throw new Error(`GAP_CLOSER_BROWSER must be chrome or firefox, not ${value}`);
}
