/**
 * SCB's labels in the forms its tables and exports write them (issue 34, in part): the total of
 * both sexes as "totalt, samtliga män och kvinnor" or "TotSa", ages in English or as codes, a
 * county by its NUTS code or in English, Riket as "00 Sweden".
 */
import { describe, expect, it } from 'vitest';
import { parseSex } from '../../../src/domain/tidy.js';
import { parseAge } from '../../../src/io/aggregated/population.js';
import { readAggregated } from '../../../src/io/aggregated/read.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers.js';

describe('SCB labels', () => {
  it('sex: the total in every form, men and women in English and as codes', () => {
    for (const t of ['totalt, samtliga män och kvinnor', 'TotSa', 'Total', 'both sexes', 'totalt']) expect(parseSex(t), t).toBe('T');
    expect(['men', '1', 'män'].map(parseSex)).toEqual(['M', 'M', 'M']);
    expect(['women', '2', 'kvinnor'].map(parseSex)).toEqual(['K', 'K', 'K']);
  });

  it('ages: English years, SCB codes for the total and for 100 and over', () => {
    expect(parseAge('15 years')).toEqual({ from: 15, to: 15 });
    expect(parseAge('100+ years')).toEqual(parseAge('100+ år'));
    expect(parseAge('100+1')).toEqual(parseAge('100+'));
    for (const t of ['tot', 'TotSA', 'total age']) expect(parseAge(t), t).toEqual({ all: true });
  });

  it('regions: a county by NUTS code or in English, Riket as 00 Sweden', () => {
    const csv = ['region;år;folkmängd', 'SE110 Stockholms län;2021;2415139', '03 Uppsala county;2021;395026', 'Skåne county;2021;1402425', '00 Sweden;2021;10452326'].join('\n') + '\n';
    const rows = readAggregated(Buffer.from(csv), 'scb.csv', { as: 'population' }).rows.filter((r) => r.measure === 'population');
    expect(rows.map((r) => [r.kommunCode, r.value])).toEqual([
      ['0001', 2415139],
      ['0003', 395026],
      ['0012', 1402425],
      ['0000', 10452326],
    ]);
  });

  it("a municipality's 0 inhabitants in the API's answer (years before it existed) is not applicable, counted", () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/scb_befolkning.jsonstat.json'), 'utf8'));
    // Lilla Edet (third region), every age and sex, 2020: as SCB answers for Knivsta before 2003
    const [, ages, sexes, , years] = doc.size;
    for (let a = 0; a < ages; a++) for (let x = 0; x < sexes; x++) doc.value[((2 * ages + a) * sexes + x) * years + 0] = 0;
    const read = readAggregated(Buffer.from(JSON.stringify(doc)), 'scb.json');
    const lilla = read.rows.filter((r) => r.kommunCode === '1462' && r.measure === 'population' && r.sex === 'T');
    expect(lilla.map((r) => [r.period, r.status])).toEqual([
      ['2020', 'not_applicable'],
      ['2021', 'ok'],
    ]);
    // the year's values of 0: all ages and 18+, of both sexes and each (a 0 of one age is a real 0)
    expect(read.zeros).toBe(6);
  });
});
