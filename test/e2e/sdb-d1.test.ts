/**
 * D1 without a register: Statistikdatabasen's yearly recipients (18+) over SCB's adults give the
 * shares the register gives, when the export holds the register's own counts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliAsync, csvObjects, command } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-sdb-'));
const sample = (f: string) => join(ROOT, 'data/sample', f);

describe('D1 from a Statistikdatabasen export', () => {
  it('equals D1 from the register whose counts it holds', async () => {
    const counts = await command(['classify', sample('register.csv'), '--year', '2019-2021', '--no-suppress']);
    const rows = csvObjects(counts.stdout);
    const names = [...new Set(rows.map((r) => r.kommun_name))];
    // the export as Statistikdatabasen writes it: BOM, CRLF, `;`, title, years as columns, footer
    const lines = ['Antal biståndsmottagare, Ålder: 18+ år', 'Region;2019;2020;2021'];
    for (const n of names) lines.push([n, ...['2019', '2020', '2021'].map((y) => rows.find((r) => r.kommun_name === n && r.year === y)!.recipients)].join(';'));
    lines.push('Socialstyrelsens statistikdatabas 2022-10-12');
    const sdb = join(dir, 'sdb_ekb_mottagare.csv');
    writeFileSync(sdb, '\ufeff' + lines.join('\r\n') + '\r\n');

    // three municipalities are enough for the comparison, and a fraction of the files to draw
    const region = join(dir, 'tre-kommuner.txt');
    writeFileSync(region, '1481\n1402\n1407\n');
    // the counts as they are on both sides: the register's pattern would hide some for its region
    const run = (out: string, args: string[]) => cliAsync(['report', '--year', '2021', '--no-png', '--no-suppress', '--region', region, '--population', sample('population.csv'), '--out', join(dir, out), ...args]);
    const [a, b] = await Promise.all([run('register', ['--register', sample('register.csv')]), run('sdb', ['--sdb', sdb])]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).not.toContain('was read but no output of the report uses it');
    const d1 = (out: string) => csvObjects(readFileSync(join(dir, out, 'region/d1-andel-av-befolkningen.csv'), 'utf8')).filter((p) => p.drawn === 'yes').map((p) => [p.kommun_code, p.year, p.share_pct]);
    expect(d1('sdb')).toEqual(d1('register'));
    expect(d1('sdb').length).toBe(4 * 3);
    expect(readFileSync(join(dir, 'sdb', 'region/d1-andel-av-befolkningen.vl.json'), 'utf8')).toContain('Socialstyrelsens statistikdatabas');
  });
});
