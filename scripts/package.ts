// `npm run package`: the store packages, versioned from package.json, into packages/:
//   gap-closer-chrome-<version>.zip   Chrome Web Store upload (dist/)
//   gap-closer-firefox-<version>.zip  addons.mozilla.org upload (dist-firefox/)
//   gap-closer-source-<version>.zip   the source AMO asks for (git archive of HEAD)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const out = path.join(root, 'packages');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env });
}

function zipFolder(folder: string, filename: string): void {
  run('npx', [
    'web-ext',
    'build',
    '--source-dir',
    folder,
    '--artifacts-dir',
    out,
    '--filename',
    filename,
    '--overwrite-dest',
  ]);
}

// Always the default folders, whatever a developer's shell has set.
const { GAP_CLOSER_DIST: _folder, GAP_CLOSER_BROWSER: _browser, ...clean } = process.env;
run('npx', ['vite', 'build', '--logLevel', 'warn'], clean);
run('npx', ['vite', 'build', '--logLevel', 'warn'], { ...clean, GAP_CLOSER_BROWSER: 'firefox' });
zipFolder('dist', `gap-closer-chrome-${version}.zip`);
zipFolder('dist-firefox', `gap-closer-firefox-${version}.zip`);
run('git', ['archive', '--format=zip', `--output=${path.join(out, `gap-closer-source-${version}.zip`)}`, 'HEAD']);
console.log(`packages/ holds the Chrome, Firefox and source zips of version ${version}`);
