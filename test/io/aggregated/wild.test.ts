/**
 * Real files from the field (test/fixtures/wild/, origin in its ORIGIN.md), none made to suit
 * bistand, each read as `bistand tidy` reads it. The values asserted were read off the files by
 * hand (and the PC-Axis and JSON-stat sums recomputed from their DATA apart from bistand).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAggregated } from '../../../src/io/aggregated/read.js';
import type { TidyRow } from '../../../src/domain/tidy.js';
import { ROOT } from '../../helpers.js';

const wild = (f: string) => join(ROOT, 'test/fixtures/wild', f);
const read = (f: string, as?: 'population') => readAggregated(readFileSync(wild(f)), f, as ? { as } : {});
const value = (rows: TidyRow[], code: string, measure: string, period: string, sex = 'T', extra: Record<string, string> = {}) =>
  rows.filter((r) => r.kommunCode === code && r.measure === measure && r.period === period && r.sex === sex && Object.entries(extra).every(([k, v]) => r.extra[k] === v)).map((r) => [r.value, r.status]);

describe('PC-Axis', () => {
  it('BE0101A1 (ISO-8859-1, counties by marital status, single ages, sex): the population and its adults, the marital statuses summed', () => {
    const r = read('scb_px_BE0101A1_lan_ettarsalder_2004-2005.px');
    expect(r.layout).toBe('population (PC-Axis)');
    expect(value(r.rows, '0001', 'population', '2004')).toEqual([[1872900, 'ok']]);
    expect(value(r.rows, '0001', 'population_18plus', '2004')).toEqual([[1461138, 'ok']]);
    // 21 counties × 2 years × (T, K, M) × (all, 18+)
    expect(r.rows).toHaveLength(252);
  });

  it('TAB005 (land use, bilingual keywords, municipalities by name with CODES, ".."): tidy values with its contents as the measure', () => {
    const r = read('scb_px_TAB005_markanvandning_kommunnamn.px');
    expect(r.layout).toBe('PC-Axis');
    expect(value(r.rows, '0000', 'Land use, hectares', '2010', 'T', { 'land use': 'arable land' })).toEqual([[2633457, 'ok']]);
    expect(value(r.rows, '0000', 'Land use, hectares', '2015', 'T', { 'land use': 'arable land' })).toEqual([[2590052, 'ok']]);
    expect(r.rows.filter((x) => x.status === 'missing')).toHaveLength(107);
    expect(r.rows.every((x) => x.extra.unit === 'hectares')).toBe(true);
  });

  it('TAB005 given as a population is refused, naming the table and what to give instead', () => {
    expect(() => read('scb_px_TAB005_markanvandning_kommunnamn.px', 'population')).toThrow(/this PC-Axis table is not a population: "Land use in Sweden, hectares by region/);
  });
});

describe("SCB's API v2 (JSON-stat 2.0)", () => {
  it('TAB6471 (by month, ten-year age groups, "totalt, samtliga män och kvinnor", CKM): the latest month of the year, all ages, noted', () => {
    const r = read('scb_api2_jsonstat2_TAB6471_lan_manad.json');
    expect(value(r.rows, '0001', 'population', '2026')).toEqual([[2488908, 'ok']]);
    expect(r.rows.some((x) => x.measure === 'population_18plus')).toBe(false);
    expect(r.months).toEqual(['2026-04']);
    expect(r.noAdults?.slice(0, 2)).toEqual(['0-9', '10-19']);
    expect(r.noise).toBe(true);
  });
});

describe("SCB's web exports", () => {
  it('counties in English without a title (ISO-8859-1, CRLF): the population', () => {
    const r = read('scb_web_lan_2018_en_latin1.csv');
    expect(r.layout).toBe('population');
    expect(value(r.rows, '0001', 'population', '2018')).toEqual([[2344124, 'ok']]);
    expect(r.rows).toHaveLength(21);
  });

  it('BE0101N1 in English with ages 15–48 by marital status: no population can be formed, so its values, the title its measure', () => {
    const r = read('scb_web_BE0101N1_riket_en_semicolon.csv');
    expect(r.layout).toMatch(/^SCB table/);
    expect(value(r.rows, '0000', 'Population', '1968', 'M', { 'marital status': 'single', age: '15 years' })).toEqual([[56031, 'ok']]);
    // as a population it is an error that says what to export
    expect(() => read('scb_web_BE0101N1_riket_en_semicolon.csv', 'population')).toThrow(/the ages given \(15, 16, 17, 18/);
  });
});

describe("Socialstyrelsen's Statistikdatabasen", () => {
  it('age bands as columns with soft hyphens: the age a column of its own, the title its measure, sex and unit; "­­" missing; the footer not data', () => {
    const r = read('sos_sdb_dodsorsak_C61_lan_1997-2018.csv');
    const at = (age: string) => value(r.rows, '0001', 'Antal döda per 100 000', '2018', 'M', { Ålder: age });
    expect(at('85+')).toEqual([[1030.76, 'ok']]);
    expect(at('45-49')).toEqual([[null, 'missing']]);
    expect(value(r.rows, '0000', 'Antal döda per 100 000', '2018', 'M', { Ålder: 'Totalt' })).toEqual([[105.1, 'ok']]);
    expect(r.rows.every((x) => x.extra.unit === 'per 100 000' && !/Socialstyrelsens statistikdatabas/.test(x.kommunName))).toBe(true);
  });
});
