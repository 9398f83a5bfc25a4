/**
 * One person is one person (issue 38, 3): a personnummer in any of its forms counts once, the
 * same months in two municipalities give the same figures in any row order, and published counts
 * of 1–4 are hidden as the register's are.
 */
import { describe, expect, it } from 'vitest';
import { fastClassify, threadedClassify } from '../helpers.js';
import { canonicalId } from '../../src/io/register/person-id.js';
import { runRegister } from '../../src/pipeline/register.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { memorySource } from '../helpers.js';
import { readAggregated } from '../../src/io/aggregated/read.js';
import { Facts } from '../../src/report/facts.js';
import { buildOutputs } from '../../src/report/catalogue.js';
import { d1 } from '../../src/report/outputs/d1.js';
import { DEFAULT_SUPPRESS } from '../../src/domain/suppress.js';
import type { ChartData } from '../../src/charts/types.js';

const canonical = (id: string) => {
  const b = Buffer.from(id, 'utf8');
  return b.subarray(0, canonicalId(b, 0, b.length)).toString('utf8');
};

/** Twelve months of one person, each month's row with another form of the id, and 20 others. */
function register(forms: string[], more = ''): Buffer {
  const rows = ['person_id;kommun;year;month'];
  for (let m = 1; m <= 12; m++) rows.push(`"${forms[(m - 1) % forms.length]}";1480;2021;${m}`);
  for (let i = 0; i < 20; i++) for (let m = 1; m <= 12; m++) rows.push(`${1000 + i};1480;2021;${m}`);
  return Buffer.from(rows.join('\n') + '\n' + more);
}

const FORMS = ['19800101-1234', '198001011234', '800101-1234', '8001011234', '800101+1234', '800101\u00a01234', '8001011234\u200b', '1980\u200b01011234'];

describe('a personnummer in every form is one person', () => {
  it('each form reads as the same ten digits; a löpnummer stays as it is', () => {
    expect(new Set(FORMS.map(canonical))).toEqual(new Set(['8001011234']));
    expect(canonical('19800161-1234')).toBe('8001611234'); // a samordningsnummer
    for (const id of ['12345', 'A-12', '20001', '123456789012', '2021-03', 'abc\u200b']) expect(canonical(id)).toBe(id === 'abc\u200b' ? 'abc' : id);
    // Windows-1252's no-break space
    const latin = Buffer.from([...Buffer.from('800101'), 0xa0, ...Buffer.from('1234')]);
    expect(latin.subarray(0, canonicalId(latin, 0, latin.length)).toString()).toBe('8001011234');
  });

  it('the person of eight forms counts once and stays long-term, on the fast and the threaded path', async () => {
    const bytes = register(FORMS);
    for (const rows of [await fastClassify(bytes, 2021, { requireHinder: false }), await threadedClassify(bytes, 2021, 2, { requireHinder: false })]) {
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kommun: '1480', recipients: 21, longTerm: 21 });
    }
    const { notes } = await runRegister(memorySource(bytes), { years: [2021], requireYears: [], gapRule: 'internal', municipalities: loadMunicipalities(), requireHinder: false });
    expect(notes.map((n) => n.id)).toContain('idForms');
  });
});

describe('the same person in two municipalities in the same month', () => {
  it('is counted in the lower code, whatever the rows\' order, with a warning', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 30; i++) rows.push(`${i};1481;2021;5`, `${i};1480;2021;5`, `${i};1482;2021;4`);
    const head = 'person_id;kommun;year;month\n';
    const orders = [rows, [...rows].reverse(), [...rows].sort()];
    const bytes = (o: string[]) => Buffer.from(head + o.join("\n") + "\n");
    const results = [...(await Promise.all(orders.map((o) => fastClassify(bytes(o), 2021, { requireHinder: false })))), ...(await Promise.all(orders.map((o) => threadedClassify(bytes(o), 2021, 2, { requireHinder: false }))))];
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0].map((r) => [r.kommun, r.recipients])).toEqual([['1480', 30]]);
    const { notes } = await runRegister(memorySource(Buffer.from(head + rows.join('\n') + '\n')), { years: [2021], requireYears: [], gapRule: 'internal', municipalities: loadMunicipalities(), requireHinder: false });
    expect(notes.find((n) => n.id === 'twoKommuner')?.text).toContain('30 recipients in 2021');
  });
});

describe('counts from aggregated inputs', () => {
  it('a Statistikdatabasen count of 1–4 recipients is hidden in D1, not drawn as a share', () => {
    const munis = loadMunicipalities();
    const facts = new Facts();
    const sdb = ['Antal biståndsmottagare, Ålder: 18+ år', 'Region;2019;2020;2021', 'Öckerö;3;40;2', 'Tjörn;50;60;70', 'Socialstyrelsens statistikdatabas 2022-10-12'];
    facts.addValues(readAggregated(Buffer.from(sdb.join('\n') + '\n'), 'sdb.csv').rows);
    facts.addValues(readAggregated(Buffer.from('kommun;år;folkmängd 18+\n1407;2019;10000\n1407;2020;10000\n1407;2021;10000\n1419;2019;12000\n1419;2020;12000\n1419;2021;12000\n'), 'pop.csv', { as: 'population' }).rows);
    const region = { id: 'tva', name: 'Två', codes: ['1407', '1419'] };
    const ctx = { year: 2021, years: [2019, 2020, 2021], region, areas: (c: string) => munis.area(c), facts, suppress: DEFAULT_SUPPRESS, credit: 't', regionMean: 'unweighted' as const, allCodes: () => munis.kommuner.map((k) => k.code), groups: [] };
    const chart = buildOutputs(ctx, [d1])[0] as ChartData;
    const ockero = chart.points.filter((p) => p.code === '1407');
    expect(ockero.map((p) => [p.year, p.status])).toEqual([[2019, 'suppressed'], [2020, 'ok'], [2021, 'suppressed']]);
  });
});
