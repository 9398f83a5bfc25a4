/**
 * PNGs drawn on worker threads. Drawn on libuv's pool from the main thread, each chart's 10 MB
 * of pixels was copied and allocated in the main thread's heap, whose collector then ran over
 * the report's 300 MB again and again: the GR report spent about twice the CPU a chart takes
 * alone. A worker's heap is small, so its collections are cheap, and the main thread only
 * sends an SVG and gets a PNG back.
 */
import { Worker } from 'node:worker_threads';
import { defaultThreads } from '../io/register/threads.js';

export interface PngJob {
  id: number;
  svg: string;
  widthPx: number;
  dpi: number;
}

export type PngReply = { id: number; png: Uint8Array; error?: undefined } | { id: number; error: string; png?: undefined };

interface Pending extends PngJob {
  resolve: (png: Buffer) => void;
  reject: (e: Error) => void;
}

interface Lane {
  worker: Worker;
  /** sent and not yet answered, oldest first: a worker answers in order */
  jobs: Pending[];
}

/**
 * Charts sent ahead to each worker: the next waits in the worker's port, so the worker starts
 * it without waiting for the main thread, which may be busy writing the Word file.
 */
const AHEAD = 2;

function workerScript(): URL {
  // Under vitest this module runs from src/*.ts; a worker needs JavaScript, so it runs the build.
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('../../dist/charts/png-worker.js', here) : new URL('./png-worker.js', here);
}

/**
 * resvg allocates with mimalloc, which by default gives freed pages back to the system after
 * 10 ms: every chart's 10 MB pixmap was then faulted in afresh, and most of the PNGs' time was
 * the kernel's (the sample report's 65 charts on two workers: 5.2 s, 3.8 s of it system time).
 * Kept for a second, the next chart reuses them: 3.1 s. mimalloc reads the setting from the
 * environment when the addon loads, which is in the first worker, after this line; a value the
 * user set stays.
 */
process.env.MIMALLOC_PURGE_DELAY ??= '1000';

const lanes: Lane[] = [];
const queue: Pending[] = [];
let nextId = 0;

function startLane(): Lane {
  const lane: Lane = { worker: new Worker(workerScript()), jobs: [] };
  lane.worker.on('message', (r: PngReply) => {
    const job = lane.jobs.shift();
    if (job && job.id === r.id) {
      if (r.error !== undefined) job.reject(new Error(r.error));
      else job.resolve(Buffer.from(r.png.buffer, r.png.byteOffset, r.png.byteLength));
    }
    dispatch();
  });
  // a worker that dies takes its chart with it; the charts after it get a new worker
  const died = (e: Error) => {
    lanes.splice(lanes.indexOf(lane), 1);
    const [job, ...after] = lane.jobs;
    lane.jobs = [];
    job?.reject(e);
    // the charts sent after it go to the front of the queue, in their order
    queue.unshift(...after);
    dispatch();
  };
  lane.worker.on('error', died);
  lane.worker.on('exit', (code) => {
    if (lanes.includes(lane)) died(new Error(`the PNG worker stopped (exit code ${code})`));
  });
  // after the listeners: a 'message' listener refs the worker again, and a worker started ahead
  // and never sent a chart (a report of tables only) kept the process from ending
  lane.worker.unref();
  lanes.push(lane);
  return lane;
}

function dispatch(): void {
  while (queue.length && lanes.length < defaultThreads()) startLane();
  // one more chart to each lane in turn, so that a short queue is shared and not sent to the first
  for (let depth = 1; depth <= AHEAD; depth++) {
    for (const lane of lanes) {
      if (lane.jobs.length >= depth) continue;
      const job = queue.shift();
      if (!job) break;
      lane.jobs.push(job);
      lane.worker.ref();
      const msg: PngJob = { id: job.id, svg: job.svg, widthPx: job.widthPx, dpi: job.dpi };
      lane.worker.postMessage(msg);
    }
  }
  for (const lane of lanes) if (!lane.jobs.length) lane.worker.unref();
}

/**
 * Starts the workers now, so that they boot (a V8 isolate, Node's internals, resvg) on the core
 * the register's reading and the suppression leave idle, not when the first chart is laid out.
 */
export function prestartPngWorkers(): void {
  while (lanes.length < defaultThreads()) startLane();
}

/** The PNG of `svg`, drawn `widthPx` wide on a worker thread, saying `dpi` in its pHYs chunk. */
export function drawPngOnWorker(svg: string, widthPx: number, dpi: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, svg, widthPx, dpi, resolve, reject });
    dispatch();
  });
}
