/**
 * A worker's part of a large register file: waits (perhaps) for the main thread to say where its
 * byte range starts, reads the range and gives it back as typed arrays, with the buffers to move.
 */
import { closeSync, openSync } from 'node:fs';
import { BistandError } from '../../errors.js';
import { layoutFor } from '../../domain/person-state.js';
import { Handoff } from './handoff.js';
import { loadMunicipalities } from '../reference.js';
import { readRange } from './range.js';
import type { Rejected, WorkerJob, WorkerReply } from './types.js';

export function readRangeJob(job: WorkerJob): { reply: WorkerReply; transfer: ArrayBuffer[] } {
  const rejects: Rejected[] = [];
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
          readSex: job.readSex,
          readHousehold: job.readHousehold,
          partsOptional: job.partsOptional,
          onReject: job.collectRejects ? (x) => rejects.push(x) : undefined,
        },
        1,
        (bytes) => handoff.progress(job.worker, bytes),
      );
      const buffers = [r.ids.table, r.ids.offsets, r.ids.lengths, r.ids.pool, r.labels.table, r.labels.offsets, r.labels.lengths, r.labels.pool, r.state.records, r.state.rowsByKommunMonth, ...(r.state.paidByKommunMonth ? [r.state.paidByKommunMonth] : [])].map((a) => a.buffer as ArrayBuffer);
      return { reply: { ...r, rejects, to: job.to }, transfer: [...new Set(buffers)] };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    // an input's error crosses as its parts, to be thrown again on the main thread with its line
    if (e instanceof BistandError) return { reply: { error: { message: e.message, hint: e.hint, where: e.where ?? { file: job.name } } }, transfer: [] };
    throw e;
  }
}
