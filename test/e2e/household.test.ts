/**
 * The household file (Postbeskrivning): the sample register laid out as case systems send it —
 * one row per household and month, two adults a row, tab, CRLF, Windows-1252 — gives the counts
 * of the person-month file; its errors point at its own lines and columns; no id is printed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliAsync, command, csvObjects } from '../helpers.js';
import { parseRegisterText, referenceClassify } from '../reference/classifier.js';
import { encodeCp1252 } from '../../src/io/encoding.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-household-'));
const REGISTER = join(ROOT, 'data/sample/register.csv');
const HEADER = ['Ar', 'Manad', 'Kommun', 'Distrikt', 'Barn15', 'Sbel', ...[1, 2].flatMap((n) => [`Personnr${n}`, `Hhstatus${n}`, `Flykting${n}`, `Utlblank${n}`, `Kon${n}`, `Alder${n}`, `Hinder${n}`])];

/** Barn15 of the i-th household row of a month: children in every third, none given in every eleventh. */
const barn15 = (i: number, month: string) => ((i + Number(month)) % 11 === 0 ? '' : (i + Number(month)) % 3 === 0 ? '2' : '0');

/** The sample register as households of one or two adults of one municipality and month. */
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
    // one adult in every fourth household, two in the others
    for (let i = 0, h = 0; i < rs.length; h++) {
      const two = (h + Number(month)) % 4 !== 0;
      lines.push([year, month, kommun, '', barn15(h, month), '5400', ...adult(rs[i]), ...adult(two ? rs[i + 1] : undefined)].join('\t'));
      i += two ? 2 : 1;
    }
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
      // and per household and month: every household row of the file was paid 5 400 kr
      expect(t8.find((x) => x.kommun_code === code)!['2021_per_household_month'], code).toBe('5400');
    }
    // T10: each household type's share of the recipients, as classify --by household counts them
    const t10 = await rows(r.plan, 'region/t10-hushallstyper-registret.csv');
    const types = csvObjects((await command(['classify', file, '--year', '2021', '--by', 'household', '--no-suppress'])).stdout);
    for (const row of t10)
      for (const t of types.filter((x) => x.kommun_code === row.kommun_code && x.household_type !== 'unknown'))
        expect(row[`${t.household_type}_pct`], `${row.kommun_code} ${t.household_type}`).toBe(((100 * Number(t.recipients)) / Number(row.recipients)).toFixed(1));
  });

  it("--by household: each of Kolada's six types the reference count of its persons (their latest month of the year)", async () => {
    const got = csvObjects((await command(['classify', file, '--year', '2021', '--by', 'household', '--no-suppress'])).stdout);
    // the type of each household row, told independently: adults, the single adult's sex, Barn15
    const lines = readFileSync(file, 'latin1').replace(/\r\n$/, '').split('\r\n').slice(1).map((l) => l.split('\t'));
    const col = (name: string) => HEADER.indexOf(name);
    const TYPES = ['single_woman_with_children', 'single_woman_without_children', 'single_man_with_children', 'single_man_without_children', 'couple_with_children', 'couple_without_children'];
    // the person's latest month of 2021; of its rows the lowest municipality, the lowest age, then the
    // highest household type and sex (person-state.ts), whatever the order of the rows
    const latest = new Map<string, { rank: number[]; type: string }>();
    const before = (a: number[], b: number[]) => {
      const i = a.findIndex((x, j) => x !== b[j]);
      return i >= 0 && a[i] < b[i];
    };
    for (const f of lines) {
      if (f[col('Ar')] !== '2021') continue;
      const n = [1, 2].filter((k) => f[col(`Personnr${k}`)] !== '');
      const kids = f[col('Barn15')];
      const sex = f[col('Kon1')];
      const code = kids === '' ? 0 : n.length === 2 ? (kids !== '0' ? 5 : 6) : sex === '2' ? (kids !== '0' ? 1 : 2) : sex === '1' ? (kids !== '0' ? 3 : 4) : 0;
      for (const k of n) {
        const person = String(Number(f[col(`Personnr${k}`)].slice(2)));
        const sexK = Number(f[col(`Kon${k}`)] || 0);
        // later month first, then lower municipality and age, then higher type and sex: as ranks to minimise
        const rank = [-Number(f[col('Manad')]), Number(f[col('Kommun')]), Number(f[col(`Alder${k}`)]), -(code * 4 + sexK)];
        const cur = latest.get(person);
        if (!cur || before(rank, cur.rank)) latest.set(person, { rank, type: code === 0 ? 'unknown' : TYPES[code - 1] });
      }
    }
    const { rows: ref, hasAge } = parseRegisterText(readFileSync(REGISTER, 'utf8'));
    let seen = 0;
    for (const type of [...TYPES, 'unknown']) {
      // (a part's persons may have no rows as early as Jan Y−2: the file has, so very long-term is counted)
      const want = referenceClassify(ref.filter((r) => latest.get(String(Number(r.id)))?.type === type), 2021, 'internal', hasAge);
      for (const w of want) {
        const row = got.find((x) => x.kommun_code === w.kommun && x.household_type === type)!;
        expect([row.recipients, row.long_term, row.very_long_term].map(Number), `${w.kommun} ${type}`).toEqual([w.recipients, w.longTerm, w.veryLongTerm ?? 0]);
        seen += w.recipients;
      }
    }
    expect(seen).toBe(csvObjects((await command(['classify', file, '--year', '2021', '--no-suppress'])).stdout).reduce((a, x) => a + Number(x.recipients), 0));
    // every type is met in this file
    expect(new Set(got.filter((x) => Number(x.recipients) > 0).map((x) => x.household_type)).size).toBe(7);
    // under suppression: each type its count or X, for the municipalities whose parts can be shown
    const hidden = csvObjects((await command(['classify', file, '--year', '2021', '--by', 'household'])).stdout);
    expect(hidden.length).toBeGreaterThan(7 * 5);
    for (const row of hidden) expect([got.find((x) => x.kommun_code === row.kommun_code && x.household_type === row.household_type)!.recipients, 'X']).toContain(row.recipients);
  });

  it('--by household without Barn15: one line saying what is missing', async () => {
    const without = join(dir, 'utan-barn15.txt');
    const lines = readFileSync(file, 'latin1').split('\r\n').map((l) => l.split('\t').filter((_, i) => i !== HEADER.indexOf('Barn15')).join('\t'));
    writeFileSync(without, Buffer.from(lines.join('\r\n'), 'latin1'));
    await expect(command(['classify', without, '--year', '2021', '--by', 'household', '--no-suppress'])).rejects.toThrow(/--by household: the file has no household type/);
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
