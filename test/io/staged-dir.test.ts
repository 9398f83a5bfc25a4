import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    put(out, `.bistand-stage-${pid}/.journal.json`, JSON.stringify({ phase: 'placing', fresh: ['index.md', 'region/a.csv'] }));
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

describe('slow work on the lanes', () => {
  it('a job that fails before settled() is awaited is no unhandled rejection: settled() gives its error', async () => {
    const dir = new StagedDir(fresh());
    const unhandled: unknown[] = [];
    const on = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', on);
    try {
      dir.later(() => Promise.reject(new Error('no space left on the device')));
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
      await expect(dir.settled()).rejects.toThrow('no space left on the device');
    } finally {
      process.off('unhandledRejection', on);
      await dir.abort();
    }
  });
});
