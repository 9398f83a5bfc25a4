/**
 * The hostile battery (issue 13): every fault ends with the right result or one located line and
 * the right exit code; no input, device, link or user file is replaced; no personnummer-like id
 * reaches stdout, stderr or an output file (a rejects file holds the rows asked for, by design).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, NODE_ARGS, ROOT, cliAsync, csv } from '../helpers.js';
import { encodeCp1252 } from '../../src/io/encoding.js';

const PNR = /(?<!\d)(19|20)\d{6}[-+]?\d{4}(?!\d)/;
const tmp = mkdtempSync(join(tmpdir(), 'bistand-hostile-'));
const SAMPLE = join(ROOT, 'data/sample');

/** A small register whose ids are personnummer-like, 2019–2021, in four GR municipalities. */
function register(): string {
  const rows: (string | number)[][] = [];
  const kommuner = ['1480', '1481', '1401', '1402'];
  for (let p = 0; p < 160; p++) {
    const id = `19${String(50 + (p % 40)).padStart(2, '0')}0${1 + (p % 9)}${String(10 + (p % 18))}${String(1000 + p)}`;
    for (let m = 0; m < 36; m += p % 3 === 0 ? 1 : 4) rows.push([id, kommuner[p % 4], 2019 + Math.floor(m / 12), (m % 12) + 1, p % 2 ? 'Arbetslös – väntar på ersättning' : 'Sjuk – med läkarintyg', 30 + (p % 40)]);
  }
  return csv(['person_id', 'kommun', 'year', 'month', 'hinder', 'age'], rows);
}
const REG = join(tmp, 'register.csv');
writeFileSync(REG, register());
const REG_BYTES = readFileSync(REG);
expect(PNR.test(REG_BYTES.toString())).toBe(true);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI and checks what every run must: no id anywhere, never a stack trace, stderr
 * errors one line. Asynchronous, so that the test worker keeps answering vitest on a busy CI.
 */
function run(args: string[], opts: { stdout?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, CLI, ...args], { cwd: tmp, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const res = { status, stdout, stderr };
      try {
        expectClean(res);
        resolve(res);
      } catch (e) {
        reject(e);
      }
    });
  });
}

function expectClean(r: Run): void {
  expect(r.stderr, 'a person id on stderr').not.toMatch(PNR);
  expect(r.stdout, 'a person id on stdout').not.toMatch(PNR);
  expect(r.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
  expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
  const errors = r.stderr.split('\n').filter((l) => l.startsWith('bistand:'));
  expect(errors.length).toBeLessThanOrEqual(1);
  for (const e of errors) expect(e.length, e.slice(0, 200)).toBeLessThan(600);
}

/** Every file under `dir`, recursively, checked for ids. */
function expectNoIdsIn(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const text = readFileSync(join(e.parentPath, e.name), 'latin1');
    expect(text, join(e.parentPath, e.name)).not.toMatch(PNR);
  }
}

const classify = (...more: string[]) => ['classify', REG, '--year', '2021', ...more];
const file = (name: string, text: string | Buffer) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const isRoot = process.getuid?.() === 0;

