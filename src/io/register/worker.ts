/**
 * A worker thread of the register reader: boots (perhaps before the main thread knows the
 * file), waits for its job, reads one byte range of the file and sends it back as typed arrays.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { BistandError } from '../../errors.js';
import { layoutFor } from '../../domain/person-state.js';
import { Handoff } from './handoff.js';
import { loadMunicipalities } from '../reference.js';
import { readRange } from './range.js';
import type { Rejected, WorkerJob, WorkerReply } from './types.js';

parentPort!.once('message', (job: WorkerJob) => {
  const rejects: Rejected[] = [];
  let reply: WorkerReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const fd = openSync(job.path, 'r');
    const municipalities = loadMunicipalities();
    const handoff = new Handoff(job.shared, job.workers);
    try {
      // ready only now, with every module loaded: the main thread cuts when we can start at once
      const from = job.from < 0 ? handoff.awaitCut() : job.from;
      const r = readRange(
        fd,
        job.name,
        from,
        job.to,
        job.final,
        job.info,
        {
          layout: layoutFor(job.years),
          municipalities,
          requireHinder: job.requireHinder,
          readHinder: job.readHinder,
          onReject: job.collectRejects ? (x) => rejects.push(x) : undefined,
        },
        1,
        (bytes) => handoff.progress(job.worker, bytes),
      );
      reply = { ...r, rejects, to: job.to };
      transfer = [r.ids.table, r.ids.offsets, r.ids.lengths, r.ids.pool, r.labels.table, r.labels.offsets, r.labels.lengths, r.labels.pool, r.state.records, r.state.rowsByKommunMonth].map(
        (a) => a.buffer as ArrayBuffer,
      );
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if (e instanceof BistandError) reply = { error: { message: e.message, hint: e.hint, where: e.where ?? { file: job.name } } };
    else throw e;
  }
  parentPort!.postMessage(reply, [...new Set(transfer)]);
});
