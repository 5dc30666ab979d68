/** Looking for a secret on disk, whatever browser wrote it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Files under `dir` (recursively) whose bytes contain `needle` as UTF-8 or UTF-16, after `decode`
 * (e.g. decompression of a browser's own file format; default: the bytes as they are).
 */
export function filesContaining(
  dir: string,
  needle: string,
  decode: (path: string, bytes: Buffer) => Buffer = (_p, b) => b,
): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        const bytes = decode(p, readFileSync(p));
        if (patterns.some((pat) => bytes.includes(pat))) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}
