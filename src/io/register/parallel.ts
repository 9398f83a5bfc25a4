/** A large file read by several threads on byte ranges cut at line ends. */
import { closeSync, openSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { Handoff } from './handoff.js';
import { absorb, finish, merge } from './merge.js';
import { nextLineStart, readRange } from './range.js';
import { onThread } from '../../threads/pool.js';
import type { HeaderInfo, RangeResult, ReadOptions, RegisterRead, WorkerJob, WorkerReply } from './types.js';

function startWorker(job: WorkerJob): { result: Promise<WorkerReply>; cancel(): void } {
  const abort = new AbortController();
  const result = onThread('readRange', job, { signal: abort.signal });
  // a range given up (an error in this thread's range) is not waited for
  result.catch(() => undefined);
  return { result, cancel: () => abort.abort() };
}

/**
 * Two (or more) threads on byte ranges cut at line ends: this thread reads the first range,
 * workers the others; their per-person state is merged into this one's, later ranges winning
 * the ties of input order. The cut between this thread and the first worker is made when that
 * worker is ready (see Handoff); further cuts are fixed. Undefined when a cut falls inside a
 * quoted field.
 */
export async function readParallel(path: string, name: string, size: number, info: HeaderInfo, opts: ReadOptions, threads: number): Promise<RegisterRead | undefined> {
  const fd = openSync(path, 'r');
  try {
    // fixed cuts after the first worker's range: [dataStart, c1 | c2 | … | size]
    const fixed: number[] = [];
    for (let t = 2; t < threads; t++) fixed.push(nextLineStart(fd, Math.max(fixed[fixed.length - 1] ?? info.dataStart, Math.floor(info.dataStart + ((size - info.dataStart) * t) / threads)), size));
    const ends = [...fixed, size];
    const handoff = Handoff.create(threads - 1);
    const workers = ends.map((to, i) =>
      startWorker({
        path,
        name,
        from: i === 0 ? -1 : fixed[i - 1],
        to,
        final: to === size,
        info,
        years: [...opts.layout.years],
        requireHinder: opts.requireHinder,
        readHinder: opts.readHinder ?? false,
        readSex: opts.readSex ?? false,
        readHousehold: opts.readHousehold ?? false,
        partsOptional: opts.partsOptional ?? false,
        collectRejects: opts.onReject !== undefined,
        shared: handoff.buffer,
        worker: i,
        workers: threads - 1,
      }),
    );
    const cancel = () => {
      handoff.setCut(ends[0]); // a worker still waiting for its start is let go
      for (const w of workers) w.cancel();
    };
    let first: RangeResult;
    try {
      const progress = opts.onProgress && ((b: number) => opts.onProgress!(b + handoff.workersProgress()));
      first = readRange(fd, name, info.dataStart, ends[0], threads === 2, info, opts, 2, progress, handoff);
    } catch (e) {
      cancel();
      throw e;
    }
    if (first.endPos !== handoff.cut) {
      cancel();
      return undefined;
    }
    const base = absorb(first, opts);
    let lines = first.lines;
    for (const w of workers) {
      const part = await w.result;
      if ('error' in part) {
        cancel();
        const e = part.error;
        throw new InputError({ ...e.where, line: e.where.line === undefined ? undefined : e.where.line + lines }, e.message, e.hint);
      }
      if (part.endPos !== part.to) return undefined;
      merge(base, part, lines, opts.onReject);
      lines += part.lines;
    }
    return finish(base.part(), info, opts, size);
  } finally {
    closeSync(fd);
  }
}
