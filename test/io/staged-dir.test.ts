import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST, StagedDir } from '../../src/io/staged-dir.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'bistand-stage-')), 'out');
const put = (root: string, rel: string, text: string) => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const read = (root: string, rel: string) => readFileSync(join(root, rel), 'utf8');

async function publish(out: string, files: Record<string, string>): Promise<void> {
  const dir = new StagedDir(out);
  for (const [rel, text] of Object.entries(files)) dir.write(rel, text);
  await dir.publish();
}

describe('StagedDir', () => {
  it('replaces what it wrote, removes what it no longer writes, keeps the rest', async () => {
    const out = fresh();
    await publish(out, { 'index.md': 'v1', 'region/a.csv': 'a1', 'kommun/1407-ockero/x.csv': 'x1' });
    put(out, 'region/mine.txt', 'mine');
    await publish(out, { 'index.md': 'v2', 'region/a.csv': 'a2' });
    expect(read(out, 'index.md')).toBe('v2');
    expect(read(out, 'region/a.csv')).toBe('a2');
    expect(read(out, 'region/mine.txt')).toBe('mine');
    expect(existsSync(join(out, 'kommun'))).toBe(false);
    expect(JSON.parse(read(out, MANIFEST)).files).toEqual(['index.md', 'region/a.csv']);
  });

  it('refuses to replace a file it did not write, even in a folder it did', async () => {
    const out = fresh();
    await publish(out, { 'index.md': 'v1' });
    put(out, 'region/a.csv', 'theirs');
    const dir = new StagedDir(out);
    dir.write('region/a.csv', 'ours');
    await expect(dir.publish()).rejects.toThrow(/region\/a\.csv would be replaced, and bistand did not write it/);
    await dir.abort();
    expect(read(out, 'region/a.csv')).toBe('theirs');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'index.md', 'region']);
  });

  it('puts the old report back after a run killed while it swapped files in', async () => {
    const out = fresh();
    await publish(out, { 'index.md': 'old', 'region/a.csv': 'a-old' });
    // the state a run (pid 99999999) leaves when killed between moving the old files aside
    // and writing its manifest: the old files aside, one new file placed, the journal saying so
    const pid = 99999999;
    put(out, `.bistand-old-${pid}/index.md`, 'old');
    put(out, `.bistand-old-${pid}/region/a.csv`, 'a-old');
    put(out, 'index.md', 'new');
    put(out, `.bistand-stage-${pid}/region/a.csv`, 'a-new');
    // the journal holds the inode each placed file keeps through its rename
    const ino = (rel: string) => statSync(join(out, rel)).ino;
    put(out, `.bistand-stage-${pid}/.journal.json`, JSON.stringify({ phase: 'placing', fresh: [{ path: 'index.md', ino: ino('index.md') }, { path: 'region/a.csv', ino: ino(`.bistand-stage-${pid}/region/a.csv`) }] }));
    const dir = new StagedDir(out);
    await dir.abort();
    expect(read(out, 'index.md')).toBe('old');
    expect(read(out, 'region/a.csv')).toBe('a-old');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'index.md', 'region']);
  });

  it('a run killed after its manifest stands is not undone', async () => {
    const out = fresh();
    await publish(out, { 'index.md': 'new' });
    put(out, '.bistand-old-99999998/index.md', 'old');
    const dir = new StagedDir(out);
    await dir.abort();
    expect(read(out, 'index.md')).toBe('new');
    expect(readdirSync(out).sort()).toEqual([MANIFEST, 'index.md']);
  });
});

/** A folder beside the report, with a file an attacker would have bistand delete or move. */
function victim(out: string): { dir: string; file: string } {
  const dir = join(out, '..', 'victim');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'file.txt'), 'keep me');
  return { dir, file: join(dir, 'file.txt') };
}

