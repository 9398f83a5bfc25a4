/** The register pipeline returns its table and its notes as values. */
import { describe, expect, it } from 'vitest';
import { GR } from '../../src/domain/municipalities.js';
import { DEFAULT_SUPPRESS } from '../../src/domain/suppress.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { REGISTER_TABLES, runRegister, runRegisterTable } from '../../src/pipeline/register.js';
import { GROUPS } from '../../src/domain/reasons.js';
import { generateSample, DEFAULT_SAMPLE } from '../../src/sample/generate.js';
import { formatTable } from '../../src/io/write-table.js';
import { runTidy } from '../../src/pipeline/tidy.js';
import { csv, csvObjects, memorySource } from '../helpers.js';

const munis = loadMunicipalities();
const run = (text: string, over: Partial<Parameters<typeof runRegisterTable>[1]> = {}) =>
  runRegisterTable(memorySource(Buffer.from(text)), { table: 'classify', years: [2021], gapRule: 'internal', municipalities: munis, suppress: DEFAULT_SUPPRESS, total: false, collectRejects: false, ...over });

const H = ['person_id', 'kommun', 'year', 'month', 'hinder', 'age'];
const rows = (n: number, kommun: string, age = 40, from = 0) => Array.from({ length: n }, (_, i) => [`p${kommun}${from + i}`, kommun, 2021, 3, 'Arbetslös – ingen ersättning', age]);

describe('pipeline/register', () => {
  it('classify: read, classify, suppress, tabulate; the notes in order', async () => {
    const { result, notes } = await run(csv(H, [...rows(12, '1480'), ...rows(3, '1481'), ...rows(2, '1480', 15, 100)]));
    // Göteborg's 12 is hidden too: GR's total (15), which --region gr --total prints, would give Mölndal's 3
    expect(result.table.rows.map((r) => r.slice(0, 4))).toEqual([
      ['1480', 'Göteborg', 2021, 'X'],
      ['1481', 'Mölndal', 2021, 'X'],
    ]);
    expect(notes.map((n) => n.id)).toEqual(['summary', 'coverage', 'veryLongNotAvailable', 'yearIncomplete', 'childrenLeftOut', 'suppressionSummary', 'veryLongDefinition']);
    expect(notes.find((n) => n.id === 'suppressionSummary')!.level).toBe('note');
  });

  it('reasons: unknown labels are noted with their rows; --region keeps its municipalities; --no-suppress warns', async () => {
    const text = csv(H, [...rows(6, '1480'), ['x1', '1480', 2021, 4, 'Något lokalt', 40], ['x2', '0180', 2021, 4, 'Arbetslös – ingen ersättning', 40]]);
    const { result, notes } = await run(text, { table: 'reasons', region: GR, suppress: { ...DEFAULT_SUPPRESS, enabled: false } });
    expect(result.table.rows.map((r) => r[0])).toEqual(['1480']);
    expect(notes.filter((n) => n.id === 'unknownLabel').map((n) => n.text)).toEqual(['  "Något lokalt": 1 rows']);
    expect(notes.at(-1)).toMatchObject({ id: 'suppressionOff', level: 'warning' });
  });

  it('--rejects: bad rows are collected with the header, and counted', async () => {
    const { result, notes } = await run(csv(H, [...rows(6, '1480'), ['y', '14x0', 2021, 3, '', 40]]), { collectRejects: true });
    expect(result.rejected.map((r) => [r.where.line, r.where.columnName])).toEqual([[8, 'kommun']]);
    expect(result.header).toEqual(H);
    expect(notes[0].text).toMatch(/1 rejected/);
  });
});

describe('pipeline/tidy', () => {
  it('returns the tidy table and a summary note by status', () => {
    const { result, notes } = runTidy(Buffer.from('kpi,municipality_id,year,gender,value\nN31807,1480,2021,T,4.1\nN31807,1481,2021,T,..\n'), 'k.csv', {});
    expect(result.columns.slice(0, 7).map((c) => c.name)).toEqual(['kommun_code', 'kommun_name', 'measure', 'period', 'sex', 'value', 'status']);
    expect(result.rows.map((r) => r[6])).toEqual(['ok', 'suppressed']);
    expect(notes).toEqual([expect.objectContaining({ id: 'tidySummary', text: 'k.csv: read as Kolada CSV; 2 values: 1 ok, 1 suppressed, 0 missing, 0 not_applicable' })]);
  });
});

describe('pipeline/register on small groups', () => {
  it('on a register with small groups: no count 1–4 in classify or reasons, no hidden reason cell recoverable from its row', async () => {
    // Västra Götaland's 49 municipalities of a few persons each (all 290 are the national attacker's, test/domain)
    const parts: string[] = [];
    const vg = munis.kommuner.filter((k) => k.code.startsWith('14') || k.code.startsWith('15') || k.code.startsWith('16')).map((k) => k.code);
    generateSample({ ...DEFAULT_SAMPLE, persons: 140, kommuner: vg, seed: 3 }, (t) => parts.push(t));
    const s = DEFAULT_SUPPRESS;
    // classify and reasons decide the same pattern (the reason groups weigh in both): decided once here
    const { result } = await runRegister(memorySource(Buffer.from(parts.join(''))), { years: [2021], requireYears: [2021], gapRule: 'internal', municipalities: munis, requireHinder: true, protect: { suppress: s, regions: [] } });
    for (const cmd of ['classify', 'reasons'] as const) {
      const table = REGISTER_TABLES[cmd].table(result.classification, munis, s, { total: false }, result.pattern);
      const rows = csvObjects(formatTable(table, 'csv'));
      const counts = cmd === 'classify' ? ['recipients', 'long_term', 'very_long_term'] : ['recipients', ...GROUPS];
      for (const row of rows) for (const c of counts) expect(['1', '2', '3', '4']).not.toContain(row[c]);
      if (cmd === 'reasons') {
        let hiddenRows = 0;
        for (const row of rows) {
          const cells = ['recipients', ...GROUPS].map((c) => row[c]);
          const unknown = cells.filter((v) => v === 'X').length;
          expect(unknown === 0 || unknown >= 2, JSON.stringify(row)).toBe(true);
          if (unknown) hiddenRows++;
        }
        expect(hiddenRows).toBeGreaterThan(10);
        expect(table.hidden.secondary).toBeGreaterThan(0);
      }
    }
  }, 180_000); // hundreds of hidden cells to audit
});
