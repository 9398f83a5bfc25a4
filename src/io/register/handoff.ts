/**
 * Where the main thread's byte range ends and the first worker's begins, decided when that
 * worker is ready to read rather than before it starts. A worker needs 60–100 ms to boot (a
 * new V8 isolate and its modules); with a fixed cut in the middle the main thread then sat
 * idle that long at the end. Now the main thread reads from the start and, between chunks,
 * looks whether the worker is ready; if so, it cuts what is left of its range in two at a line
 * start and hands the second half over. Shared memory, not messages: the main thread's loop
 * is synchronous and cannot receive them.
 *
 * The workers also write how far they have read, for the progress bar.
 */
const BOOTING = 0;
const READY = 1;
const CUT = 2;

export class Handoff {
  private readonly state: Int32Array;
  /** [cut, bytes read by worker 0, by worker 1, …] */
  private readonly values: Float64Array;

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly workers: number,
  ) {
    this.state = new Int32Array(buffer, 0, 2);
    this.values = new Float64Array(buffer, 8, 1 + workers);
  }

  static create(workers: number): Handoff {
    return new Handoff(new SharedArrayBuffer(8 + 8 * (1 + workers)), workers);
  }

  /** Worker side: says it is ready and blocks until the main thread has cut. */
  awaitCut(): number {
    if (Atomics.compareExchange(this.state, 0, BOOTING, READY) === BOOTING) {
      Atomics.notify(this.state, 0); // a main thread told where to cut waits for this
      Atomics.wait(this.state, 0, READY);
    }
    return this.values[0];
  }

  /** Main side: blocks until the worker is ready (tests that cut at a given byte). */
  waitReady(): void {
    Atomics.wait(this.state, 0, BOOTING);
  }

  /** Main side: whether the worker waits for its start. */
  workerReady(): boolean {
    return Atomics.load(this.state, 0) === READY;
  }

  /** Main side: the worker's range starts at `cut` (called once, also when nothing is left). */
  setCut(cut: number): void {
    if (Atomics.load(this.state, 0) === CUT) return;
    this.values[0] = cut;
    Atomics.store(this.state, 0, CUT);
    Atomics.notify(this.state, 0);
  }

  get cut(): number | undefined {
    return Atomics.load(this.state, 0) === CUT ? this.values[0] : undefined;
  }

  progress(worker: number, bytes: number): void {
    this.values[1 + worker] = bytes;
  }

  workersProgress(): number {
    let sum = 0;
    for (let w = 0; w < this.workers; w++) sum += this.values[1 + w];
    return sum;
  }
}
