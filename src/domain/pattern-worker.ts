/** The pattern's worker thread: decides the one pattern it is sent and sends it back as plain arrays. */
import { parentPort } from 'node:worker_threads';
import { decidePattern } from './disclosure.js';
import type { PatternJob, PatternReply } from './pattern-thread.js';

const port = parentPort!;

port.on('message', async (job: PatternJob) => {
  let reply: PatternReply;
  try {
    const p = await decidePattern(job.input, job.munis, job.options, job.printable, job.withGroups);
    reply = { state: p.toState() };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
