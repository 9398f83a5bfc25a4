/**
 * D6–D12 against a computation of SPEC §3.3 written here from the sample survey's own cells
 * (its labels mapped to 1–4 by this file, not by bistand), and the same answers as codes with a
 * map file, as XLSX, and as Microsoft Forms' statement columns.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliAsync, csvObjects, csvRows } from '../helpers.js';
import { planned, rows, text, type Planned } from './planned.js';
import { readSurvey } from '../../src/io/survey.js';

const dir = mkdtempSync(join(tmpdir(), 'bistand-survey-'));
const SAMPLE = join(ROOT, 'data/sample/survey.csv');
const IMP = ['inte alls viktigt', 'lite viktigt', 'ganska viktigt', 'mycket viktigt'];
const FUL = ['inte alls', 'i viss grad', 'i ganska hög grad', 'i mycket hög grad'];

const [HEAD, ...ROWS] = csvRows(readFileSync(SAMPLE, 'utf8'));
// every respondent works in GR, the survey's own area (src/domain/survey-groups.ts)
const COUNTED = ROWS;
const cols = (prefix: string) => HEAD.flatMap((h, i) => (h.startsWith(prefix) && !h.endsWith('[Annat]') ? [i] : []));
const item = (h: string) => /\[(.*)\]$/.exec(h)![1];

/** Per item of a grid question: the mean over those who answered, and n. */
function expectedMeans(prefix: string, scale: string[]) {
  return cols(prefix).map((c, order) => {
    const xs = COUNTED.map((r) => r[c]).filter((v) => v !== '').map((v) => scale.indexOf(v.toLowerCase()) + 1);
    return { item: item(HEAD[c]), order, mean: xs.reduce((a, b) => a + b, 0) / xs.length, n: xs.length };
  });
}
const sortedMeans = (xs: ReturnType<typeof expectedMeans>) => [...xs].sort((a, b) => b.mean - a.mean || a.order - b.order);
const two = (x: number) => x.toFixed(2);

// each report planned in-process from its command line (planned.ts), kept by name
const reports = new Map<string, Planned>();
const report = async (out: string, survey: string, more: string[] = []) => {
  const r = await planned(['--year', '2021', '--no-png', '--survey', survey, ...more]);
  reports.set(out, r);
  return r;
};
const chart = (out: string, file: string) => rows(reports.get(out)!.plan, `region/${file}`);
const file = (out: string, path: string) => text(reports.get(out)!.plan, `region/${path}`);

