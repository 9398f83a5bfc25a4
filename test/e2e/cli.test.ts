/** End to end: the built CLI, spawned as a user runs it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../src/domain/reasons.js';
import { RefResult, parseRegisterText, referenceClassify } from '../reference/classifier.js';
import { CLI, ROOT, cli, cliAsync, command, csv } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-e2e-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** CSV text → objects keyed by header (plain split: our outputs quote nothing here). */
function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

function classifyRows(ref: RefResult[]): string[] {
  return ref.map((r) => [r.kommun, r.year, r.recipients, r.longTerm, r.veryLongTerm ?? ''].join(','));
}

describe('classify and reasons agree with the reference on a 8 000-person register', () => {
  let expected: RefResult[];
  const variants: [string, string[]][] = [
    ['utf8.csv', []],
    ['cp1252-swedish-crlf.csv', ['--encoding', 'windows-1252', '--header', 'swedish', '--crlf']],
    ['bom-commas.csv', ['--encoding', 'utf8-bom', '--delimiter', ',']],
  ];
  beforeAll(() => {
    for (const [name, args] of variants) {
      const r = cli(['sample', '--persons', '8000', '--seed', '5', '-o', join(dir, name), ...args]);
      expect(r.status, r.stderr).toBe(0);
    }
    const { rows, hasAge } = parseRegisterText(readFileSync(join(dir, 'utf8.csv'), 'utf8'));
    expected = referenceClassify(rows, 2021, 'internal', hasAge);
  }, 120_000);

  for (const [name] of variants) {
    it(`classify, file ${name}`, async () => {
      const r = await command(['classify', join(dir, name), '--year', '2021', '--no-suppress']);
      const got = parseCsv(r.stdout).map((o) => [o.kommun_code, o.year, o.recipients, o.long_term, o.very_long_term].join(','));
      expect(got).toEqual(classifyRows(expected));
    });
  }

  it('classify through stdin', () => {
    const r = cli(['classify', '-', '--year', '2021', '--no-suppress'], readFileSync(join(dir, 'cp1252-swedish-crlf.csv')));
    expect(r.status, r.stderr).toBe(0);
    const got = parseCsv(r.stdout).map((o) => [o.kommun_code, o.year, o.recipients, o.long_term, o.very_long_term].join(','));
    expect(got).toEqual(classifyRows(expected));
    expect(r.stderr).toContain('stdin: ');
  });

  it('classify from stdin redirected from a file (read as that file)', () => {
    const r = spawnSync('bash', ['-c', `BISTAND_THREADS=2 node ${CLI} classify - --year 2021 --no-suppress < ${join(dir, 'bom-commas.csv')}`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const got = parseCsv(r.stdout).map((o) => [o.kommun_code, o.year, o.recipients, o.long_term, o.very_long_term].join(','));
    expect(got).toEqual(classifyRows(expected));
    expect(r.stderr).toMatch(/^stdin: /);
  });

  it('a file large enough for threads: the built CLI with its worker gives the bytes of one thread', () => {
    const big = join(dir, 'big.csv');
    const gen = cli(['sample', '--persons', '46000', '--kommuner', 'all', '--seed', '3', '-o', big]);
    expect(gen.status, gen.stderr).toBe(0);
    // the reader's bytes are compared; suppression (a second for this many small cells) is tested apart
    const two = cli(['reasons', big, '--year', '2021', '--no-suppress'], undefined, { BISTAND_THREADS: '2' });
    const one = cli(['reasons', big, '--year', '2021', '--no-suppress'], undefined, { BISTAND_THREADS: '1' });
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stderr).toContain('46000 persons');
  });

  it('reasons, every variant', async () => {
    const want = expected.map((e) => [e.kommun, e.recipients, ...GROUPS.map((g) => e.groups[g])].join(','));
    for (const [name] of variants) {
      const r = await command(['reasons', join(dir, name), '--year', '2021', '--no-suppress']);
      const got = parseCsv(r.stdout).map((o) => [o.kommun_code, o.recipients, ...GROUPS.map((g) => o[g])].join(','));
      expect(got, name).toEqual(want);
    }
  });
});

describe('the output contract (SPEC §7)', () => {
  const sample = join(ROOT, 'data/sample/register.csv');

  it('classify: the columns in order, one row per municipality, percentages with a dot', async () => {
    const r = await command(['classify', sample, '--year', '2021']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('kommun_code,kommun_name,year,recipients,long_term,long_term_pct,very_long_term,very_long_term_pct');
    expect(lines.length).toBe(14);
    expect(lines[1]).toMatch(/^1384,Kungsbacka,2021,\d+,\d+,\d+\.\d,\d+,\d+\.\d$/);
    expect(r.stderr).toMatch(/rows read, .* used, .* rejected; .* persons/);
    expect(r.stderr).toContain('very long-term = at least 27 months');
  });

  it('reasons: the columns in order, then the *_pct columns', async () => {
    const r = await command(['reasons', sample, '--year', '2021']);
    expect(r.stdout.split('\n')[0]).toBe(
      'kommun_code,kommun_name,year,recipients,unemployment,ill_health,social,other,missing,unemployment_pct,ill_health_pct,social_pct,other_pct,missing_pct',
    );
  });

  it('same input, same bytes', () => {
    const a = cli(['reasons', sample, '--year', '2021']);
    const b = cli(['reasons', sample, '--year', '2021']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('counts 1–4 print as X with their shares; zero shows; --no-suppress shows all and warns', async () => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < 3; i++) rows.push([`A${i}`, '1480', 2021, 1, 'Arbetslös – ingen ersättning']);
    for (let i = 0; i < 12; i++) rows.push([`B${i}`, '0180', 2021, 1, 'Arbetslös – ingen ersättning']);
    const p = file('small.csv', csv(['person_id', 'kommun', 'year', 'month', 'hinder'], rows));
    const r = cli(['reasons', p, '--year', '2021']);
    const out = parseCsv(r.stdout);
    expect(out.find((o) => o.kommun_code === '1480')).toMatchObject({ recipients: 'X', unemployment: 'X', unemployment_pct: 'X', ill_health: '0' });
    // storstäderna's total (15) is printable (classify --region storstad --total): with Stockholm's 12 shown it would give Göteborg's 3
    expect(out.find((o) => o.kommun_code === '0180')).toMatchObject({ recipients: 'X', unemployment: 'X', ill_health: '0', ill_health_pct: 'X' });
    expect(r.stdout).not.toMatch(/,[1-4],/);
    expect(r.stderr).toMatch(/note: [\d ]+ of [\d ]+ counts hidden as X \(1–4\), [\d ]+ more so that no hidden count can be worked out from a total/);
    // a V8 flag a later V8 dropped, or a deprecated module bundled out of node_modules, would print here (the suite runs on Node 20 and 24)
    expect(r.stderr).not.toMatch(/unrecognized flag|Try --help|Warning:/);
    const open = await command(['reasons', p, '--year', '2021', '--no-suppress']);
    expect(parseCsv(open.stdout).find((o) => o.kommun_code === '1480')?.recipients).toBe('3');
    expect(open.stderr).toContain('warning: small-count suppression is off');
  });

  it('--total adds a row per year; no hidden cell can be solved from rows or columns; --region keeps a region', async () => {
    const p = join(dir, 'small-groups-total.csv');
    expect(cli(['sample', '--persons', '900', '--seed', '4', '-o', p]).status).toBe(0);
    const open = parseCsv((await command(['reasons', p, '--year', '2021', '--total', '--no-suppress'])).stdout);
    const total = open.find((r) => r.kommun_name === 'Totalt')!;
    expect(Number(total.recipients)).toBe(open.filter((r) => r !== total).reduce((a, r) => a + Number(r.recipients), 0));
    const rows = parseCsv((await command(['reasons', p, '--year', '2021', '--total'])).stdout);
    const cols = ['recipients', ...GROUPS];
    const grid = rows.map((r) => cols.map((c) => (r[c] === 'X' ? null : Number(r[c]))));
    // the attacker: any row (recipients = groups) or column (total = municipalities) with one unknown
    const unknownsInRow = grid.map((r) => r.filter((v) => v === null).length);
    expect(unknownsInRow.every((n) => n !== 1)).toBe(true);
    for (let j = 0; j < cols.length; j++) expect(grid.filter((r) => r[j] === null).length, cols[j]).not.toBe(1);
    expect(grid.flat().some((v) => v === null)).toBe(true);
    const gbg = parseCsv((await command(['classify', p, '--year', '2021', '--region', 'storstad', '--total'])).stdout);
    expect(gbg.map((r) => r.kommun_name)).toEqual(['Göteborg', 'Totalt']);
  });

  it('--min-count and --min-denominator move the thresholds', async () => {
    const r = await command(['classify', sample, '--year', '2021', '--min-count', '6', '--min-denominator', '200']);
    const out = parseCsv(r.stdout);
    // Tjörn's very long-term (5) is below 6 now
    expect(out.find((o) => o.kommun_code === '1419')?.very_long_term).toBe('X');
    expect(out.find((o) => o.kommun_code === '1384')?.long_term).toBe('58');
    expect(out.find((o) => o.kommun_code === '1384')?.long_term_pct).toBe('X');
    expect(out.find((o) => o.kommun_code === '1480')?.long_term_pct).toMatch(/^\d+\.\d$/);
    const high = parseCsv((await command(['classify', sample, '--year', '2021', '--min-count', '50'])).stdout);
    for (const o of high) for (const c of ['recipients', 'long_term', 'very_long_term']) expect(Number(o[c]) >= 50 || o[c] === 'X' || o[c] === '0', `${o.kommun_name} ${c}`).toBe(true);
    expect(cli(['classify', sample, '--year', '2021', '--min-count', 'fem']).status).toBe(2);
  });

  it('--format json, tsv and table', async () => {
    // (what is hidden is the same in every format: the formats are tested on the open counts)
    const j = JSON.parse((await command(['classify', sample, '--year', '2021', '--no-suppress', '--format', 'json'])).stdout);
    expect(j[0]).toMatchObject({ kommun_code: '1384', kommun_name: 'Kungsbacka', year: 2021 });
    expect(typeof j[0].recipients).toBe('number');
    expect((await command(['classify', sample, '--year', '2021', '--no-suppress', '-f', 'tsv'])).stdout.split('\n')[0].split('\t')).toHaveLength(8);
    expect((await command(['classify', sample, '--year', '2021', '--no-suppress', '-f', 'table'])).stdout).toMatch(/^kommun_code {2}kommun_name/);
  });

  it('a year range gives a row per year; very long-term is empty where history is missing', async () => {
    // the sample's rows start in January 2017
    const r = await command(['classify', sample, '--year', '2018-2019']);
    const out = parseCsv(r.stdout);
    expect(new Set(out.map((o) => o.year))).toEqual(new Set(['2018', '2019']));
    expect(out.filter((o) => o.year === '2018').every((o) => o.very_long_term === '' && o.very_long_term_pct === '')).toBe(true);
    expect(out.filter((o) => o.year === '2019').every((o) => o.very_long_term !== '')).toBe(true);
    expect(r.stderr).toContain('note: very long-term for 2018 not available: the input has no rows for 2016-01…2016-12');
  });

  it('--output writes the file whole, and nothing on stdout', () => {
    const out = join(dir, 'sub', 'classify.csv');
    // (what is hidden is the same on stdout and in a file: --no-suppress, for time)
    const r = cli(['classify', sample, '--year', '2021', '--no-suppress', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cli(['classify', sample, '--year', '2021', '--no-suppress']).stdout);
  });

  it('unknown labels count as other and are listed with their counts; --hinder-map maps them', async () => {
    const rows = [
      ['1', '1480', 2021, 1, 'Annat'],
      ['2', '1480', 2021, 1, 'Annat'],
      ['3', '1480', 2021, 1, '12'],
      ['4', '1480', 2021, 1, 'Arbetslös – ingen ersättning'],
      ['5', '1480', 2021, 1, 'Arbetslös – ingen ersättning'],
    ];
    const p = file('unknown.csv', csv(['id', 'kommun', 'ar', 'manad', 'orsak'], rows));
    const r = await command(['reasons', p, '--year', '2021', '--no-suppress']);
    expect(parseCsv(r.stdout)[0]).toMatchObject({ unemployment: '2', other: '3' });
    expect(r.stderr).toContain('2 reason labels matched no known reason');
    expect(r.stderr).toContain('"Annat": 2 rows');
    expect(r.stderr).toContain('"12": 1 rows');
    const map = file('map.csv', 'lokal;hinder\n12;Arbetslös, ingen ersättning/stöd\nAnnat;social\n');
    const m = await command(['reasons', p, '--year', '2021', '--no-suppress', '--hinder-map', map]);
    expect(parseCsv(m.stdout)[0]).toMatchObject({ unemployment: '3', social: '2', other: '0' });
    expect(m.stderr).not.toContain('matched no known reason');
  });

  it('--help on each command shows an example; classify\'s the lines it prints for the sample', async () => {
    for (const c of ['classify', 'reasons', 'sample', 'fetch']) {
      const r = cli([c, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Example:');
    }
    const shown = cli(['classify', '--help']).stdout.split('Example:')[1].trim().split('\n').slice(1).map((l) => l.trim());
    const printed = (await command(['classify', sample, '--year', '2021'])).stdout.split('\n');
    expect(printed.slice(0, 2)).toEqual(shown);
  });

  it('`… | head` ends quietly', () => {
    const r = spawnSync('bash', ['-c', `node ${CLI} sample --persons 20000 | head -2; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toContain('status=0');
    expect(r.stderr).toBe('');
  });

  it('no colour when NO_COLOR is set or stderr is not a terminal', () => {
    const r = cli(['classify', 'missing.csv', '--year', '2021'], undefined, { FORCE_COLOR: '3' });
    expect(r.stderr).not.toMatch(/\u001b\[/);
  });
});

describe('bad input: one located line, the right exit code, no person id, no stack', () => {
  const H = ['person_id', 'kommun', 'year', 'month', 'hinder', 'age'];
  const good = (id: string) => [id, '1480', 2021, 3, 'Arbetslös – ingen ersättning', 40];
  const ID = '19121212-1212';
  const cases: [string, string, number, RegExp][] = [
    ['wrong field count', csv(H, [good('1'), [ID, '1480', 2021, 3, 'x']]), 1, /:3: expected 6 fields as in the header, found 5 — /],
    ['bad municipality code', csv(H, [good('1'), [ID, '14x0', 2021, 3, 'x', 40]]), 1, /:3:2 \(kommun\): municipality code "14x0" is not a 4-digit code — /],
    ['unknown municipality', csv(H, [[ID, '0001', 2021, 3, 'x', 40]]), 1, /:2:2 \(kommun\): municipality code "0001" is not one of the 290 municipalities — /],
    ['bad month', csv(H, [[ID, '1480', 2021, 13, 'x', 40]]), 1, /:2:4 \(month\): month "13" is not a month from 1 to 12 — /],
    ['bad year', csv(H, [[ID, '1480', 21, 1, 'x', 40]]), 1, /:2:3 \(year\): year "21" is not a 4-digit year — /],
    ['bad age', csv(H, [[ID, '1480', 2021, 1, 'x', 'fyrtio']]), 1, /:2:6 \(age\): age "fyrtio" is not a whole number/],
    ['empty person id', csv(H, [good('1'), ['', '1480', 2021, 1, 'x', 40]]), 1, /:3:1 \(person_id\): the person id is empty — /],
    ['bad period', 'id;kommun;period\n' + ID + ';1480;2021-13\n', 1, /:2:3 \(period\): period "2021-13" is not a year and month — /],
    ['unterminated quote', csv(H, [good('1'), [ID, '1480', 2021, 1, '"Arbetslös', 40]]), 1, /:3: a quoted field is not closed — /],
    ['missing column', 'person_id;year;month\n' + ID + ';2021;1\n', 1, /:1: no kommun column among the columns found \(person_id, year, month\) with delimiter ";" — name one column kommun, kommunkod/],
    ['no period', 'person_id;kommun\n' + ID + ';1480\n', 1, /:1: no year column .* — give a year column/],
    ['empty file', '', 1, /:1: the file is empty — /],
  ];
  for (const [name, content, code, message] of cases) {
    it(name, () => {
      const p = file(`${name.replace(/ /g, '-')}.csv`, content);
      const r = cli(['classify', p, '--year', '2021']);
      expect(r.status, r.stderr).toBe(code);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trimEnd().split('\n');
      const err = lines.find((l) => l.startsWith('bistand: '));
      expect(err).toBeDefined();
      expect(err!.startsWith(`bistand: ${p}`)).toBe(true);
      expect(err).toMatch(message);
      expect(r.stderr).not.toContain(ID);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('the same through stdin names stdin', () => {
    const r = cli(['classify', '-', '--year', '2021'], csv(H, [good('1'), [ID, '14x0', 2021, 3, 'x', 40]]));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bistand: stdin:3:2 \(kommun\)/);
  });

  it('--debug adds the stack', () => {
    const p = file('debug.csv', csv(H, [[ID, '14x0', 2021, 3, 'x', 40]]));
    expect(cli(['classify', p, '--year', '2021', '--debug']).stderr).toMatch(/\n\s+at /);
  });

  it('usage errors exit 2', () => {
    const p = file('ok.csv', csv(H, [good('1')]));
    for (const args of [
      ['classify', p],
      ['classify', p, '--year', 'tjugo'],
      ['classify', p, '--year', '2021', '--format', 'xml'],
      ['classify', p, '--year', '2021', '--gap-rule', 'some'],
      ['classify', p, '--year', '2021', '--bogus'],
      ['classify', '--year', '2021'],
      ['frobnicate'],
    ]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^bistand: /);
    }
  });

  it('a missing file exits 1 with a hint', () => {
    const r = cli(['classify', join(dir, 'nope.csv'), '--year', '2021']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot open .*nope\.csv: no such file — check the path/);
  });

  it('--rejects keeps going, counts, and writes the bad rows with line and reason', () => {
    const p = file('mixed.csv', csv(H, [good('1'), [ID, '14x0', 2021, 3, 'x', 40], good('2'), ['9', '1480', 2021, 99, 'x', 40], good('3'), good('4'), good('5')]));
    const rej = join(dir, 'rejects.csv');
    const r = cli(['classify', p, '--year', '2021', '--rejects', rej]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('7 rows read, 5 used, 0 outside 2019-01…2021-12, 2 rejected');
    expect(r.stderr).toContain(`2 rejected rows written to ${rej}`);
    expect(parseCsv(r.stdout)[0]).toMatchObject({ kommun_code: '1480', recipients: '5' });
    const lines = readFileSync(rej, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('line,column,reason,person_id,kommun,year,month,hinder,age');
    expect(lines[1]).toMatch(/^3,kommun,"municipality code ""14x0"" is not a 4-digit code",/);
    expect(lines[2]).toMatch(/^5,month,"month ""99"" is not a month from 1 to 12",/);
  });

  it('a failed run leaves no output file', () => {
    const p = file('bad-out.csv', csv(H, [[ID, '14x0', 2021, 3, 'x', 40]]));
    const out = join(dir, 'never.csv');
    expect(cli(['classify', p, '--year', '2021', '-o', out]).status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
