/**
 * A report folder written whole or not at all, and only where bistand wrote before.
 *
 * - The stage is a hidden folder inside the output folder, so the final moves are renames on one
 *   file system (a mount point works; nothing is copied).
 * - `.bistand-manifest.json` lists the files bistand wrote. A later run replaces and removes only
 *   those; a user's own files in the folder stay. A non-empty folder without a manifest is
 *   refused unless `force`; then only files of the same names are replaced.
 * - The swap moves the old files aside, the new ones in, then writes the manifest; a failure
 *   puts everything back, and a run killed in that moment is put back by the next run (the
 *   journal in the stage says what was moving).
 * - `.bistand.lock` keeps a second run out; a lock whose process is gone is taken over.
 * - SIGINT and SIGTERM remove the stage and the lock.
 * - Nothing found in the folder is trusted: a path from a manifest or journal must be one
 *   bistand could have written (relative, inside, no `..`, no hidden part), every folder on its
 *   way a real folder (no symlink followed), the file a regular file; a journal's files are
 *   removed only when they are the very files the run placed (same inode). A manifest with any
 *   other entry makes the folder not bistand's.
 * Slow work (PNG rendering) runs beside the writing; `publish` waits for it.
 */
import { closeSync, existsSync, lstatSync, realpathSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync, writevSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { BistandError, UsageError } from '../errors.js';
import * as msg from '../messages.js';
import { makeFolder, writeError } from './output.js';

export const MANIFEST = '.bistand-manifest.json';
export const LOCK = '.bistand.lock';
const STAGE = '.bistand-stage-';
const ASIDE = '.bistand-old-';
const JOURNAL = '.journal.json';

/**
 * Whether `rel`, read from a manifest or journal, is a path bistand writes: relative, forward
 * slashes, no empty, `.` or `..` part, no hidden part, no control character, at most 4 deep.
 */
export function isReportPath(rel: unknown): rel is string {
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 400) return false;
  const parts = rel.split('/');
  return parts.length <= 4 && parts.every((p) => p.length > 0 && !p.startsWith('.') && !/[\\\u0000-\u001f\u007f]/.test(p));
}

/**
 * The file `rel` inside `root`, when every folder on the way is a real folder (not a symlink)
 * and the file, if there, is a regular file; undefined otherwise.
 */
function plainFile(root: string, rel: string): { path: string; ino?: number } | undefined {
  if (!isReportPath(rel)) return undefined;
  const parts = rel.split('/');
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = join(at, part);
    const st = lstatOrNone(at);
    if (!st) return { path: join(root, rel) };
    if (!st.isDirectory()) return undefined;
  }
  const path = join(root, rel);
  const st = lstatOrNone(path);
  if (st && !st.isFile()) return undefined;
  return { path, ino: st?.ino };
}

function lstatOrNone(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** A folder of bistand's own (a stage or an aside): a real folder, not a symlink to one. */
const realFolder = (p: string) => lstatOrNone(p)?.isDirectory() === true;

interface Journal {
  phase: 'aside' | 'placing';
  /** the files being placed, and the inode each has (a rename keeps it) */
  fresh: { path: string; ino: number }[];
}

function readJournal(stage: string): Journal | undefined {
  const path = join(stage, JOURNAL);
  if (!lstatOrNone(path)?.isFile()) return undefined;
  const j = readJson<Journal>(path);
  if (!j || (j.phase !== 'aside' && j.phase !== 'placing') || !Array.isArray(j.fresh)) return undefined;
  return j.fresh.every((f) => f && isReportPath(f.path) && Number.isSafeInteger(f.ino)) ? j : undefined;
}

/** The manifest's files, or undefined when there is none, or one bistand cannot have written. */
function readManifest(out: string): string[] | undefined {
  const path = join(out, MANIFEST);
  if (!lstatOrNone(path)?.isFile()) return undefined;
  const m = readJson<{ files?: unknown }>(path);
  return m && Array.isArray(m.files) && m.files.every(isReportPath) ? m.files : undefined;
}

const isOurs = (name: string) => name === MANIFEST || name === LOCK || name.startsWith(STAGE) || name.startsWith(ASIDE);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function writePieces(path: string, pieces: readonly Uint8Array[]): void {
  const fd = openSync(path, 'w');
  try {
    let rest = pieces.filter((b) => b.length > 0);
    while (rest.length) {
      // at most 1 024 pieces a call (Linux's IOV_MAX); a short write leaves the rest for the next
      const batch = rest.slice(0, 1024);
      let written = writevSync(fd, batch);
      let k = 0;
      while (k < batch.length && written >= batch[k].length) written -= batch[k++].length;
      rest = k < batch.length ? [batch[k].subarray(written), ...rest.slice(k + 1)] : rest.slice(k);
    }
  } finally {
    closeSync(fd);
  }
}

/** Wraps file-system calls: their errors become one line naming the path. */
function fsDo<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof BistandError ? e : writeError(path, e);
  }
}

