/**
 * Text is data everywhere it goes (issue 38, 5–6): names, sources and labels with markup,
 * control characters, line separators and words of thousands of characters reach charts,
 * Markdown, the terminal and the documents as text; and a signal in the second half of a run
 * without PNGs still stops it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, NODE_ARGS, ROOT, cliAsync } from '../helpers.js';
import { markdownText, plainText, terminalText } from '../../src/text.js';
import { formatMarkdown } from '../../src/io/write-table.js';
import { wrap } from '../../src/charts/templates.js';
import { readGroups } from '../../src/io/groups.js';
import { loadMunicipalities } from '../../src/io/reference.js';

const tmp = mkdtempSync(join(tmpdir(), 'bistand-text-'));
const S = join(ROOT, 'data/sample');
// (a NUL cannot reach the command line: a groups file's title can hold one, tested in the unit)
const HOSTILE = 'GR <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\u0001\u001b[31m\u2028\u202e|end';

/** Every file of a folder, recursively, with its path. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('text from users and inputs', () => {
  it('is plain, escaped for Markdown and shown, not obeyed, on a terminal', () => {
    expect(plainText(HOSTILE + '\u0000')).not.toMatch(/[\u0000-\u001f\u2028\u202e]/);
    const md = markdownText(HOSTILE);
    expect(md).not.toContain('<script');
    // a link needs an unescaped ]( : the escaped \] is text
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toContain('<img');
    expect(terminalText('a\u001b[31mb\u202ec\u0000')).toBe('a\\u{1b}[31mb\\u{202e}c\\u{0}');
    const table = formatMarkdown({ columns: [{ name: 'Fråga <b>' }], rows: [['[x](javascript:alert(1)) | <script>']] }, '<h1>titel', ['<img onerror=x>']);
    expect(table).not.toMatch(/<script|<img|<h1|<b>|(?<!\\)\]\(javascript:/);
    expect(table.split('\n')[4].split(/(?<!\\)\|/).length).toBe(3);
  });

  it('a groups file\'s title with a NUL, controls and a word of 30 000 characters is a plain, short name', () => {
    const file = join(tmp, 'groups.csv');
    writeFileSync(file, `group_id,group_title,member_id\nG1,"Grupp\u0000\u001b[2J ${'x'.repeat(30_000)}",1480\nG1,,1481\n`);
    const [g] = readGroups(file, loadMunicipalities());
    expect(g.title).not.toMatch(/[\u0000-\u001f]/);
    expect([...g.title].length).toBeLessThanOrEqual(120);
    expect(g.title.startsWith('Grupp[2J x')).toBe(true);
  });

  it('a word of 30 000 characters wraps in linear time into lines of the width', () => {
    const lines = wrap('x'.repeat(30_000) + ' slut', 400, 9);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.join('').replace(/ /g, '')).toBe('x'.repeat(30_000) + 'slut');
  });

  it('a report whose region name, credit and source carry markup, controls and U+2028: every output is text', async () => {
    const out = join(tmp, 'hostile');
    // three municipalities: every kind of file, a third of the charts
    const region = join(tmp, 'tre-hostile.txt');
    writeFileSync(region, '1481\n1402\n1407\n');
    const r = await cliAsync(['report', '--recipe', join(S, 'recipe.json'), '--region', region, '--no-png', '--out', out, '--region-name', HOSTILE, '--credit', HOSTILE, '--source', `Källa ${'ord'.repeat(10_000)}\u2029`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/[\u0000\u001b\u202e]/);
    for (const f of files(out)) {
      if (/\.(png|docx|xlsx)$/.test(f)) continue;
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u2028\u202e]/);
      if (f.endsWith('.md')) expect(text, f).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/);
      if (f.endsWith('.svg')) expect(text, f).toMatch(/^<svg[^>]* width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
    }
    // the name as the reader sees it: cut, without its controls
    expect(readFileSync(join(out, 'index.md'), 'utf8').split('\n')[0].length).toBeLessThan(200);
  });

  it('input labels with escape sequences are shown on stderr, not obeyed', async () => {
    const reg = join(tmp, 'esc.csv');
    const rows = ['person_id;kommun;year;month;hinder'];
    for (let i = 0; i < 30; i++) rows.push(`${i};1480;2021;3;Okänd\u001b[2J\u202eorsak`);
    writeFileSync(reg, rows.join('\n') + '\n');
    const r = await cliAsync(['reasons', reg, '--year', '2021']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('\\u{1b}[2J\\u{202e}');
    expect(r.stderr).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('signals', () => {
  it('SIGINT once the inputs are read, in a run without PNGs: the previous report stays, exit 130', async () => {
    const out = join(tmp, 'signal');
    // three municipalities: a run long enough to be stopped in its second half, short enough to wait for
    const region = join(tmp, 'tre.txt');
    writeFileSync(region, '1481\n1402\n1407\n');
    // the previous report: any of bistand's (of a population file alone is quickest)
    expect((await cliAsync(['report', '--year', '2021', '--population', join(S, 'population.csv'), '--out', out])).status).toBe(0);
    const before = readFileSync(join(out, 'index.md'));
    const child = spawn(process.execPath, [...NODE_ARGS, CLI, 'report', '--recipe', join(S, 'recipe.json'), '--region', region, '--no-png', '--out', out, '--region-name', 'Ny'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // the second half: the stage holds the region's outputs and the municipalities' folders begin
    const stage = () => readdirSync(out).find((n) => n.startsWith('.bistand-stage-'));
    let sent = false;
    // (a loaded machine takes its time: looked for until the run ends)
    let ended = false;
    child.on('exit', () => (ended = true));
    while (!sent && !ended) {
      const st = stage();
      if (st && readdirSync(join(out, st)).includes('kommun')) {
        child.kill('SIGINT');
        sent = true;
      } else await new Promise((r) => setTimeout(r, 10));
    }
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(sent).toBe(true);
    expect(status, `${stderr}\nstatus ${status}`).toBe(130);
    expect(readFileSync(join(out, 'index.md')).equals(before)).toBe(true);
    expect(readdirSync(out).filter((n) => n.startsWith('.bistand-') && n !== '.bistand-manifest.json')).toEqual([]);
  });
});