describe('a report folder that lies (issue 38, 2): nothing outside it is touched, nothing is followed', () => {
  it('a forged journal naming a file outside the folder deletes nothing, in a folder bistand wrote or not', async () => {
    for (const written of [true, false]) {
      const out = fresh();
      const v = victim(out);
      if (written) await publish(out, { 'index.md': 'v1' });
      else mkdirSync(out, { recursive: true });
      put(out, '.bistand-stage-99999999/.journal.json', JSON.stringify({ phase: 'placing', fresh: ['../victim/file.txt', { path: '../victim/file.txt', ino: statSync(v.file).ino }] }));
      const dir = new StagedDir(out);
      await dir.abort();
      expect(read(v.dir, 'file.txt'), `written before: ${written}`).toBe('keep me');
    }
  });

  it('a forged journal with the inode of a file inside the folder that is not the placed one: its path is checked, a folder is skipped', async () => {
    const out = fresh();
    await publish(out, { 'index.md': 'v1', 'region/a.csv': 'a' });
    put(out, 'mine.txt', 'mine');
    // a folder listed, and a file of the folder under another's inode
    put(out, '.bistand-stage-99999999/.journal.json', JSON.stringify({ phase: 'placing', fresh: [{ path: 'region', ino: statSync(join(out, 'region')).ino }, { path: 'mine.txt', ino: 1 }] }));
    const dir = new StagedDir(out);
    dir.write('index.md', 'v2');
    await dir.publish();
    expect(read(out, 'mine.txt')).toBe('mine');
    expect(read(out, 'index.md')).toBe('v2');
  });

  it('a forged manifest listing a file outside: the folder is not bistand\'s, and the file stays where it is', async () => {
    const out = fresh();
    const v = victim(out);
    await publish(out, { 'index.md': 'v1' });
    writeFileSync(join(out, MANIFEST), JSON.stringify({ tool: 'bistand', files: ['index.md', '../victim/file.txt'] }));
    expect(() => new StagedDir(out)).toThrow(/bistand did not write it/);
    const forced = new StagedDir(out, { force: true });
    forced.write('index.md', 'v2');
    await forced.publish();
    expect(read(v.dir, 'file.txt')).toBe('keep me');
    expect(read(out, 'index.md')).toBe('v2');
  });

  it('a symlinked folder inside the report is not written through, nor emptied', async () => {
    const out = fresh();
    const v = victim(out);
    await publish(out, { 'index.md': 'v1', 'region/file.txt': 'ours' });
    // the report's own folder replaced by a link to the victim's
    const { rmSync } = await import('node:fs');
    rmSync(join(out, 'region'), { recursive: true });
    symlinkSync(v.dir, join(out, 'region'));
    const dir = new StagedDir(out);
    dir.write('index.md', 'v2');
    dir.write('region/file.txt', 'new');
    await expect(dir.publish()).rejects.toThrow(/symlink or another kind of file is in the way/);
    await dir.abort();
    expect(read(v.dir, 'file.txt')).toBe('keep me');
    expect(read(out, 'index.md')).toBe('v1');
  });

  it('a forged aside folder holding a symlink places no symlink in the report', async () => {
    const out = fresh();
    const v = victim(out);
    await publish(out, { 'index.md': 'v1' });
    put(out, '.bistand-stage-99999999/.journal.json', JSON.stringify({ phase: 'aside', fresh: [] }));
    mkdirSync(join(out, '.bistand-old-99999999', 'region'), { recursive: true });
    symlinkSync(v.file, join(out, '.bistand-old-99999999', 'region', 'link.csv'));
    const dir = new StagedDir(out);
    await dir.abort();
    expect(existsSync(join(out, 'region', 'link.csv'))).toBe(false);
    expect(read(v.dir, 'file.txt')).toBe('keep me');
  });

  it('a stage that is a symlink to another folder is removed as a link, its target kept', async () => {
    const out = fresh();
    const v = victim(out);
    await publish(out, { 'index.md': 'v1' });
    symlinkSync(v.dir, join(out, '.bistand-stage-99999999'));
    const dir = new StagedDir(out);
    await dir.abort();
    expect(read(v.dir, 'file.txt')).toBe('keep me');
    expect(lstatSync(join(out, 'index.md')).isFile()).toBe(true);
  });

  it('a symlink to / or to the home folder as --out is refused like the place', async () => {
    const { homedir } = await import('node:os');
    for (const target of ['/', homedir()]) {
      const link = join(mkdtempSync(join(tmpdir(), 'bistand-link-')), 'out');
      symlinkSync(target, link);
      expect(() => new StagedDir(link, { force: true })).toThrow(/root of the file system or your home folder/);
    }
  });
});

describe('a file written in pieces', () => {
  it('holds every piece in order, past the 1 024 pieces one write takes, empty pieces too', async () => {
    const out = fresh();
    const pieces = Array.from({ length: 2500 }, (_, i) => new Uint8Array(Buffer.from(i % 7 === 0 ? '' : `${i};`)));
    const dir = new StagedDir(out);
    dir.write('rapport.docx', pieces);
    await dir.publish();
    expect(readFileSync(join(out, 'rapport.docx')).equals(Buffer.concat(pieces))).toBe(true);
  });
});

