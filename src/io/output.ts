/**
 * Where a command's files go. Checked before any work: an output that is one of the inputs, or
 * two outputs that are one file, is a usage error — comparing device and inode, so another
 * name, a link or `./` cannot slip past. Written so that nothing the user did not name is
 * replaced: a regular file is written beside and renamed over (whole or not at all, its mode
 * kept); a device, FIFO or `/dev/stdout` is written in place, never replaced by a file; a
 * symlink's target is written and the link kept; `-` is stdout. Every failure is one line.
 */
import { Stats, chmodSync, closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BistandError, UsageError } from '../errors.js';
import * as msg from '../messages.js';

export interface Target {
  /** the option that named it, for the message: `-o`, `--rejects` */
  option: string;
  /** a path, or `-` (and undefined) for stdout */
  path: string | undefined;
}

const isStdout = (p: string | undefined) => p === undefined || p === '-';

/** The file a path names, as `dev:ino` when it exists, else its real folder and name. */
function identity(path: string): { id: string; regular: boolean } {
  if (path === '-') {
    const s = fstatSync(1);
    return { id: `${s.dev}:${s.ino}`, regular: s.isFile() };
  }
  try {
    const s = statSync(path);
    return { id: `${s.dev}:${s.ino}`, regular: s.isFile() };
  } catch {
    let folder = dirname(resolve(path));
    try {
      folder = realpathSync(folder);
    } catch {
      // a folder that does not exist yet: compare by its name
    }
    return { id: `new:${join(folder, basename(path))}`, regular: true };
  }
}

/**
 * Refuses (exit 2, nothing written) an output that would replace an input or another output.
 * Devices and FIFOs are not compared: two outputs to /dev/null destroy nothing.
 */
export function checkTargets(inputs: readonly string[], targets: readonly Target[]): void {
  const seen = new Map<string, string>();
  const toStdout = targets.filter((t) => isStdout(t.path));
  if (toStdout.length > 1) throw new UsageError(msg.outputClash(`${toStdout[1].option} -`, 'stdout, where the table goes'), msg.outputClashHint());
  for (const input of inputs) {
    if (input === '-') continue;
    const { id, regular } = identity(input);
    if (regular && !id.startsWith('new:')) seen.set(id, `input ${input}`);
  }
  for (const t of targets) {
    const path = t.path ?? '-';
    const { id, regular } = identity(path);
    if (!regular) continue;
    const other = seen.get(id);
    const named = isStdout(t.path) ? 'stdout' : `${t.option} ${path}`;
    if (other) throw new UsageError(msg.outputClash(named, other), msg.outputClashHint());
    seen.set(id, named);
  }
}

/** The error of a failed write, as one line naming the path and what to do. */
export function writeError(path: string, e: unknown): BistandError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return e instanceof BistandError ? e : new BistandError(String((e as Error)?.message ?? e));
  return new BistandError(msg.cannotWrite(path, code), 1, msg.cannotWriteHint(code));
}

/**
 * `mkdir -p` whose failure names the real cause: Node's recursive mkdir reports ENOENT where a
 * read-only or foreign ancestor is the reason, so the first missing folder is made alone.
 */
export function makeFolder(path: string, shown = path): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    let missing = resolve(path);
    while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
    try {
      mkdirSync(missing);
    } catch (again) {
      throw writeError(shown, again);
    }
    throw writeError(shown, e);
  }
}

/** A file being written: bytes in, then `commit` (the file appears whole) or `abort`. */
export interface OutputFile {
  write(data: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError(path, e);
  }
}

/** Where a path's bytes really go: the end of its links (a dangling link's target is created). */
function finalTarget(path: string): { target: string; st: Stats | undefined; through?: boolean } {
  let target = path;
  let st = lstatOrUndefined(path);
  for (let hops = 0; st?.isSymbolicLink(); hops++) {
    // /dev/stdout, /proc/self/fd/N: links to open files or pipes, written through in place
    if (/^\/(proc\/[^/]+\/fd|dev\/fd)\//.test(target)) return { target, st: statSync(target), through: true };
    if (hops > 40) throw writeError(path, Object.assign(new Error(), { code: 'ELOOP' }));
    target = resolve(dirname(target), readlinkSync(target));
    st = lstatOrUndefined(target);
  }
  return { target, st };
}

/** Opens `path` for writing as the module comment says; `-` is stdout. */
export function openOutput(path: string): OutputFile {
  if (path === '-') return stdoutFile();
  const { target, st, through } = finalTarget(path);
  if (st?.isDirectory()) throw writeError(path, Object.assign(new Error(), { code: 'EISDIR' }));
  const inPlace = through || (st !== undefined && !st.isFile());
  let fd: number;
  let tmp: string | undefined;
  try {
    if (inPlace) fd = openSync(target, 'w');
    else {
      makeFolder(dirname(target), path);
      tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
      fd = openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o666);
    }
  } catch (e) {
    throw writeError(path, e);
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const removeTmp = () => tmp && rmSync(tmp, { force: true });
  return {
    write(data) {
      const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      try {
        for (let off = 0; off < b.length; ) off += writeSync(fd, b, off);
      } catch (e) {
        close();
        removeTmp();
        throw writeError(path, e);
      }
    },
    commit() {
      try {
        close();
        if (tmp) {
          if (st) chmodSync(tmp, st.mode & 0o7777);
          renameSync(tmp, target);
        }
      } catch (e) {
        removeTmp();
        throw writeError(path, e);
      }
    },
    abort() {
      try {
        close();
      } finally {
        removeTmp();
      }
    },
  };
}

/** stdout as an OutputFile: written through the stream, which may be a non-blocking pipe. */
function stdoutFile(): OutputFile {
  return {
    write: (data) => void process.stdout.write(data),
    commit: () => undefined,
    abort: () => undefined,
  };
}

/** Writes a whole output: a file as `openOutput` does, or stdout. */
export async function writeOutput(path: string | undefined, data: string | Uint8Array): Promise<void> {
  if (isStdout(path)) return writeStdout(data);
  const f = openOutput(path!);
  f.write(data);
  f.commit();
}

/** Writes to stdout and resolves when it is flushed; errors are handled once in `onStdoutError`. */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(data, () => resolve());
  });
}

/**
 * stdout's failures: a closed pipe (`| head`) ends the run quietly; anything else (a full disk
 * behind `>`) is one line and exit 1.
 */
export function onStdoutError(fail: (e: BistandError) => never): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    fail(new BistandError(msg.cannotWrite('stdout', e.code ?? 'error'), 1, msg.cannotWriteHint(e.code ?? 'error')));
  });
}
