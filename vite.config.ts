import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { contentScriptEntries } from './scripts/content-scripts.ts';

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest,
      // Self-contained content scripts: no loader, no chunks in web_accessible_resources
      // that LinkedIn could probe to fingerprint the extension.
      contentScripts: { standaloneFiles: contentScriptEntries(manifest) },
    }),
  ],
  build: {
    target: 'chrome120',
    // Parallel work (several checkouts building at once) may pick another folder.
    outDir: process.env.GAP_CLOSER_DIST ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
