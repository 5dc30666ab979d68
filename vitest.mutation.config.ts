// The fast suites only (unit + DOM-level page captures), for `npm run mutation` (Stryker).
// Same project definitions as vitest.config.ts, without the browser, bench and demo projects, and
// without per-file isolation: Stryker re-runs the covering test files for every mutant, and a fresh
// happy-dom environment per file would cost more than the tests themselves (the suites pass either way).
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

const FAST = new Set(['unit', 'pages-dom']);
const projects = (base.test?.projects ?? [])
  .filter((p) => typeof p === 'object' && 'test' in p && FAST.has(String(p.test?.name ?? '')))
  .map((p) => (typeof p === 'object' && 'test' in p ? { ...p, test: { ...p.test, isolate: false } } : p));

export default defineConfig({ test: { projects } });
