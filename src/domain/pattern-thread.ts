/**
 * The disclosure pattern decided on a worker thread. Its integer programs take a second or more
 * on the main thread (a sixth of the GR sample's report), and nothing else can run there
 * meanwhile; on a thread of its own, started first thing in the process (it boots while the
 * register is read), the report lays out what does not depend on it while it runs. Warming HiGHS
 * up there on a small fixed pattern was tried: no faster, both cores being busy by then.
 * This module stays light: the entry point imports it before everything else.
 */
import { Worker } from 'node:worker_threads';
import type { PatternInput, PatternMunicipalities, PatternState, Printable } from './disclosure.js';
import type { SuppressOptions } from './suppress.js';

export interface PatternJob {
  input: PatternInput;
  munis: PatternMunicipalities;
  options: SuppressOptions;
  printable: Printable;
  withGroups: boolean;
}

export type PatternReply = { state: PatternState; error?: undefined } | { error: string; state?: undefined };

let started: Worker | undefined;
/** workers that ended before they were sent a job: a job goes to a new one */
const ended = new WeakSet<Worker>();

function workerScript(): URL {
  // Under vitest this module runs from src/*.ts; a worker needs JavaScript, so it runs the build.
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/domain/pattern-worker.js', here) : new URL('./pattern-worker.js', here);
}

function start(): Worker {
  const w = new Worker(workerScript());
  // a worker started ahead for a run that never asks (a report without a register) must not
  // keep the process: it is held only while a pattern is being decided
  w.unref();
  // an error before a job is sent is the job's to report (a broken install fails the run there)
  w.on('error', () => undefined);
  w.on('exit', () => ended.add(w));
  return w;
}

/**
 * Starts the worker now when `args` run a command that may decide a pattern: it boots while the
 * main thread loads its modules and reads the register.
 */
export function prestartPatternWorker(args: readonly string[]): void {
  if (started || !['classify', 'reasons', 'report'].includes(args[0] ?? '') || args.includes('--no-suppress')) return;
  started = start();
}

/** The pattern of `job`, decided on the worker (the one started ahead, or a new one); the worker then ends. */
export function decidePatternOnWorker(job: PatternJob): Promise<PatternState> {
  const w = started && !ended.has(started) ? started : start();
  started = undefined;
  return new Promise((resolve, reject) => {
    const done = () => void w.terminate();
    w.once('message', (r: PatternReply) => {
      done();
      if (r.error !== undefined) reject(new Error(r.error));
      else resolve(r.state);
    });
    w.once('error', (e) => (done(), reject(e)));
    w.once('exit', (code) => reject(new Error(`the pattern's worker stopped (exit code ${code})`)));
    w.ref();
    w.postMessage(job);
  });
}
