import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import { GECKO_ID, manifestFor, targetBrowser } from '../../scripts/manifest-for.ts';

describe('manifestFor', () => {
  it('keeps the Chrome manifest and takes the version from package.json', () => {
    const chrome = manifestFor(sourceManifest, 'chrome', '1.2.3');
    expect(chrome).toEqual({ ...sourceManifest, version: '1.2.3' });
  });

  it('turns the service worker into background scripts and adds the gecko settings for Firefox', () => {
    const firefox = manifestFor(sourceManifest, 'firefox', '1.2.3') as unknown as Record<string, unknown>;
    expect(firefox.background).toEqual({ scripts: [sourceManifest.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.version).toBe('1.2.3');
    expect(firefox.permissions).toEqual(sourceManifest.permissions);
    expect(firefox.content_scripts).toEqual(sourceManifest.content_scripts);
  });

  it('accepts only the browsers we build for', () => {
    expect(targetBrowser(undefined)).toBe('chrome');
    expect(targetBrowser('firefox')).toBe('firefox');
    expect(() => targetBrowser('safari')).toThrow(/chrome or firefox/);
  });
});
