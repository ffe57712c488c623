/** Every content script named in the manifest, so each is built as one standalone file. */
export function contentScriptEntries(manifest: { content_scripts?: readonly { js?: readonly string[] }[] }): string[] {
  return (manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []);
}
