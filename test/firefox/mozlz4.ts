/**
 * Firefox compresses its session store (sessionstore.jsonlz4, sessionstore-backups/*.jsonlz4) and
 * some caches as "mozLz4": a magic, the decompressed size, one LZ4 block. A key in those files
 * would not show as plain bytes, so the disk scan decompresses them first.
 */

const MAGIC = Buffer.from('mozLz40\0', 'latin1');

/** Decompress one LZ4 block (no frame). */
export function lz4Block(src: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size);
  let i = 0;
  let o = 0;
  const length = (n: number) => {
    if (n !== 15) return n;
    let b: number;
    do {
      b = src[i++] as number;
      n += b;
    } while (b === 255);
    return n;
  };
  while (i < src.length) {
    const token = src[i++] as number;
    const literals = length(token >> 4);
    src.copy(out, o, i, i + literals);
    i += literals;
    o += literals;
    if (i >= src.length) break;
    const offset = (src[i] as number) | ((src[i + 1] as number) << 8);
    i += 2;
    const match = length(token & 15) + 4;
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset] as number;
  }
  return out.subarray(0, o);
}

export const isMozLz4 = (bytes: Buffer) => bytes.subarray(0, 8).equals(MAGIC);

/** The file's bytes, decompressed when it is mozLz4; both, so that a plain copy is found too. */
export function decodeProfileFile(_path: string, bytes: Buffer): Buffer {
  if (!isMozLz4(bytes)) return bytes;
  return Buffer.concat([bytes, lz4Block(bytes.subarray(12), bytes.readUInt32LE(8))]);
}
