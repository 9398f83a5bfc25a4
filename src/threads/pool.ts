/**
 * The one pool of worker threads (piscina): the register reader's second byte range, a report's
 * disclosure pattern (decided while the report reads its other inputs) and the charts' PNGs all
 * run on it, as many at a time as the machine has threads for (two, or BISTAND_THREADS).
 *
 * `prestartThreads` starts the pool first thing in the process, for a command that will use it:
 * a worker needs 60–100 ms to boot (a V8 isolate, Node's internals, our modules), which it then
 * spends while the main thread loads its own modules.
 *
 * This module stays light: the entry point imports it before everything else.
 */
import { fstatSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Tasks } from './worker.js';

/** Files at least this large are read by two threads, when the source is a file. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export function defaultThreads(): number {
  const env = Number(process.env.BISTAND_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.min(2, availableParallelism());
}

function workerScript(): URL {
  // Under vitest this module runs from src/*.ts; a worker needs JavaScript, so it runs the build.
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/bin/worker.js', here) : new URL('./worker.js', here);
}

let pool: Piscina | undefined;
const WORKER = workerScript().href;

function threadPool(): Piscina {
  const threads = defaultThreads();
  // idle workers do not keep the process alive (piscina unrefs them); atomics off: a worker's
  // event loop turns between tasks, and resvg's freed pixel buffers are given back (docs/performance.md)
  // one worker at first (a report's pattern needs no more); a second starts when a task waits
  pool ??= new Piscina({ minThreads: 1, maxThreads: threads, idleTimeout: Infinity, atomics: 'disabled' });
  return pool;
}

/** Runs the task `name` of the worker module on the pool. */
export function onThread<K extends keyof Tasks>(name: K, job: Parameters<Tasks[K]>[0], options: { signal?: AbortSignal } = {}): Promise<Awaited<ReturnType<Tasks[K]>>> {
  // the module is named with each task, not when the pool starts: a worker then loads it with its
  // first task, and a process that ends while a worker boots (--help, an early error) ends cleanly;
  // Node 20 aborts ("IsGraphAsync … instantiated module") when it ends during a worker's ES module loading
  return threadPool().run(job, { filename: WORKER, name, signal: options.signal });
}

/**
 * Starts the pool now when `args` run a command that will use it: a report (its PNGs, the
 * register's pattern), or classify and reasons when they read a file large enough for two
 * threads. A guess costs little when wrong: an idle worker does not keep the process alive.
 */
export function prestartThreads(args: readonly string[]): void {
  const command = args[0] ?? '';
  const register = command === 'classify' || command === 'reasons';
  if (command === 'report' || (register && args.slice(1).some(isLargeFile))) threadPool();
}

function isLargeFile(arg: string): boolean {
  try {
    const st = arg === '-' ? fstatSync(0) : statSync(arg);
    return st.isFile() && st.size >= PARALLEL_MIN_BYTES;
  } catch {
    return false;
  }
}
