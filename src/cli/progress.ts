/**
 * A progress bar on stderr for large inputs, only when stderr is a terminal: scripts and logs
 * get no carriage returns. Redrawn at most ten times a second and wiped when done.
 */
import { paint } from './stderr.js';

const MIN_BYTES = 32 << 20;

export interface Progress {
  update(bytes: number): void;
  done(): void;
}

/** A line on stderr saying what a slow run is doing ("fetching: Kolada 3 requests"), only on a terminal; wiped when done. */
export function statusLine(): Progress & { say(text: string): void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let shown = false;
  return {
    say(text) {
      shown = true;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    update() {},
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

export function progressBar(label: string, total: number | undefined): Progress | undefined {
  if (!process.stderr.isTTY || (total !== undefined && total < MIN_BYTES)) return undefined;
  let last = 0;
  let shown = false;
  const mb = (b: number) => `${Math.round(b / 1e6)} MB`;
  return {
    update(bytes) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const width = 30;
      if (total) {
        const f = Math.min(1, bytes / total);
        const bar = '█'.repeat(Math.round(f * width)).padEnd(width, '░');
        process.stderr.write(`\r${label} ${paint.cyan(bar)} ${Math.round(f * 100)} % (${mb(bytes)} of ${mb(total)})`);
      } else process.stderr.write(`\r${label} ${mb(bytes)}`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
