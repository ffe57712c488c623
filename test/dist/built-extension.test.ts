import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../browser/harness.ts';

interface BuiltManifest {
  manifest_version: number;
  name: string;
  permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[] }[];
  web_accessible_resources?: unknown[];
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string };
}

const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.json'), 'utf8')) as BuiltManifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the built extension (dist/)', () => {
  it('asks for exactly the approved permissions and hosts', () => {
    expect({
      manifest_version: manifest.manifest_version,
      name: manifest.name,
      permissions: manifest.permissions ?? [],
      host_permissions: manifest.host_permissions,
      csp: manifest.content_security_policy?.extension_pages,
      content_scripts: manifest.content_scripts?.map(({ matches, js }) => ({ matches, js })),
    }).toEqual({
      manifest_version: 3,
      name: 'Gap Closer',
      permissions: ['storage', 'alarms', 'notifications'],
      host_permissions: [
        'https://www.linkedin.com/*',
        'https://mail.google.com/*',
        'https://outlook.live.com/*',
        'https://outlook.office.com/*',
        'https://outlook.office365.com/*',
      ],
      csp: "script-src 'self'; object-src 'self'",
      content_scripts: [
        { matches: ['https://www.linkedin.com/*'], js: ['src/content/linkedin/index.js'] },
        { matches: ['https://mail.google.com/*'], js: ['src/content/gmail/index.js'] },
        {
          matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*'],
          js: ['src/content/outlook/index.js'],
        },
      ],
    });
  });

  it('runs the webmail scripts where they must: Gmail in the top frame, Outlook in its frames too', () => {
    const raw = manifest.content_scripts as { matches: string[]; all_frames?: boolean; match_about_blank?: boolean }[];
    const gmail = raw.find((script) => script.matches.includes('https://mail.google.com/*'));
    const outlook = raw.find((script) => script.matches.includes('https://outlook.office.com/*'));
    expect(gmail?.all_frames ?? false).toBe(false);
    expect(outlook).toMatchObject({ all_frames: true, match_about_blank: true });
  });

  it('styles nothing on the sites: their stylesheets hold only the empty detection animation', () => {
    const raw = manifest.content_scripts as { matches: string[]; css?: string[] }[];
    const sheets = raw.flatMap((script) => script.css ?? []);
    expect(sheets).toEqual([
      'src/content/linkedin/detect.css',
      'src/content/gmail/detect.css',
      'src/content/outlook/detect.css',
    ]);
    for (const sheet of sheets) {
      const rules = readFileSync(path.join(DIST, sheet), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .trim();
      expect(rules).toMatch(/^@keyframes gap-closer-seen ?\{ ?\} [^{}]+\{ ?animation: ?gap-closer-seen 1ms;? ?\}$/);
    }
  });

  it('offers the Insert template keyboard command', () => {
    const commands = (manifest as { commands?: Record<string, { suggested_key?: { default?: string } }> }).commands;
    expect(commands?.['insert-template']?.suggested_key?.default).toBe('Alt+Shift+I');
  });

  it('exposes only the private frame, to the five site origins, at a dynamic URL', () => {
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['src/frame/index.html'],
        matches: expect.arrayContaining(manifest.host_permissions ?? []) as unknown,
        use_dynamic_url: true,
      },
    ]);
    expect((manifest.web_accessible_resources?.[0] as { matches: string[] }).matches).toHaveLength(5);
  });

  it('builds each content script as one self-contained file (no imports, no loader)', () => {
    for (const script of manifest.content_scripts ?? []) {
      for (const file of script.js) {
        const code = readFileSync(path.join(DIST, file), 'utf8');
        expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
        expect(code).not.toContain('chrome.runtime.getURL');
      }
    }
  });

  it('contains no eval, no new Function and no remote script', () => {
    const code = filesUnder(DIST).filter((file) => /\.(js|html)$/.test(file));
    expect(code.length).toBeGreaterThan(2);
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(/);
      expect(text, file).not.toMatch(/\bnew\s+Function\s*\(/);
      expect(text, file).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(text, file).not.toMatch(/importScripts\(\s*["']https?:/);
    }
  });

  it('keeps the LinkedIn content script within 15 KB gzip', () => {
    const file = manifest.content_scripts?.find((script) => script.matches.includes('https://www.linkedin.com/*'))?.js[0];
    expect(file).toBeDefined();
    const size = gzipSync(readFileSync(path.join(DIST, file ?? ''))).length;
    expect(size).toBeLessThanOrEqual(15 * 1024);
  });

  it.each(['gmail', 'outlook'])('keeps the %s content script within 20 KB gzip', (site) => {
    const file = manifest.content_scripts?.find((script) => script.js[0]?.includes(`/${site}/`))?.js[0];
    expect(file).toBeDefined();
    const size = gzipSync(readFileSync(path.join(DIST, file ?? ''))).length;
    expect(size).toBeLessThanOrEqual(20 * 1024);
  });
});