describe('writes that cannot destroy', () => {
  it('refuses -o or --rejects naming the input, by any name (exit 2, nothing written)', async () => {
    const hard = join(tmp, 'hard-link.csv');
    linkSync(REG, hard);
    const soft = join(tmp, 'soft-link.csv');
    symlinkSync(REG, soft);
    for (const args of [classify('-o', REG), classify('-o', `${tmp}/./register.csv`), classify('-o', hard), classify('-o', soft), classify('--rejects', REG)]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/is the same file as input .*register\.csv/);
    }
    expect(readFileSync(REG).equals(REG_BYTES)).toBe(true);
  });

  it('refuses -o and --rejects naming one file, and --rejects where stdout goes', async () => {
    const both = join(tmp, 'both.csv');
    const r = await run(classify('-o', both, '--rejects', both));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--rejects ' + both + ' is the same file as -o ' + both);
    expect(existsSync(both)).toBe(false);
    const out = join(tmp, 'stdout.csv');
    const fd = openSync(out, 'w');
    const r2 = await run(classify('--rejects', out), { stdout: fd });
    closeSync(fd);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('is the same file as stdout');
  });

  it('writes a symlink’s target and keeps the link; -o - is stdout', async () => {
    const target = file('target.csv', 'old\n');
    const link = join(tmp, 'link-out.csv');
    symlinkSync(target, link);
    expect((await run(classify('-o', link))).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^kommun_code,kommun_name,year,recipients/);
    const r = await run(classify('-o', '-'));
    expect(r.stdout).toMatch(/^kommun_code,/);
    expect(existsSync(join(tmp, '-'))).toBe(false);
  });

  it('writes a FIFO in place', async () => {
    const fifo = join(tmp, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const reader = new Promise<string>((resolve) => {
      const cat = spawn('cat', [fifo]);
      let s = '';
      cat.stdout.setEncoding('utf8').on('data', (d: string) => (s += d));
      cat.on('close', () => resolve(s));
    });
    const r = await cliAsync(classify('-o', fifo));
    expectClean(r);
    expect(r.status).toBe(0);
    expect(await reader).toMatch(/^kommun_code,/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a full device: one line and exit 1, for -o and for stdout; the device stays a device', async () => {
    const full = join(tmp, 'full');
    if (!isRoot || spawnSync('mknod', [full, 'c', '1', '7']).status !== 0) return;
    const r = await run(classify('-o', full));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`bistand: cannot write ${full}: no space left on the device`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    const fd = openSync(full, 'w');
    const r2 = await run(classify(), { stdout: fd });
    closeSync(fd);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('bistand: cannot write stdout: no space left on the device');
  });

  it('a folder as -o, a file as a folder: one line naming the path, exit 1', async () => {
    const dir = join(tmp, 'a-folder');
    mkdirSync(dir);
    let r = await run(classify('-o', dir));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot write ${dir}: it is a folder`);
    r = await run(classify('-o', join(REG, 'x.csv')));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*register\.csv\/x\.csv: a part of the path is a file/);
  });

  it('a read-only folder (not as root, who may write anywhere)', async () => {
    if (isRoot) return;
    const dir = join(tmp, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    const r = await run(classify('-o', join(dir, 'x.csv')));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('permission denied');
  });
});

describe('report folders', () => {
  const pop = join(SAMPLE, 'population.csv');
  const report = (out: string, ...more: string[]) => ['report', '--year', '2021', '--population', pop, '--out', out, ...more];

  it('refuses a non-empty folder bistand did not write; --force writes and keeps the user’s files', async () => {
    const out = join(tmp, 'theirs');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    let r = await run(report(out));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('bistand did not write it');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    r = await run(report(out, '--force'));
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(out).sort()).toEqual(['.bistand-manifest.json', 'index.md', 'notes.txt']);
  });

  it('a later run replaces only its own files', async () => {
    const out = join(tmp, 'ours');
    expect((await run(report(out))).status).toBe(0);
    mkdirSync(join(out, 'region'));
    writeFileSync(join(out, 'region', 'mine.txt'), 'mine');
    writeFileSync(join(out, 'index.md'), 'stale');
    expect((await run(report(out))).status).toBe(0);
    expect(readFileSync(join(out, 'region', 'mine.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatch(/^# /);
    expect(readdirSync(out).filter((n) => n.startsWith('.bistand-') && n !== '.bistand-manifest.json')).toEqual([]);
  });

  it('refuses a run whose input is a file of the report it would replace', async () => {
    const out = join(tmp, 'ours');
    const r = await run(['report', '--year', '2021', '--population', join(out, 'index.md'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`would replace its own input ${join(out, 'index.md')}`);
  });

  it('refuses --out naming an input (exit 2)', async () => {
    const r = await run(['report', '--year', '2021', '--register', REG, '--out', REG]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`would replace its own input ${REG}`);
    expect(readFileSync(REG).equals(REG_BYTES)).toBe(true);
  });

  it('refuses --out / and an existing file as --out', async () => {
    expect((await run(report('/'))).status).toBe(2);
    const r = await run(report(REG));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('a file of that name is in the way');
    expect(readFileSync(REG).equals(REG_BYTES)).toBe(true);
  });

  it('a lock held by a running process refuses a second run; a stale lock is taken over', async () => {
    const out = join(tmp, 'locked');
    mkdirSync(out);
    writeFileSync(join(out, '.bistand.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    let r = await run(report(out));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`another bistand report is writing into ${out} (process ${process.pid}`);
    expect(existsSync(join(out, '.bistand.lock'))).toBe(true);
    writeFileSync(join(out, '.bistand.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname() }));
    r = await run(report(out));
    expect(r.status).toBe(0);
    expect(existsSync(join(out, '.bistand.lock'))).toBe(false);
  });

  it('SIGINT mid-run leaves the previous report whole and no stage or lock behind', async () => {
    const out = join(tmp, 'interrupted');
    expect((await run(report(out))).status).toBe(0);
    const before = readFileSync(join(out, 'index.md'));
    const child = spawn(process.execPath, [...NODE_ARGS, CLI, 'report', '--year', '2021', '--kolada', join(SAMPLE, 'kolada.csv'), '--out', out], { cwd: tmp, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // interrupted once the stage holds files
    for (let i = 0; i < 200 && !readdirSync(out).some((n) => n.startsWith('.bistand-stage-') && readdirSync(join(out, n)).length > 0); i++) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status, stderr).toBe(130);
    expect(readFileSync(join(out, 'index.md')).equals(before)).toBe(true);
    expect(readdirSync(out).sort()).toEqual(['.bistand-manifest.json', 'index.md']);
  });
});

describe('file systems that fail (root only: tmpfs mounts)', () => {
  const mounts: string[] = [];
  const mount = (name: string, options: string): string | undefined => {
    const dir = join(tmp, name);
    mkdirSync(dir);
    if (!isRoot || spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status !== 0) return undefined;
    mounts.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const m of mounts) spawnSync('umount', [m]);
  });

  it('a read-only file system: one line, exit 1, for -o and for a report', async () => {
    const ro = mount('ro', 'ro,size=1m');
    if (!ro) return;
    let r = await run(classify('-o', join(ro, 'x.csv')));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the file system is read-only');
    r = await run(['report', '--year', '2021', '--population', join(SAMPLE, 'population.csv'), '--out', join(ro, 'rapport')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the file system is read-only');
  });

  it('a report into a mount point, and onto a full one: the previous report stays whole', async () => {
    const mnt = mount('small', 'size=400k');
    if (!mnt) return;
    const pop = join(SAMPLE, 'population.csv');
    expect((await run(['report', '--year', '2021', '--population', pop, '--out', mnt])).status).toBe(0);
    const before = readFileSync(join(mnt, 'index.md'));
    const r = await cliAsync(['report', '--year', '2021', '--kolada', join(SAMPLE, 'kolada.csv'), '--out', mnt]);
    expectClean(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no space left on the device');
    expect(readFileSync(join(mnt, 'index.md')).equals(before)).toBe(true);
    expect(readdirSync(mnt).sort()).toEqual(['.bistand-manifest.json', 'index.md']);
  });
});

describe('no person id in any message', () => {
  it('a file without a header line', async () => {
    const r = await run(['classify', file('noheader.csv', REG_BYTES.toString().split('\n').slice(1).join('\n')), '--year', '2021']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('noheader.csv:1: the first line is data, not a header');
  });

  it('columns in the wrong order', async () => {
    const swapped = REG_BYTES.toString().replace(/^person_id;kommun/, 'kommun;person_id');
    const r = await run(['classify', file('swapped.csv', swapped), '--year', '2021']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/swapped\.csv:2:1 \(kommun\): municipality code \(a 12-digit value\) is not a 4-digit code/);
  });

  it('ids in the reason column are described, not listed, among unknown labels', async () => {
    const text = REG_BYTES.toString().replace(/^person_id;kommun;year;month;hinder;age/, 'hinder;kommun;year;month;person_id;age');
    const r = await run(['reasons', file('ids-as-labels.csv', text), '--year', '2021']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\(a 12-digit value\): fewer than 5 rows|\(a 12-digit value\): \d+ rows/);
  });

  it('a CR-only headerless file gives a short line; a CR-only register reads as lines', async () => {
    const lines = REG_BYTES.toString().split('\n');
    const r = await run(['classify', file('cr-noheader.csv', lines.slice(1).join('\r')), '--year', '2021']);
    expect(r.status).toBe(1);
    const cr = await run(['classify', file('cr.csv', lines.join('\r')), '--year', '2021']);
    expect(cr.status).toBe(0);
    expect(cr.stdout).toBe((await run(classify())).stdout);
  });

  it('tidy, --oj and --kolada refuse a register extract whatever --as says', async () => {
    for (const args of [['tidy', REG], ['tidy', REG, '--as', 'kolada'], ['tidy', REG, '--as', 'population'], ['report', '--year', '2021', '--oj', REG, '--out', join(tmp, 'oj-out')]]) {
      const r = await run(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('this is a register extract (it has a person id column), not published statistics');
    }
  });

  it('a region file holding an id', async () => {
    const r = await run(classify('--region', file('region.txt', '1480\n195001011234\n')));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 2: (a 12-digit value) is not a 4-digit municipality code');
  });
});

describe('reads that are right or refused', () => {
  it('text after a closing quote is an error at its line and column', async () => {
    const r = await run(['classify', file('after-quote.csv', 'person_id;kommun;year;month\n"1"2;1480;2021;1\n'), '--year', '2021']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('after-quote.csv:2:1: text after the closing quote of a field');
  });

  it('a byte-order mark at a later row (files joined) does not make a second person', async () => {
    const body = REG_BYTES.toString().split('\n');
    const joined = Buffer.concat([Buffer.from(body.slice(0, 200).join('\n') + '\n'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body.slice(200).join('\n'))]);
    expect((await run(['classify', file('joined.csv', joined), '--year', '2021'])).stdout).toBe((await run(classify())).stdout);
  });

  it('UTF-8 labels in a Windows-1252 file are read as UTF-8, with a warning', async () => {
    const lines = REG_BYTES.toString().split('\n');
    const bytes = Buffer.concat([encodeCp1252(lines.slice(0, 300).join('\n') + '\n'), Buffer.from(lines.slice(300).join('\n'), 'utf8')]);
    const r = await run(['reasons', file('mixed.csv', bytes), '--year', '2021']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/mixed\.csv is Windows-1252, but 2 reason labels are UTF-8/);
    expect(r.stdout).toBe((await run(['reasons', REG, '--year', '2021'])).stdout);
  });

  it('two columns that could be the id: an error naming both; --column picks one', async () => {
    const text = 'id;personnr;kommun;year;month\n1;195001011234;1480;2021;1\n';
    const p = file('two-ids.csv', text);
    const r = await run(['classify', p, '--year', '2021']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('columns id (column 1) and personnr (column 2) could each be the person_id column');
    expect((await run(['classify', p, '--year', '2021', '--column', 'person_id=personnr'])).status).toBe(0);
  });

  it('rows of delimiters only are skipped and counted', async () => {
    const r = await run(['classify', file('trailing.csv', REG_BYTES.toString() + ';;;;;\n;;;;;\n'), '--year', '2021']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('2 empty rows skipped');
    const pop = await run(['tidy', file('pop-trailing.csv', readFileSync(join(SAMPLE, 'population.csv'), 'utf8') + ';;;\n;;;\n')]);
    expect(pop.status).toBe(0);
    expect(pop.stderr).toContain('pop-trailing.csv: 2 rows of delimiters only skipped');
  });

  it('tidy’s own columns cannot be overwritten by the input’s', async () => {
    const r = await run(['tidy', file('kolada-status.csv', 'kpi;municipality_id;year;gender;value;status\nN31807;1480;2021;T;5,2;hello\n')]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('kommun_code,kommun_name,measure,period,sex,value,status,measure_name,input_status');
    expect(r.stdout).toContain(',5.2,ok,');
    expect(r.stderr).toContain('renamed input_status');
  });

  it('Kolada JSON is checked as Kolada CSV; deep nesting is no crash', async () => {
    const doc = (v: object) => JSON.stringify({ values: [{ kpi: 'N31807', municipality: '1480', period: 2021, values: [v] }] });
    let r = await run(['tidy', file('k1.json', doc({ gender: 'X', value: 5 }))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('sex "X" is not T, K or M');
    r = await run(['tidy', file('k2.json', doc({ gender: 'T', value: 'abc' }))]);
    expect(r.status).toBe(1);
    r = await run(['tidy', file('deep.json', '['.repeat(200000) + ']'.repeat(200000))]);
    expect(r.status).toBe(1);
  });

  it('the rejects file keeps the input’s encoding', async () => {
    const p = file('cp1252.csv', encodeCp1252('person_id;kommun;year;month;hinder\n1;1480;2021;1;Sjuk – läkarintyg\n2;14x0;2021;1;Sjuk – läkarintyg\n'));
    const rejects = join(tmp, 'rejects.csv');
    const r = await run(['reasons', p, '--year', '2021', '--rejects', rejects]);
    expect(r.status).toBe(0);
    const bytes = readFileSync(rejects);
    expect(bytes.includes(encodeCp1252('Sjuk – läkarintyg'))).toBe(true);
  });

  it('leaves no id in any file a report from the register wrote', async () => {
    const out = join(tmp, 'with-register');
    const r = await cliAsync(['report', '--year', '2021', '--no-png', '--region', file('four.txt', '1480\n1481\n1401\n1402\n'), '--register', REG, '--population', join(SAMPLE, 'population.csv'), '--out', out]);
    expectClean(r);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, 'region')).length).toBeGreaterThan(5);
    // --no-png: no PNG anywhere, and index.md links the SVGs
    expect(readdirSync(out, { recursive: true }).some((f) => String(f).endsWith('.png'))).toBe(false);
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatch(/\(region\/d1-andel-av-befolkningen\.svg\)/);
    for (const dir of ['with-register', 'ours', 'theirs', 'interrupted', 'locked']) expectNoIdsIn(join(tmp, dir));
  });
});