export interface OpenOptions {
  /** write into a non-empty folder bistand did not write */
  force?: boolean;
  /** the run's inputs: none may be a file the report would replace */
  inputs?: readonly string[];
}

export class StagedDir {
  readonly files: string[] = [];
  readonly out: string;
  private readonly stage: string;
  private readonly aside: string;
  private readonly previous: readonly string[];
  private locked = false;
  private created = false;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  private readonly onExit = () => this.cleanUp();

  /** Checks the folder, takes the lock and makes the stage: before any slow work. */
  constructor(out: string, private readonly options: OpenOptions = {}) {
    this.out = resolve(out);
    // a symlink to / or the home folder is refused like the place itself
    const real = existsSync(this.out) ? realpathSync(this.out) : this.out;
    const home = existsSync(homedir()) ? realpathSync(homedir()) : resolve(homedir());
    if ([this.out, real].some((p) => p === resolve(sep) || p === resolve(homedir()) || p === home)) throw new UsageError(msg.outTooWide(out), msg.outTooWideHint());
    const st = fsDo(out, () => (existsSync(this.out) ? lstatSync(this.out) : undefined));
    if (st && !st.isDirectory() && !(st.isSymbolicLink() && existsSync(join(this.out, '.')))) {
      // --out naming one of the run's inputs is a usage error; any other file is in the way
      const input = (options.inputs ?? []).find((i) => existsSync(i) && realpathSync(i) === realpathSync(this.out));
      if (input) throw new UsageError(msg.outReplacesInput(out, input), msg.outReplacesInputHint());
      throw writeError(out, Object.assign(new Error(), { code: 'EEXIST' }));
    }
    this.created = !st;
    makeFolder(this.out, out);
    this.lock(out);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    process.on('exit', this.onExit);
    try {
      this.recover();
      const manifest = readManifest(this.out);
      const theirs = readdirSync(this.out).filter((n) => !isOurs(n));
      if (!manifest && theirs.length && !options.force) throw new UsageError(msg.outNotOurs(out, theirs.length), msg.outNotOursHint());
      // (with --force and a forged manifest: only the files of the same names are replaced)
      this.previous = manifest ?? [];
      this.refuseInputs(out, options.inputs ?? []);
      this.stage = join(this.out, `${STAGE}${process.pid}`);
      this.aside = join(this.out, `${ASIDE}${process.pid}`);
      rmSync(this.stage, { recursive: true, force: true });
      fsDo(out, () => mkdirSync(this.stage));
    } catch (e) {
      this.cleanUp();
      throw e;
    }
  }

  /** An input inside the folder that a run replaces (a file of the last report, or the folder itself). */
  private refuseInputs(shown: string, inputs: readonly string[]): void {
    const real = realpathSync(this.out);
    const ours = new Set(this.previous);
    for (const input of inputs) {
      let p: string;
      try {
        p = realpathSync(input);
      } catch {
        continue; // the reader names a missing input
      }
      const rel = relative(real, p).split(sep).join('/');
      if (rel === '' || (!rel.startsWith('..') && ours.has(rel))) throw new UsageError(msg.outReplacesInput(shown, input), msg.outReplacesInputHint());
    }
  }

