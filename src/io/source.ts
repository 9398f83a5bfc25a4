/** Bytes of an input file or of stdin (`-`), in large chunks. */
import { open } from 'node:fs/promises';
import { fstatSync, readFileSync, readSync } from 'node:fs';
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

/** A whole (small) file, or the one-line error every command gives for a file it cannot open. */
export function readFileOrFail(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BistandError(msg.cannotOpen(path, code), 1, msg.cannotOpenHint(code));
  }
}

/** A whole (small) input: a file, or stdin for `-`. */
export async function readAll(path: string): Promise<Buffer> {
  if (path !== '-') return readFileOrFail(path);
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