describe('the survey diagrams on the sample', () => {
  let stderr = '';
  beforeAll(async () => {
    const r = await report('sample', SAMPLE);
    stderr = r.stderr;
  });

  it('D7, D8, D12: the mean per item over those who answered, highest first, ties in questionnaire order', async () => {
    for (const [file, prefix, scale] of [
      ['d7-kompetensomradenas-vikt.csv', '7.', IMP],
      ['d8-tillgodoser-kompetensbehovet.csv', '8.', FUL],
      ['d12-forutsattningar.csv', '9.', FUL],
    ] as const) {
      const want = sortedMeans(expectedMeans(prefix, [...scale]));
      const got = await chart('sample', file);
      expect(got.map((r) => [r.mean, r.n])).toEqual(want.map((w) => [two(w.mean), String(w.n)]));
      expect(got.length).toBe(prefix === '9.' ? 7 : 20);
    }
  });

  it('D9: importance − fulfilment per area, sorted by the gap', async () => {
    const imp = expectedMeans('7.', IMP);
    const ful = expectedMeans('8.', FUL);
    const want = imp.map((a, i) => ({ ...a, gap: a.mean - ful[i].mean, ful: ful[i].mean })).sort((a, b) => b.gap - a.gap || a.order - b.order);
    expect((await chart('sample', 'd9-kompetensgap-regionen.csv')).map((r) => [r.importance_mean, r.fulfilment_mean, r.gap])).toEqual(want.map((w) => [two(w.mean), two(w.ful), two(w.gap)]));
  });

  it('D6: respondents whose tenure counts do not add up to their staff are left out of D6 alone; shares in whole percent', async () => {
    const at = (p: string) => HEAD.findIndex((h) => h.includes(p));
    const [q4, a, b, c] = [at('4. Hur många medarbetare'), at('[i mindre än 2 år?]'), at('[2 till 5 år?]'), at('[i mer än 5 år?]')];
    const consistent = COUNTED.filter((r) => Number(r[a]) + Number(r[b]) + Number(r[c]) === Number(r[q4]));
    // by the survey's groups: a municipality of 3 or more respondents on its own, the others
    // pooled; a group's consistent answers count when there are at least 3 of them
    const perKommun = (k: string) => ROWS.filter((r) => r[1] === k).length;
    const group = (r: string[]) => (perKommun(r[1]) >= 3 ? r[1] : 'pool');
    const kept = consistent.filter((r) => consistent.filter((x) => group(x) === group(r)).length >= 3);
    const staff = kept.reduce((s, r) => s + Number(r[q4]), 0);
    const share = (k: number) => String(Math.round((100 * kept.reduce((s, r) => s + Number(r[k]), 0)) / staff));
    expect((await chart('sample', 'd6-tid-i-yrket.csv')).map((r) => r.share_pct)).toEqual([share(a), share(b), share(c)]);
    expect(COUNTED.length - kept.length).toBeGreaterThan(0);
    const spec = await file('sample', 'd6-tid-i-yrket.vl.json');
    expect(spec).toContain(`${COUNTED.length - kept.length} svar exkluderades`);
    expect((await chart('sample', 'd6-tid-i-yrket.csv'))[0]).toMatchObject({ respondents_used: String(kept.length), respondents_left_out: String(ROWS.length - kept.length) });
  });

  it('D10 is Göteborg (the most respondents), D11 the rest; no figure per municipality', async () => {
    const gbg = ROWS.filter((r) => r[1] === 'Göteborg').length;
    expect((await file('sample', 'd10-kompetensgap-fokus.vl.json'))).toContain(`Kompetensgap i Göteborg`);
    expect((await file('sample', 'd10-kompetensgap-fokus.vl.json'))).toContain(`(${gbg} svar)`);
    expect((await file('sample', 'd11-kompetensgap-ovriga.vl.json'))).toContain(`(${COUNTED.length - gbg} svar)`);
    expect(stderr).not.toContain('D10');
  });

  it('a focus municipality with fewer than 3 respondents is not drawn, nor the rest, with the reason', async () => {
    const r = await report('focus-one', SAMPLE, ['--survey-focus', '1407']);
    // nor the rest: the region minus the rest would be Öckerö's one respondent
    expect(r.stderr).toContain('note: D10, D11 not made: Öckerö has fewer than 3 respondents');
  });
});

