/**
 * The household file (Postbeskrivning): the sample register laid out as case systems send it —
 * one row per household and month, two adults a row, tab, CRLF, Windows-1252 — gives the counts
 * of the person-month file; its errors point at its own lines and columns; no id is printed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliAsync, command } from '../helpers.js';
import { encodeCp1252 } from '../../src/io/encoding.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-household-'));
const REGISTER = join(ROOT, 'data/sample/register.csv');
const HEADER = ['Ar', 'Manad', 'Kommun', 'Distrikt', 'Barn15', 'Sbel', ...[1, 2].flatMap((n) => [`Personnr${n}`, `Hhstatus${n}`, `Flykting${n}`, `Utlblank${n}`, `Kon${n}`, `Alder${n}`, `Hinder${n}`])];

/** The sample register as households of up to two adults of one municipality and month. */
function householdFile(): Buffer {
  const rows = readFileSync(REGISTER, 'utf8').trim().split('\n').slice(1).map((l) => l.split(';'));
  const byMonth = new Map<string, string[][]>();
  for (const r of rows) {
    const k = `${r[1]}|${r[2]}|${r[3]}`;
    byMonth.set(k, [...(byMonth.get(k) ?? []), r]);
  }
  const adult = (r?: string[]) => (r ? [`19${r[0].padStart(10, '0')}`, '1', '0', '0', r[6] === 'K' ? '2' : r[6] === 'M' ? '1' : '', r[5], r[4]] : ['', '', '', '', '', '', '']);
  const lines = [HEADER.join('\t')];
  for (const [k, rs] of byMonth) {
    const [kommun, year, month] = k.split('|');
    for (let i = 0; i < rs.length; i += 2) lines.push([year, month, kommun, '', '0', '5400', ...adult(rs[i]), ...adult(rs[i + 1])].join('\t'));
  }
  return encodeCp1252(lines.join('\r\n') + '\r\n');
}

describe('the household file', () => {
  const file = join(dir, 'hushall_202112.txt');
  writeFileSync(file, householdFile());

  it('gives the counts of the same data as person-month rows', async () => {
    for (const cmd of ['classify', 'reasons']) {
      // the open counts: what is hidden follows from them, the same for both
      const [a, b] = await Promise.all([command([cmd, REGISTER, '--year', '2019-2021', '--no-suppress']), command([cmd, file, '--year', '2019-2021', '--no-suppress'])]);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).not.toMatch(/(?<!\d)19\d{10}(?!\d)/);
    }
  });

  it('a bad row is named at the household file’s line and column', async () => {
    const bad = join(dir, 'bad.txt');
    const lines = readFileSync(file, 'latin1').split('\r\n');
    const fields = lines[5].split('\t');
    fields[HEADER.indexOf('Alder2')] = '400';
    lines[5] = fields.join('\t');
    writeFileSync(bad, Buffer.from(lines.join('\r\n'), 'latin1'));
    const r = await cliAsync(['classify', bad, '--year', '2021']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`bistand: ${bad}:6:${HEADER.indexOf('Alder2') + 1} (Alder2): age "400" is not a whole number from 0 to 130 — leave it empty when unknown`);
  });

  it("Sbel is the household's: paid once per household and month, whatever its adults", async () => {
    const { planned, rows } = await import('../report/planned.js');
    const r = await planned(['--year', '2021', '--register', file, '--population', join(ROOT, 'data/sample/population.csv'), '--no-suppress', '--no-png']);
    const t8 = await rows(r.plan, 'region/t8-utbetalt-per-mottagare.csv');
    // each household row paid 5 400 kr: a municipality's households of the year, over its recipients
    const lines = readFileSync(file, 'latin1').trim().split('\r\n').slice(1).map((l) => l.split('\t'));
    const recipients = (await command(['classify', REGISTER, '--year', '2021', '--no-suppress'])).stdout.trim().split('\n').slice(1).map((l) => l.split(','));
    for (const [code, , , n] of recipients) {
      const households = lines.filter((f) => f[0] === '2021' && f[2] === code).length;
      expect(Number(t8.find((x) => x.kommun_code === code)!['2021']), code).toBe(Math.round((households * 5400) / Number(n)));
    }
  });

  it('tidy refuses it as a register extract', async () => {
    const r = await cliAsync(['tidy', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('this is a register extract');
  });

  it('reason columns named otherwise are mapped with --column hinder=NAME', async () => {
    const renamed = join(dir, 'fhinder.txt');
    writeFileSync(renamed, Buffer.from(readFileSync(file, 'latin1').replace(/\tHinder1\t/, '\tFhinder1\t').replace(/\tHinder2\r\n/, '\tFhinder2\r\n'), 'latin1'));
    const [a, b] = await Promise.all([command(['reasons', REGISTER, '--year', '2021']), command(['reasons', renamed, '--year', '2021', '--column', 'hinder=Fhinder'])]);
    expect(b.stdout).toBe(a.stdout);
  });
});
