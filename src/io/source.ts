/** Bytes of an input file or of stdin (`-`), in large chunks. */
import { open } from 'node:fs/promises';
import { type Stats, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { BistandError } from '../errors.js';
import * as msg from '../messages.js';

export interface ByteSource {
  /** the name used in messages: the path, or `stdin` */
  name: string;
  /** reads up to `max` bytes into `into` at `offset`; 0 at the end */
  read(into: Uint8Array, offset: number, max: number): Promise<number>;
  /** the same, synchronous, where the source allows it (files): no thread-pool round trip a chunk */
  readSync?(into: Uint8Array, offset: number, max: number): number;
  close(): Promise<void>;
  /** the file path, when the source is a file (worker threads open it themselves) */
  path?: string;
  /** total bytes when known (files), for progress */
  size?: number;
}

export async function openSource(path: string): Promise<ByteSource> {
  if (path === '-') {
    // stdin redirected from a file (`< register.csv`) is read as that file: in large chunks,
    // and by two threads
    if (process.platform === 'linux' && fstatSync(0).isFile()) return { ...(await openSource('/dev/stdin')), name: 'stdin' };
    return stdinSource();
  }
  let fh;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BistandError(msg.cannotOpen(path, code), 1, msg.cannotOpenHint(code));
  }
  const st = await fh.stat();
  if (st.isDirectory()) {
    await fh.close();
    throw new BistandError(msg.cannotOpen(path, 'EISDIR'), 1, msg.cannotOpenHint('EISDIR'));
  }
  if (!st.isFile() && !st.isFIFO()) {
    await fh.close();
    throw new BistandError(msg.notAFile(path, kindOf(st)), 1, msg.notAFileHint());
  }
  return {
    name: path,
    path,
    size: st.size,
    readSync: (into, offset, max) => readSync(fh.fd, into, offset, max, null),
    async read(into, offset, max) {
      const { bytesRead } = await fh.read(into, offset, max, null);
      return bytesRead;
    },
    close: () => fh.close(),
  };
}

function stdinSource(): ByteSource {
  const it = process.stdin[Symbol.asyncIterator]();
  let pending: Buffer | undefined;
  let done = false;
  return {
    name: 'stdin',
    async read(into, offset, max) {
      if (!pending || pending.length === 0) {
        if (done) return 0;
        const r = await it.next();
        if (r.done) {
          done = true;
          return 0;
        }
        pending = r.value as Buffer;
      }
      const n = Math.min(max, pending.length);
      into.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    async close() {},
  };
}

/** The largest aggregated input (a table of statistics, a survey, a recipe) read whole. */
export const MAX_SMALL_INPUT = 256 << 20;

const kindOf = (st: Stats) => (st.isCharacterDevice() ? 'a device' : st.isBlockDevice() ? 'a disk' : st.isSocket() ? 'a socket' : 'not a regular file');

/**
 * A whole (small) file, or the one-line error every command gives for a file it cannot open:
 * a regular file or a pipe, of at most MAX_SMALL_INPUT bytes (a device such as /dev/zero, or a
 * pipe that never ends, is refused at once or at that size, not read into memory).
 */
export function readFileOrFail(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BistandError(msg.cannotOpen(path, code), 1, msg.cannotOpenHint(code));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new BistandError(msg.cannotOpen(path, 'EISDIR'), 1, msg.cannotOpenHint('EISDIR'));
    if (!st.isFile() && !st.isFIFO()) throw new BistandError(msg.notAFile(path, kindOf(st)), 1, msg.notAFileHint());
    if (st.size > MAX_SMALL_INPUT) throw new BistandError(msg.inputTooLarge(path, MAX_SMALL_INPUT >> 20), 1, msg.inputTooLargeHint());
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        throw new BistandError(msg.cannotOpen(path, code), 1, msg.cannotOpenHint(code));
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_SMALL_INPUT) throw new BistandError(msg.inputTooLarge(path, MAX_SMALL_INPUT >> 20), 1, msg.inputTooLargeHint());
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** A whole (small) input: a file, or stdin for `-` (at most MAX_SMALL_INPUT bytes). */
export async function readAll(path: string): Promise<Buffer> {
  if (path !== '-') return readFileOrFail(path);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of process.stdin) {
    total += (c as Buffer).length;
    if (total > MAX_SMALL_INPUT) throw new BistandError(msg.inputTooLarge('stdin', MAX_SMALL_INPUT >> 20), 1, msg.inputTooLargeHint());
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}
