/** A PNG worker: draws the charts the main thread sends, one at a time, and sends each PNG back. */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { drawPng } from './png-draw.js';
import type { PngJob, PngReply } from './png-pool.js';

/**
 * resvg's pixmap (10 MB a chart at print size) lives outside V8's heap, which feels no pressure
 * to collect it. Node runs a native object's finalizer on a later turn of the loop, after the
 * collection that found it dead: a collection in the same turn as the drawing (right after the
 * reply) freed nothing until the next one, and a report's workers grew to 1.8 GB. Collected on
 * the next turn, a worker holds one chart's pixels.
 */
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
/**
 * A young-generation collection: the drawing's wrappers are young when they die, and a full one
 * each chart marked the whole heap (about a tenth of the PNGs' CPU, on the platform's threads too).
 */
const collect = () => gc({ type: 'minor' });

const port = parentPort!;
/** charts sent ahead by the main thread, drawn one at a time with a collection between */
const waiting: PngJob[] = [];
let drawing = false;

port.on('message', (job: PngJob) => {
  waiting.push(job);
  if (!drawing) {
    drawing = true;
    drawNext();
  }
});

function drawNext(): void {
  const job = waiting.shift();
  if (!job) {
    drawing = false;
    return;
  }
  let reply: PngReply;
  try {
    const png = drawPng(job.svg, job.widthPx, job.dpi);
    // a buffer of its own, so that moving it moves no other bytes: a small PNG lies in Node's
    // shared pool, which Node 24 refuses to move (and Node 20 moved whole, pool and all)
    const own = png.byteOffset === 0 && png.buffer.byteLength === png.length ? png : new Uint8Array(png);
    reply = { id: job.id, png: own };
    port.postMessage(reply, [own.buffer as ArrayBuffer]);
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
  // the next chart after the turn on which the finalizers free this one's pixels
  setImmediate(() => {
    collect();
    setImmediate(drawNext);
  });
}
