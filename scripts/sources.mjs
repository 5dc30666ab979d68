// dist/sources-<version>.zip: what addons.mozilla.org needs to rebuild dist/firefox byte for byte
// (BUILD.md inside says how). Every file of the repository that the build reads: not the tests, the
// docs or the screenshots. Files come from the working tree (tracked, or new and not ignored).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeZip } from './zip.mjs';

/** What the build reads (prefix match on repository paths). */
export const SOURCE_PATHS = [
  'BUILD.md',
  'LICENSE',
  'README.md',
  'PRIVACY.md',
  'CHANGELOG.md',
  'package.json',
  'package-lock.json',
  'manifest.json',
  'tsconfig.json',
  'vite.config.ts',
  'biome.json',
  '.gitignore',
  'public/',
  'scripts/',
  'src/',
];

export function sourceFiles() {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  return [...new Set(listed)].filter((f) =>
    SOURCE_PATHS.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p)),
  );
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `dist/sources-${version}.zip`;
const files = sourceFiles().filter((f) => {
  try {
    readFileSync(f);
    return true;
  } catch {
    return false; // deleted in the working tree, not yet in git
  }
});
writeZip(
  out,
  files.map((name) => ({ name, data: readFileSync(name) })),
);
console.log(`${out} (${files.length} files)`);
