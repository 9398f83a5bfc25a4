/**
 * The tasks a pool thread runs (threads/pool.ts): each takes a plain job and gives back plain
 * values, its large buffers moved, not copied.
 */
import { Piscina } from 'piscina';
import type { PatternInput, PatternMunicipalities, PatternState, Printable } from '../domain/disclosure.js';
import type { SuppressOptions } from '../domain/suppress.js';
import { readRangeJob } from '../io/register/range-job.js';
import type { WorkerJob, WorkerReply } from '../io/register/types.js';

export interface PatternJob {
  input: PatternInput;
  munis: PatternMunicipalities;
  options: SuppressOptions;
  printable: Printable;
  withGroups: boolean;
}

export interface PngJob {
  svg: string;
  widthPx: number;
  dpi: number;
}

/** A transferable reply: its value and the buffers moved with it. */
function moved<T>(value: T, buffers: ArrayBuffer[]): T {
  const transferable = { [Piscina.transferableSymbol]: buffers, [Piscina.valueSymbol]: value };
  return Piscina.move(transferable as unknown as Parameters<typeof Piscina.move>[0]) as unknown as T;
}

/** One chart's PNG. */
export async function png(job: PngJob): Promise<Uint8Array> {
  const { drawPng } = await import('../charts/png-draw.js');
  const p = drawPng(job.svg, job.widthPx, job.dpi);
  // a buffer of its own, so that moving it moves no other bytes: a small PNG lies in Node's
  // shared pool, which Node 24 refuses to move (and Node 20 moved whole, pool and all)
  const own = p.byteOffset === 0 && p.buffer.byteLength === p.length ? new Uint8Array(p.buffer, 0, p.length) : new Uint8Array(p);
  return moved(own, [own.buffer as ArrayBuffer]);
}

/** The disclosure pattern of a register's counts, as plain arrays. */
export async function pattern(job: PatternJob): Promise<PatternState> {
  const { decidePattern } = await import('../domain/disclosure.js');
  return (await decidePattern(job.input, job.munis, job.options, job.printable, job.withGroups)).toState();
}

/** One byte range of a register file, read into typed arrays. */
export function readRange(job: WorkerJob): WorkerReply {
  const { reply, transfer } = readRangeJob(job);
  return moved(reply, transfer);
}

export type Tasks = { png: typeof png; pattern: typeof pattern; readRange: typeof readRange };
