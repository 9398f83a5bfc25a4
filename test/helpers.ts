/** Shared test helpers: in-memory sources, the fast path in-process, and spawning the CLI. */
import { spawn, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ByteSource, openSource } from '../src/io/source.js';
import { loadMunicipalities } from '../src/io/reference.js';
import { runRegister, RegisterRun } from '../src/pipeline/register.js';
import { GROUPS } from '../src/domain/reasons.js';
import { RefResult } from './reference/classifier.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = ROOT + 'dist/bin/main.js';

/**
 * Node's own options for the CLIs the tests spawn. HiGHS (WebAssembly) decides every suppressed
 * run's pattern in many short programs, and V8 recompiles its hot functions with TurboFan: about
 * 2 s of CPU a run, most of a spawned test's time. The product sets no V8 flag; the tests, which
 * check outputs, not speed, give node a tiering budget that leaves HiGHS in its first tier (the
 * same results, as the attacker and golden tests hold). vitest.config.ts does the same for the
 * test workers.
 */
export const NODE_ARGS = ['--wasm-tiering-budget=1000000000'];

/** A source that hands out `bytes` in pieces of the given sizes (cycled), to cut rows anywhere. */
export function memorySource(bytes: Uint8Array, pieces: number[] = [1 << 20], name = 'test.csv'): ByteSource {
  let pos = 0;
  let i = 0;
  return {
    name,
    async read(into, offset, max) {
      const n = Math.min(max, pieces[i++ % pieces.length], bytes.length - pos);
      into.set(bytes.subarray(pos, pos + n), offset);
      pos += n;
      return n;
    },
    async close() {},
  };
}

let tmpCount = 0;
const tmp = mkdtempSync(join(tmpdir(), 'bistand-test-'));

/** The fast path reading a file with `threads` threads (forced even for small files). */
export async function threadedClassify(bytes: Uint8Array, year: number, threads: number, opts: Partial<RegisterRun> = {}): Promise<RefResult[]> {
  const path = join(tmp, `t${tmpCount++}.csv`);
  writeFileSync(path, bytes);
  return fastClassify(bytes, year, { threads, minParallelBytes: 0, ...opts }, undefined, await openSource(path));
}

/** Per-municipality rows of the fast path, in the reference's shape. */
export async function fastClassify(bytes: Uint8Array, year: number, opts: Partial<RegisterRun> = {}, pieces?: number[], source?: ByteSource): Promise<RefResult[]> {
  const munis = loadMunicipalities();
  const { result: r } = await runRegister(source ?? memorySource(bytes, pieces), {
    years: [year],
    gapRule: 'internal',
    municipalities: munis,
    requireHinder: true,
    // the reference gives no rows for a year without rows; the error for it is tested apart
    requireYears: [],
    ...opts,
  });
  return r.classification.rows.map((row) => ({
    kommun: munis.kommuner[row.kommun].code,
    year: row.year,
    recipients: row.recipients,
    longTerm: row.longTerm,
    veryLongTerm: row.veryLongTerm,
    groups: Object.fromEntries(GROUPS.map((g, i) => [g, row.groups[i]])) as RefResult['groups'],
  }));
}

/** One assertion per table: same rows, same order, same numbers. */
export function expectSameTable(actual: RefResult[], expected: RefResult[]): void {
  expect(actual).toEqual(expected);
}

export function cli(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...NODE_ARGS, CLI, ...args], {
    input,
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    maxBuffer: 1 << 28,
  });
}

/**
 * The CLI without blocking the test worker: a run of many seconds under spawnSync keeps the
 * worker from answering vitest's RPC ("Timeout calling onTaskUpdate").
 */
export function cliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A register CSV from rows of fields (`;`, LF, header of canonical names). */
export function csv(header: string[], rows: (string | number)[][], d = ';', eol = '\n'): string {
  return [header.join(d), ...rows.map((r) => r.join(d))].join(eol) + eol;
}

/** CSV text (`,`, quotes as RFC 4180) → rows of fields. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** CSV text (`,`, quotes as RFC 4180) → objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [head, ...data] = csvRows(text);
  return data.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * `bistand classify|reasons ARGS` in-process (the command's own option parsing and stages,
 * nothing written): its stdout and the notes it would print on stderr. For the tests of what the
 * command gives; the tests of spawning, exit codes and written files run the CLI.
 */
export async function command(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [name, ...rest] = args;
  const { registerCommandOf } = await import('../src/cli/register-command.js');
  const spec = name === 'classify' ? (await import('../src/cli/classify.js')).CLASSIFY : name === 'reasons' ? (await import('../src/cli/reasons.js')).REASONS : undefined;
  if (!spec) throw new Error(`command() runs classify and reasons, not ${name}`);
  const { noteLine } = await import('../src/notes.js');
  const run = await registerCommandOf(spec, rest);
  return { stdout: typeof run.output === 'string' ? run.output : Buffer.from(run.output).toString('latin1'), stderr: run.notes.map((n) => noteLine(n) + '\n').join('') };
}
