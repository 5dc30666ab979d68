// The fast suites only (unit + DOM-level page captures), for `npm run mutation` (Stryker).
// Same project definitions as vitest.config.ts, without the browser, bench and demo projects.
// Keep per-file isolation (vitest's default): without it Stryker's setup file does not run for every
// test file and mutants are not activated there, which reports killable mutants as survivors.
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

const FAST = new Set(['unit', 'pages-dom']);
const projects = (base.test?.projects ?? []).filter(
  (p) => typeof p === 'object' && 'test' in p && FAST.has(String(p.test?.name ?? '')),
);

export default defineConfig({ test: { projects } });
