import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAggregated } from '../../../src/io/aggregated/read.js';
import { encodeCp1252 } from '../../../src/io/encoding.js';
import { ROOT } from '../../helpers.js';

const fixture = (name: string) => readFileSync(`${ROOT}test/fixtures/${name}`);
const tidy = (bytes: Buffer | string, name = 'pop.csv', as?: 'population') =>
  readAggregated(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, name, as ? { as } : {}).rows.map((r) => [r.kommunCode, r.measure, r.period, r.sex, r.value, r.status]);

describe('population as SCB exports it', () => {
  // the sums below were made apart from bistand, from the formula that wrote the fixtures
  it('the web export: years wide, single ages, kön, `00 Riket`, a title line, Windows-1252, `..`', () => {
    const rows = tidy(fixture('scb_befolkning_wide.csv'), 'scb_befolkning_wide.csv');
    const find = (code: string, measure: string, year: string, sex: string) => rows.find((r) => r[0] === code && r[1] === measure && r[2] === year && r[3] === sex);
    expect(find('1440', 'population', '2021', 'T')).toEqual(['1440', 'population', '2021', 'T', 61879, 'ok']);
    expect(find('1440', 'population_18plus', '2021', 'T')).toEqual(['1440', 'population_18plus', '2021', 'T', 50533, 'ok']);
    expect(find('1462', 'population', '2020', 'K')).toEqual(['1462', 'population', '2020', 'K', 20082, 'ok']);
    expect(find('1462', 'population_18plus', '2020', 'K')).toEqual(['1462', 'population_18plus', '2020', 'K', 16344, 'ok']);
    // one hidden age (100+ år, män) hides the sums it is part of: never a smaller total
    expect(find('1462', 'population', '2020', 'T')).toEqual(['1462', 'population', '2020', 'T', null, 'suppressed']);
    expect(find('1462', 'population', '2020', 'M')?.[5]).toBe('suppressed');
    expect(find('0000', 'population', '2021', 'T')?.[5]).toBe('ok');
    expect(rows).toHaveLength(3 * 2 * 3 * 2);
  });

  it('its JSON-stat 2.0 and PxWeb API v1 twins give the same rows', () => {
    const csv = tidy(fixture('scb_befolkning_wide.csv'));
    expect(tidy(fixture('scb_befolkning.jsonstat.json'), 'pop.json')).toEqual(csv);
    expect(tidy(fixture('scb_befolkning.pxweb.json'), 'pop.json')).toEqual(csv);
  });

  it('bare years as headers, `;` and decimal comma style thousands', () => {
    const text = 'region;ålder;2020;2021\n1440 Ale;totalt ålder;32 000;32 500\n1440 Ale;0-17 år;7 000;7 100\n1440 Ale;18-64 år;18 000;18 200\n1440 Ale;65+ år;7 000;7 200\n';
    expect(tidy(text)).toEqual([
      ['1440', 'population', '2020', 'T', 32000, 'ok'],
      ['1440', 'population_18plus', '2020', 'T', 25000, 'ok'],
      ['1440', 'population', '2021', 'T', 32500, 'ok'],
      ['1440', 'population_18plus', '2021', 'T', 25400, 'ok'],
    ]);
  });

  it('the single age "18 år" is not 18 or more: the total is read, without adults, and said; groups that give neither are an error saying so', () => {
    const read = readAggregated(Buffer.from('region,ålder,år,folkmängd\n1440 Ale,totalt ålder,2021,32000\n1440 Ale,18 år,2021,400\n'), 'pop.csv');
    expect(read.rows.map((r) => [r.measure, r.value])).toEqual([['population', 32000]]);
    expect(read.noAdults).toEqual(['18']);
    const groups = () => tidy('region,ålder,år,folkmängd\n1440 Ale,15-24 år,2021,4000\n1440 Ale,25-74 år,2021,20000\n1440 Ale,75+ år,2021,3000\n');
    expect(groups).toThrow(/^Ale 2021: the ages given \(15-24, 25-74, 75\+\) do not add up to 18 years or more$/);
    try {
      groups();
    } catch (e) {
      expect(e).toMatchObject({ where: { file: 'pop.csv', line: 2, column: 4 }, hint: expect.stringMatching(/^export single years of age/) });
    }
  });

  it('a population file with no value is an error, not 0 values', () => {
    expect(() => tidy('region,år,folkmängd\n1440 Ale,2021,..\n', 'pop.csv', 'population')).toThrow(/no population value found/);
  });

  it('the tidy layout the project wrote before still reads', () => {
    const text = encodeCp1252('kommun;år;folkmängd;folkmängd 18+\n1440;2021;32 000;25 000\n1462;2021;14 200;11 030\n');
    expect(tidy(text)).toEqual([
      ['1440', 'population', '2021', 'T', 32000, 'ok'],
      ['1440', 'population_18plus', '2021', 'T', 25000, 'ok'],
      ['1462', 'population', '2021', 'T', 14200, 'ok'],
      ['1462', 'population_18plus', '2021', 'T', 11030, 'ok'],
    ]);
  });

  it("PxWeb API v1 by month: each year's December, not the sum of its months", () => {
    const doc = {
      columns: [{ code: 'Region', text: 'region', type: 'd' }, { code: 'Tid', text: 'månad', type: 't' }, { code: '000003O5', text: 'Folkmängd', type: 'c' }],
      data: [
        { key: ['1481', '2021M11'], values: ['70000'] },
        { key: ['1481', '2021M12'], values: ['70100'] },
      ],
    };
    expect(tidy(JSON.stringify(doc), 'v1.json')).toEqual([['1481', 'population', '2021', 'T', 70100, 'ok']]);
  });
});
