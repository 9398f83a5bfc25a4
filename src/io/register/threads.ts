/**
 * The register reader's worker threads, and starting them early. A worker needs 60–100 ms to
 * boot (a V8 isolate, Node's internals, our modules); started when the reader reaches the
 * file, it joined the main thread late. `prestartReaders` starts them first thing in the
 * process, while the main thread is still loading its own modules, and `takeReader` hands
 * them out (or starts one then). This module stays light: the entry point imports it before
 * everything else.
 */
import { fstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Files at least this large are read by two threads, when the source is a file. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export function defaultThreads(): number {
  const env = Number(process.env.BISTAND_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.min(2, availableParallelism());
}

const idle: Worker[] = [];
/** workers that failed while nobody listened yet (a broken install): not handed out */
const failed = new WeakSet<Worker>();

function workerScript(): URL {
  // Under vitest this module runs from src/*.ts; a worker needs JavaScript, so it runs the build.
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../../dist/io/register/worker.js', here) : new URL('./worker.js', here);
}

/** A booted (or booting) worker; it waits for its job as a message. */
export function takeReader(): Worker {
  let w = idle.shift();
  // one that failed while booting is replaced: the new one's error reaches a listener
  if (!w || failed.has(w)) w = new Worker(workerScript());
  w.ref();
  return w;
}

/**
 * Starts the workers a `classify` or `reasons` run will want: when one of its arguments is a
 * file (or `-` with a file as stdin) large enough to be read by threads. A guess costs
 * little when wrong: an unused worker does not keep the process alive.
 */
export function prestartReaders(args: readonly string[]): void {
  if (args[0] !== 'classify' && args[0] !== 'reasons') return;
  const threads = defaultThreads();
  if (threads < 2 || !args.slice(1).some(isLargeFile)) return;
  for (let t = 1; t < threads; t++) {
    const w = new Worker(workerScript());
    w.unref();
    w.once('error', () => failed.add(w));
    idle.push(w);
  }
}

function isLargeFile(arg: string): boolean {
  try {
    const st = arg === '-' ? fstatSync(0) : statSync(arg);
    return st.isFile() && st.size >= PARALLEL_MIN_BYTES;
  } catch {
    return false;
  }
}
