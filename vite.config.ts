import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import sourceManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { contentScriptEntries } from './scripts/content-scripts.ts';
import { mergeLocales } from './scripts/locales.ts';
import { manifestFor, targetBrowser } from './scripts/manifest-for.ts';

// One source, two builds: `vite build` for Chrome (dist/), GAP_CLOSER_BROWSER=firefox for
// Firefox (dist-firefox/).
const browser = targetBrowser(process.env.GAP_CLOSER_BROWSER);
const manifest = manifestFor(sourceManifest, browser, packageJson.version);

/** Writes _locales/<lang>/messages.json, merged from the per-area catalogues. */
function locales(): Plugin {
  return {
    name: 'gap-closer-locales',
    generateBundle() {
      for (const [locale, catalogue] of mergeLocales(import.meta.dirname)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${locale}/messages.json`,
          source: `${JSON.stringify(catalogue, null, 2)}\n`,
        });
      }
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    locales(),
    crx({
      manifest,
      browser,
      // Self-contained content scripts: no loader, no chunks in web_accessible_resources
      // that LinkedIn could probe to fingerprint the extension.
      contentScripts: { standaloneFiles: contentScriptEntries(manifest) },
    }),
  ],
  build: {
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    // Parallel work (several checkouts building at once) may pick another folder.
    outDir: process.env.GAP_CLOSER_DIST ?? (browser === 'firefox' ? 'dist-firefox' : 'dist'),
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
    // The private frame is an extension page no manifest key builds (crxjs only copies
    // web-accessible files): built as a page input like the popup and the options page.
    rollupOptions: { input: { frame: 'src/frame/index.html' } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