describe('the same answers in other layouts', () => {
  it('codes 1–4 under headers a map file names give the same D7, D8 and D12', async () => {
    const header = HEAD.map((h, i) => `F${i + 1}`);
    const map = ['column,question,item'];
    HEAD.forEach((h, i) => {
      const m = /^(\d+)\. .*?(?:\[(.*)\])?$/.exec(h);
      if (!m || h.endsWith('[Annat]')) return;
      if (['7', '8', '9'].includes(m[1])) map.push(`F${i + 1},${m[1]},"${m[2]}"`);
      else if (m[1] === '5') map.push(`F${i + 1},5${h.includes('mindre') ? 'a' : h.includes('2 till 5') ? 'b' : 'c'},`);
      else if (['1', '3', '4'].includes(m[1])) map.push(`F${i + 1},${m[1]},`);
    });
    const coded = ROWS.map((r) =>
      r.map((v, i) => {
        const s = /^(\d+)\./.exec(HEAD[i])?.[1];
        if (v === '' || (s !== '7' && s !== '8' && s !== '9')) return v;
        return String((s === '7' ? IMP : FUL).indexOf(v.toLowerCase()) + 1);
      }),
    );
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    writeFileSync(join(dir, 'coded.csv'), [header, ...coded].map((r) => r.map(q).join(',')).join('\n') + '\n');
    writeFileSync(join(dir, 'map.csv'), map.join('\n') + '\n');
    const r = await report('coded', join(dir, 'coded.csv'), ['--survey-map', join(dir, 'map.csv')]);
    const sample = await report('sample2', SAMPLE);
    for (const f of ['d6-tid-i-yrket.csv', 'd7-kompetensomradenas-vikt.csv', 'd8-tillgodoser-kompetensbehovet.csv', 'd12-forutsattningar.csv', 'd9-kompetensgap-regionen.csv'])
      expect(await file('coded', f), f).toBe(await file('sample2', f));
  });

  it('the export as XLSX reads as the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Formulärsvar 1');
    ws.addRow(HEAD);
    for (const r of ROWS) ws.addRow(r.map((v, i) => (/^[345]\./.test(HEAD[i]) && /^\d+$/.test(v) ? Number(v) : v)));
    const xlsx = join(dir, 'survey.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const { workbookAsCsv } = await import('../../src/io/aggregated/workbook.js');
    const fromXlsx = readSurvey(await workbookAsCsv(readFileSync(xlsx), xlsx), xlsx);
    const fromCsv = readSurvey(readFileSync(SAMPLE), SAMPLE);
    expect(fromXlsx.respondents.map(({ line: _l, ...r }) => r)).toEqual(fromCsv.respondents.map(({ line: _l, ...r }) => r));
  });

  it('Microsoft Forms: statement columns without the question, twice, told apart by order', () => {
    const areas = cols('7.').map((c) => item(HEAD[c]));
    const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'I vilken kommun arbetar du?', ...areas, ...areas];
    const rows = ROWS.slice(0, 6).map((r, n) => [String(n + 1), '', '5/3/23 9:14:00', 'anonymous', '', '', r[1], ...cols('7.').map((c) => r[c]), ...cols('8.').map((c) => r[c])]);
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const read = readSurvey(Buffer.from([header, ...rows].map((r) => r.map(q).join(',')).join('\n') + '\n'), 'ms.csv');
    expect(read.byOrder.length).toBe(20);
    const csvRead = readSurvey(readFileSync(SAMPLE), SAMPLE);
    expect(read.respondents.map((r) => [r.kommun, [...r.grid.Q7], [...r.grid.Q8]])).toEqual(csvRead.respondents.slice(0, 6).map((r) => [r.kommun, [...r.grid.Q7], [...r.grid.Q8]]));
  });

  it('blanks are not answered; "Vet ej" and codes outside 1–4 are left out and counted; anything else is an error at its cell', () => {
    const text = 'respondent_id;kommun;funktion;question;item;value\n1;Ale;Enhetschef;Q7;1;4\n1;Ale;Enhetschef;Q7;2;Vet ej\n1;Ale;Enhetschef;Q7;3;7\n1;Ale;Enhetschef;Q7;4;\n2;1481;;Q7;1;3 = Ganska viktigt\n';
    const r = readSurvey(Buffer.from(text), 'long.csv');
    expect(r.excluded).toEqual({ dontknow: 1, other: 1 });
    expect(r.respondents.map((x) => [x.kommun, [...x.grid.Q7]])).toEqual([
      ['1440', [[1, 4]]],
      ['1481', [[1, 3]]],
    ]);
    expect(() => readSurvey(Buffer.from(text + '3;Ale;;Q7;1;ganska\n'), 'long.csv')).toThrow(/answer "ganska" is neither a code 1–4 nor a label of the scale/);
  });

  it('a mean of fewer than 3 answers is hidden; tidy --as survey prints the long form', async () => {
    const rows = ['respondent_id;kommun;funktion;question;item;value'];
    for (let r = 1; r <= 4; r++) {
      rows.push(`${r};Ale;Enhetschef;Q7;1;${1 + (r % 4)}`);
      if (r <= 2) rows.push(`${r};Ale;Enhetschef;Q7;2;4`);
    }
    const file = join(dir, 'few.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const r = await report('few', file);
    const d7 = await chart('few', 'd7-kompetensomradenas-vikt.csv');
    expect(d7[0]).toMatchObject({ mean: '2.50', n: '4' });
    // two answers of Ale's four respondents: left out, so that no other report's figure differs by them
    expect(d7.find((x) => x.item === 'Andra huvudmäns ansvar och arbetssätt (t. ex. Försäkringskassa, Arbetsförmedling och sjukvården)')).toMatchObject({ mean: '', n: '0' });
    const t = await cliAsync(['tidy', file, '--as', 'survey']);
    expect(t.stdout.split('\n').slice(0, 3)).toEqual(['respondent_id,kommun,funktion,question,item,value', '1,1440,Enhetschef,Q7,1,2', '1,1440,Enhetschef,Q7,2,4']);
  });

  it('answer codes under Q7_3-style headers', () => {
    const text = 'ID,Q1,Q4,Q5_1,Q5_2,Q5_3,Q7_1,Q7_20,Q8_1,Q9_7\n1,Ale,10,2,3,5,4,3,2,1\n2,Mölndal,8,1,1,6,3,,4,2\n';
    const r = readSurvey(Buffer.from(text), 'codes.csv');
    expect(r.respondents.map((x) => [x.kommun, x.counts, [...x.grid.Q7], [...x.grid.Q8], [...x.grid.Q9]])).toEqual([
      ['1440', { Q4: 10, Q5a: 2, Q5b: 3, Q5c: 5 }, [[1, 4], [20, 3]], [[1, 2]], [[7, 1]]],
      ['1481', { Q4: 8, Q5a: 1, Q5b: 1, Q5c: 6 }, [[1, 3]], [[1, 4]], [[7, 2]]],
    ]);
  });
});
