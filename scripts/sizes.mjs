// Sizes of what the extension ships, gzipped, and the budgets CI enforces.
//   node scripts/sizes.mjs [--check] [--dist DIR] [--json FILE]
// --check exits 1, naming each file and its figure, when one is over its budget.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGETS = { contentScript: 8 * 1024, popup: 25 * 1024 };

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The popup's JS and CSS: what its HTML loads, and every chunk those scripts import, once each. */
function popupFiles(dir) {
  const html = readFileSync(join(dir, 'src/popup/index.html'), 'utf8');
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["']([^"']+\.(?:js|css))["']/g)) {
      const spec = m[1];
      visit(spec.startsWith('/') ? join(dir, spec) : resolve(dirname(file), spec));
    }
  };
  // absolute paths alike from the HTML and from the imports: a file linked by both is counted once
  for (const m of html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) visit(resolve(join(dir, m[1])));
  return [...seen];
}

export function measure(dist = 'dist') {
  const chrome = join(dist, 'chrome');
  const manifest = JSON.parse(readFileSync(join(chrome, 'manifest.json'), 'utf8'));
  const contentScripts = {};
  for (const cs of manifest.content_scripts ?? [])
    for (const js of cs.js ?? []) contentScripts[js] = gz(join(chrome, js));
  const popup = popupFiles(chrome).reduce((sum, f) => sum + gz(f), 0);
  const zips = {};
  for (const f of existsSync(dist) ? readdirSync(dist) : [])
    if (f.endsWith('.zip')) zips[f] = readFileSync(join(dist, f)).length;
  return { contentScripts, popup, zips };
}

export function overBudget(sizes, budgets = BUDGETS) {
  const problems = [];
  for (const [file, bytes] of Object.entries(sizes.contentScripts)) {
    if (bytes > budgets.contentScript)
      problems.push(
        `${file}: ${bytes} B gzipped, over the ${budgets.contentScript} B budget for a content script`,
      );
  }
  if (sizes.popup > budgets.popup)
    problems.push(`popup JS+CSS: ${sizes.popup} B gzipped, over the ${budgets.popup} B budget`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist';
  const sizes = measure(dist);
  if (args.includes('--json'))
    writeFileSync(args[args.indexOf('--json') + 1], `${JSON.stringify(sizes, null, 2)}\n`);
  for (const [file, bytes] of Object.entries(sizes.contentScripts))
    console.log(`${file.padEnd(34)} ${String(bytes).padStart(6)} B gz`);
  console.log(`${'popup JS+CSS'.padEnd(34)} ${String(sizes.popup).padStart(6)} B gz`);
  if (args.includes('--check')) {
    const problems = overBudget(sizes);
    if (problems.length > 0) {
      for (const p of problems) console.error(`size budget exceeded: ${p}`);
      process.exit(1);
    }
    console.log('size budgets: ok');
  }
}