  private lock(shown: string): void {
    const path = join(this.out, LOCK);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }) + '\n', { flag: 'wx' });
        this.locked = true;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(shown, e);
      }
      const held = readJson<{ pid: number; host: string }>(path);
      // a lock from another machine (a shared disk) cannot be checked: it stands
      if (held && (held.host !== hostname() || alive(held.pid))) throw new BistandError(msg.outLocked(shown, held.pid, held.host), 1, msg.outLockedHint(join(shown, LOCK)));
      rmSync(path, { force: true });
    }
    throw new BistandError(msg.outLocked(shown, 0, hostname()), 1, msg.outLockedHint(join(shown, LOCK)));
  }

  /** A run killed while it moved files: put the old report back; stages of dead runs go. */
  private recover(): void {
    for (const name of readdirSync(this.out)) {
      const m = /^\.bistand-stage-(\d+)$/.exec(name);
      if (!m || Number(m[1]) === process.pid) continue;
      const stage = join(this.out, name);
      const aside = join(this.out, `${ASIDE}${m[1]}`);
      const journal = realFolder(stage) ? readJournal(stage) : undefined;
      if (journal) {
        // only the files that run placed: a journal naming any other file removes nothing
        if (journal.phase === 'placing')
          for (const f of journal.fresh) {
            const placed = plainFile(this.out, f.path);
            if (placed?.ino !== undefined && placed.ino === f.ino) rmSync(placed.path, { force: true });
          }
        if (realFolder(aside))
          for (const f of walk(aside)) {
            const target = plainFile(this.out, f);
            if (!target || target.ino !== undefined) continue;
            mkdirSync(dirname(target.path), { recursive: true });
            renameSync(join(aside, f), target.path);
          }
      }
      // a symlink of that name goes as a link: nothing is followed
      rmSync(stage, { recursive: true, force: true });
      rmSync(aside, { recursive: true, force: true });
    }
    // an aside without its stage: that run finished its swap and died before tidying
    for (const name of readdirSync(this.out)) if (/^\.bistand-old-\d+$/.test(name) && name !== `${ASIDE}${process.pid}`) rmSync(join(this.out, name), { recursive: true, force: true });
  }

  /** Writes `data`, or its pieces one after the other (a large file need not be joined in memory first). */
  write(rel: string, data: string | Uint8Array | readonly Uint8Array[]): void {
    const p = join(this.stage, rel);
    // paths are built from codes and slugs; this guards the invariant, not user input
    if (relative(this.stage, p).startsWith('..')) throw new Error(`refusing to write outside the output folder: ${rel}`);
    fsDo(join(this.out, rel), () => {
      mkdirSync(dirname(p), { recursive: true });
      if (typeof data === 'string' || data instanceof Uint8Array) writeFileSync(p, data);
      else writePieces(p, data);
    });
    this.files.push(rel);
  }

  /** A staged file's text (what this run wrote). */
  read(rel: string): string {
    return readFileSync(join(this.stage, rel), 'utf8');
  }

  /**
   * Swaps the staged files in. Synchronous from the first move to the manifest, so a signal
   * is handled before or after it, never in the middle.
   */
  async publish(): Promise<void> {
    const fresh = [...this.files].sort();
    // every place the report moves a file from or to: inside the folder, no symlink on the way
    const blocked = fresh.find((f) => !plainFile(this.out, f));
    if (blocked) throw new BistandError(msg.outSymlinkInTheWay(join(this.out, blocked)), 1, msg.outSymlinkInTheWayHint());
    const previous = this.previous.filter((f) => plainFile(this.out, f)?.ino !== undefined);
    const before = new Set(this.previous);
    const inputs = new Set((this.options.inputs ?? []).flatMap((i) => (existsSync(i) ? [realpathSync(i)] : [])));
    const input = fresh.find((f) => existsSync(join(this.out, f)) && inputs.has(realpathSync(join(this.out, f))));
    if (input) throw new UsageError(msg.outReplacesInput(this.out, join(this.out, input)), msg.outReplacesInputHint());
    const inTheWay = fresh.filter((f) => !before.has(f) && existsSync(join(this.out, f)));
    if (inTheWay.length && !this.options.force) throw new UsageError(msg.outFileInTheWay(join(this.out, inTheWay[0]), inTheWay.length), msg.outNotOursHint());
    const moved: string[] = [];
    const placed: string[] = [];
    const journal = join(this.stage, JOURNAL);
    try {
      const placing: Journal['fresh'] = fresh.map((f) => ({ path: f, ino: lstatSync(join(this.stage, f)).ino }));
      writeFileSync(journal, JSON.stringify({ phase: 'aside', fresh: placing }));
      for (const f of [...previous, ...inTheWay]) {
        if (!existsSync(join(this.out, f))) continue;
        mkdirSync(dirname(join(this.aside, f)), { recursive: true });
        fsDo(join(this.out, f), () => renameSync(join(this.out, f), join(this.aside, f)));
        moved.push(f);
      }
      writeFileSync(journal, JSON.stringify({ phase: 'placing', fresh: placing }));
      for (const f of fresh) {
        mkdirSync(dirname(join(this.out, f)), { recursive: true });
        fsDo(join(this.out, f), () => renameSync(join(this.stage, f), join(this.out, f)));
        placed.push(f);
      }
      const tmp = join(this.stage, MANIFEST);
      writeFileSync(tmp, JSON.stringify({ tool: 'bistand', files: fresh }, null, 1) + '\n');
      fsDo(join(this.out, MANIFEST), () => renameSync(tmp, join(this.out, MANIFEST)));
      // from here the new report stands: a run killed now must not be undone
      rmSync(journal);
    } catch (e) {
      for (const f of placed.reverse()) renameSync(join(this.out, f), join(this.stage, f));
      for (const f of moved.reverse()) renameSync(join(this.aside, f), join(this.out, f));
      throw e;
    }
    // folders the old report had and the new one does not, when nothing else is in them
    for (const f of previous) removeEmptyParents(this.out, f);
    this.cleanUp();
  }

  async abort(): Promise<void> {
    this.cleanUp();
    // a folder this run made and filled with nothing goes again
    if (this.created) removeEmptyParents(dirname(this.out), basename(this.out) + '/.');
  }

  private cleanUp(): void {
    if (this.stage) rmSync(this.stage, { recursive: true, force: true });
    if (this.aside) rmSync(this.aside, { recursive: true, force: true });
    if (this.locked) rmSync(join(this.out, LOCK), { force: true });
    this.locked = false;
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    process.off('exit', this.onExit);
  }
}

/** The regular files under `dir` (symlinks and other kinds are not followed, nor listed). */
function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(join(dir, e.name), rel));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

function removeEmptyParents(root: string, rel: string): void {
  for (let d = dirname(rel); d !== '.' && d !== ''; d = dirname(d)) {
    try {
      rmdirSync(join(root, d));
    } catch {
      return;
    }
  }
}
