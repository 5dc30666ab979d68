// Zips dist/chrome and dist/firefox into dist/<browser>-<version>.zip (web-ext packs both).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
for (const browser of ['chrome', 'firefox']) {
  execFileSync(
    'node_modules/.bin/web-ext',
    [
      'build',
      '--source-dir',
      `dist/${browser}`,
      '--artifacts-dir',
      'dist',
      '--filename',
      `${browser}-${version}.zip`,
      '--overwrite-dest',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`dist/${browser}-${version}.zip`);
}
