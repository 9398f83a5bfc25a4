/** A PNG worker: draws the charts the main thread sends, one at a time, and sends each PNG back. */
import { parentPort } from 'node:worker_threads';
import { drawPng } from './png-draw.js';
import type { PngJob, PngReply } from './png-pool.js';

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
  setImmediate(drawNext);
}
