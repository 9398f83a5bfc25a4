/**
 * An output folder written whole or not at all: files go to a staging folder beside it and are
 * moved into place at the end; a failed run removes the staging folder and leaves the previous
 * output as it was. Slow work (PNG rendering) queues on two lanes, one per core.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export class StagedDir {
  readonly files: string[] = [];
  private readonly stage: string;
  private readonly pending: Promise<void>[] = [];
  private readonly lanes: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
  private lane = 0;

  constructor(readonly out: string) {
    this.stage = `${out.replace(/[/\\]+$/, '')}.tmp-${process.pid}`;
    rmSync(this.stage, { recursive: true, force: true });
  }

  write(rel: string, data: string | Uint8Array): void {
    const p = join(this.stage, rel);
    // paths are built from codes and slugs; this guards the invariant, not user input
    if (relative(this.stage, p).startsWith('..')) throw new Error(`refusing to write outside the output folder: ${rel}`);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
    this.files.push(rel);
  }

  /** Runs `job` when a lane is free; `publish` waits for all of them. */
  later(job: () => Promise<void>): void {
    const i = this.lane++ % this.lanes.length;
    this.lanes[i] = this.lanes[i].then(job);
    this.pending.push(this.lanes[i]);
  }

  /** Moves the staged `names` into place (each replaced whole), nothing else in `out`. */
  async publish(names: string[]): Promise<void> {
    await Promise.all(this.pending);
    mkdirSync(this.out, { recursive: true });
    for (const name of names) {
      const to = join(this.out, name);
      if (existsSync(to)) rmSync(to, { recursive: true, force: true });
      if (existsSync(join(this.stage, name))) renameSync(join(this.stage, name), to);
    }
    rmSync(this.stage, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await Promise.allSettled(this.pending);
    rmSync(this.stage, { recursive: true, force: true });
  }
}
