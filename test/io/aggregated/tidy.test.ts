import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAggregated } from '../../../src/io/aggregated/read.js';
import { TidyRow } from '../../../src/domain/tidy.js';
import { ROOT } from '../../helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures', name));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const byStatus = (rows: TidyRow[]) => Object.fromEntries(['ok', 'suppressed', 'missing', 'not_applicable'].map((s) => [s, rows.filter((r) => r.status === s).length]));

describe('Statistikdatabasen exports', () => {
  it('real export: title and footer are not data, soft hyphens become hyphens, decimal comma, region from the title', () => {
    const r = readAggregated(fixture('sdb_export_diagnoser_2018.csv'), 'diag.csv');
    expect(r.rows).toHaveLength(288 * 3);
    expect(r.rows[0]).toMatchObject({ kommunCode: '0000', kommunName: 'Riket', measure: 'J00-J06 Akuta infektioner i övre luftvägarna', period: '2016', sex: 'M', value: 467.52, status: 'ok' });
    expect(r.rows[0].extra).toMatchObject({ Ålder: '0-4', unit: 'Vårdtillfällen/100 000 inv' });
    expect(r.rows.some((x) => /statistikdatabas/i.test(JSON.stringify(x)))).toBe(false);
    expect(r.rows.at(-1)).toMatchObject({ sex: 'K', value: 381.81, extra: { Ålder: '85+' } });
  });

  it('real months-as-columns file: every X and -- typed, thousands with a space, names to codes', () => {
    const r = readAggregated(fixture('sdb_ekb_manad_hushall_2017.csv'), 'sdb_ekb_manad_hushall_2017.csv');
    expect(byStatus(r.rows)).toMatchObject({ suppressed: 211, missing: 171 });
    expect(r.rows.find((x) => x.kommunCode === '0000' && x.period === '2017-03')).toMatchObject({ value: 44164, status: 'ok' });
    expect(r.rows.every((x) => /^\d{4}$/.test(x.kommunCode))).toBe(true);
    expect(new Set(r.rows.map((x) => x.kommunCode)).size).toBe(291);
    expect(r.rows.filter((x) => x.status !== 'ok').every((x) => x.value === null)).toBe(true);
  });

  it('a built export: BOM, CRLF, title with the year, months as columns, no-break-space thousands, X and --', () => {
    const text =
      'Ekonomiskt bistånd, Antal hushåll, År: 2021\r\n' +
      'Region;Januari;Februari;Mars\r\n' +
      'Riket;101\u00a0234;99 870;--\r\n' +
      'Upplands Väsby;X;312;298\r\n' +
      'Göteborgs stad;7\u00a0001;6 998;7 003\r\n' +
      'Socialstyrelsens statistikdatabas 2022-05-03\r\n';
    const r = readAggregated(Buffer.concat([BOM, Buffer.from(text)]), 'export.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.value, x.status])).toEqual([
      ['0000', 'Antal hushåll', '2021-01', 101234, 'ok'],
      ['0000', 'Antal hushåll', '2021-02', 99870, 'ok'],
      ['0000', 'Antal hushåll', '2021-03', null, 'missing'],
      ['0114', 'Antal hushåll', '2021-01', null, 'suppressed'],
      ['0114', 'Antal hushåll', '2021-02', 312, 'ok'],
      ['0114', 'Antal hushåll', '2021-03', 298, 'ok'],
      ['1480', 'Antal hushåll', '2021-01', 7001, 'ok'],
      ['1480', 'Antal hushåll', '2021-02', 6998, 'ok'],
      ['1480', 'Antal hushåll', '2021-03', 7003, 'ok'],
    ]);
  });

  it('years as columns, Windows-1252', () => {
    const text = 'Region;Kön;2020;2021\r\nMölndal;Kvinnor;1,5;1,4\r\nMölndal;Män;X;2,0\r\n';
    const bytes = Buffer.from(text, 'latin1');
    const r = readAggregated(bytes, 'andel_2020_2021.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.period, x.sex, x.value, x.status])).toEqual([
      ['1481', '2020', 'K', 1.5, 'ok'],
      ['1481', '2021', 'K', 1.4, 'ok'],
      ['1481', '2020', 'M', null, 'suppressed'],
      ['1481', '2021', 'M', 2, 'ok'],
    ]);
  });

  it('months as columns with no year anywhere is a located error', () => {
    expect(() => readAggregated(Buffer.from('Region;Januari\nRiket;5\n'), 'x.csv')).toThrow(/columns are months, but the file says no year/);
  });
});

describe('Kolada', () => {
  const page = (values: object[], next?: string) => JSON.stringify({ count: values.length, values, ...(next ? { next_page: next } : {}) });
  const rec = (kpi: string, m: string, period: number, values: object[]) => ({ kpi, municipality: m, period, values });

  it('API v3 JSON, several pages one after another, genders, status markers', () => {
    const text =
      page([rec('N31807', '1480', 2021, [{ gender: 'T', count: 1, status: '', value: 4.2 }, { gender: 'K', count: 1, status: '', value: 4.0 }, { gender: 'M', count: 1, status: '', value: 4.4 }])], 'https://api.kolada.se/v3/data?page=2') +
      '\n' +
      page([rec('N31807', '1462', 2021, [{ gender: 'T', count: 0, status: '..', value: null }]), rec('U31801', '0000', 2021, [{ gender: 'T', count: 0, status: 'Missing', value: null }])]);
    const r = readAggregated(Buffer.from(text), 'kolada.json');
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.sex, x.value, x.status])).toEqual([
      ['1480', 'N31807', '2021', 'T', 4.2, 'ok'],
      ['1480', 'N31807', '2021', 'K', 4, 'ok'],
      ['1480', 'N31807', '2021', 'M', 4.4, 'ok'],
      ['1462', 'N31807', '2021', 'T', null, 'suppressed'],
      ['0000', 'U31801', '2021', 'T', null, 'missing'],
    ]);
    expect(r.rows[0].extra.measure_name).toMatch(/ekonomiskt bistånd/i);
  });

  it('an array of pages reads the same', () => {
    const text = `[${page([rec('N31814', '1481', 2020, [{ gender: 'T', status: '', value: 38.5 }])])},${page([rec('N31814', '1481', 2021, [{ gender: 'T', status: '', value: 40.1 }])])}]`;
    expect(readAggregated(Buffer.from(text), 'k.json').rows.map((x) => x.value)).toEqual([38.5, 40.1]);
  });

  it('rKolada tidy CSV with markers .. . and -', () => {
    const text = 'kpi,municipality_id,municipality,year,gender,value\nN31814,1481,Mölndal,2021,T,40.1\nN31814,1462,Lilla Edet,2021,T,..\nN31814,1407,Öckerö,2021,T,.\nN31814,0000,Riket,2021,T,-\n';
    const r = readAggregated(Buffer.from(text), 'r.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.value, x.status])).toEqual([
      ['1481', 40.1, 'ok'],
      ['1462', null, 'suppressed'],
      ['1407', null, 'not_applicable'],
      ['0000', null, 'missing'],
    ]);
  });

  it('real older CSV with Swedish headers and names: every municipality to its code', () => {
    const r = readAggregated(fixture('kolada_kld_explorer_N31001.csv'), 'kld.csv');
    expect(r.rows).toHaveLength(4053);
    expect(r.rows[0]).toMatchObject({ kommunCode: '1440', measure: 'N31001', period: '1998', value: 1374.743002 });
    expect(r.rows.every((x) => /^\d{4}$/.test(x.kommunCode))).toBe(true);
  });

  it('real Hållbarometern CSV: decimal comma, sex, group rows skipped and counted', () => {
    const r = readAggregated(fixture('hallbarometern_langvarigt.csv'), 'h.csv');
    expect(r.rows.find((x) => x.kommunCode === '2580' && x.period === '2014')).toMatchObject({ measure: 'N31816', value: 0.96, sex: 'T' });
    expect(r.skipped.get('Stockholms läns kommuner (ovägt medel)')).toBeGreaterThan(0);
  });

  it('a name with a typo fails with a did-you-mean; --name-map mends it', () => {
    const text = 'Variabelkod,Kommun,År,Värde\nU31404,Möndal,2021,74\n';
    expect(() => readAggregated(Buffer.from(text), 'gr.csv')).toThrow(/"Möndal" is not the name of a municipality, region or Riket — did you mean "Mölndal"\?/);
  });
});

describe('Öppna jämförelser and population', () => {
  it('ÖJ: Ja / Nej / Delvis and blanks, units of Göteborg', () => {
    const text = 'ÖJ ekonomiskt bistånd 2022\nEnhet;Rutin för X;Uppföljning av Y\nAle;Ja;Nej\nGtb, Socialförvaltning Nordost;Delvis;\nMölndal;Nej;Ja\n';
    const r = readAggregated(Buffer.from(text), 'oj.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.value, x.status, x.extra.unit])).toEqual([
      ['1440', 'Rutin för X', '2022', 'Ja', 'ok', ''],
      ['1440', 'Uppföljning av Y', '2022', 'Nej', 'ok', ''],
      ['1480', 'Rutin för X', '2022', 'Delvis', 'ok', 'Socialförvaltning Nordost'],
      ['1480', 'Uppföljning av Y', '2022', null, 'missing', 'Socialförvaltning Nordost'],
      ['1481', 'Rutin för X', '2022', 'Nej', 'ok', ''],
      ['1481', 'Uppföljning av Y', '2022', 'Ja', 'ok', ''],
    ]);
  });

  it('ÖJ unit labels as case systems write them', () => {
    const text = 'Enhet;Rutin\nGbg SDF Nordost;Ja\nSocialförvaltning Hisingen;Nej\nGöteborgs Stad, Socialförvaltning Centrum;Delvis\nLilla Edets kommun;Ja\n';
    const r = readAggregated(Buffer.from(text), 'oj.csv', { as: 'oj' });
    expect(r.rows.map((x) => [x.kommunCode, x.extra.unit])).toEqual([
      ['1480', 'SDF Nordost'],
      ['1480', 'Socialförvaltning Hisingen'],
      ['1480', 'Socialförvaltning Centrum'],
      ['1462', ''],
    ]);
  });

  it('population: codes with names, total and 18+', () => {
    const text = 'region;år;folkmängd;folkmängd 18+\n1480 Göteborg;2021;587549;470212\n1462 Lilla Edet;2021;14 200;11 030\n';
    const r = readAggregated(Buffer.from(text), 'pop.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.value])).toEqual([
      ['1480', 'population', '2021', 587549],
      ['1480', 'population_18plus', '2021', 470212],
      ['1462', 'population', '2021', 14200],
      ['1462', 'population_18plus', '2021', 11030],
    ]);
  });

  it('an unknown layout says which layouts are known', () => {
    expect(() => readAggregated(fixture('socialstyrelsen_regions.csv'), 'regions.csv')).toThrow(/not one bistand knows \(known: Statistikdatabasen export, Kolada API v3 JSON/);
  });

  it('a value that is neither number nor marker is a located error', () => {
    expect(() => readAggregated(Buffer.from('kpi,municipality_id,year,gender,value\nN31814,1481,2021,T,fyra\n'), 'bad.csv')).toThrow(/"fyra" is neither a number nor a known marker/);
    try {
      readAggregated(Buffer.from('kpi,municipality_id,year,gender,value\nN31814,1481,2021,T,fyra\n'), 'bad.csv');
    } catch (e) {
      expect(e).toMatchObject({ where: { file: 'bad.csv', line: 2, column: 5 } });
    }
  });
});

describe('exports as Excel and case systems leave them', () => {
  it('a delimiter at the end of every line adds no column of missing values; en dash is missing; "01 Stockholms län" is the county', () => {
    const text = 'Ekonomiskt bistånd, Antal personer, År: 2021\r\nRegion;Januari;Februari;\r\n01 Stockholms län;1 234;–;\r\nRiket;X;5 678;\r\nSocialstyrelsens statistikdatabas 2022-05-03\r\n';
    const r = readAggregated(Buffer.from(text), 'export.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.period, x.value, x.status])).toEqual([
      ['0001', '2021-01', 1234, 'ok'],
      ['0001', '2021-02', null, 'missing'],
      ['0000', '2021-01', null, 'suppressed'],
      ['0000', '2021-02', 5678, 'ok'],
    ]);
  });
});

describe('Statistikdatabasen: the title line as Socialstyrelsen writes it', () => {
  it('<mått>, <region>, <val>: the measure is the part before the region, with its unit; the choices kept', () => {
    const text = '\ufeffUtbetalt ekonomiskt bistånd tkr, Riket, Samtliga hushåll\r\nÅr;Värde\r\n2020;11 234 567\r\n2021;10 987 654\r\nSocialstyrelsens statistikdatabas 2022-10-12\r\n';
    const r = readAggregated(Buffer.from(text), 'utbetalt.csv');
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.value, x.extra.unit, x.extra.urval])).toEqual([
      ['0000', 'Utbetalt ekonomiskt bistånd tkr', '2020', 11234567, 'tkr', 'Samtliga hushåll'],
      ['0000', 'Utbetalt ekonomiskt bistånd tkr', '2021', 10987654, 'tkr', 'Samtliga hushåll'],
    ]);
  });

  it('no region in the title (regions as rows): the measure and the choices', () => {
    const text = 'Antal biståndsmottagare, Ålder: 18+ år\nRegion;2020;2021\nAle;812;790\n';
    const r = readAggregated(Buffer.from(text), 'mottagare.csv');
    expect(r.rows[0]).toMatchObject({ kommunCode: '1440', measure: 'Antal biståndsmottagare', period: '2020', value: 812, extra: { Ålder: '18+ år', unit: 'Antal' } });
  });
});

describe('Statistikdatabasen: extra title and note lines', () => {
  it('a second title line and notes after the data are not data', () => {
    const text =
      '\ufeffEkonomiskt bistånd, Antal biståndsmottagare, Riket\r\nUrval: vuxna\r\nÅr;Kön;Värde\r\n2021;Kvinnor;101 234\r\n2021;Män;X\r\nUppgifterna avser personer 18 år och äldre\r\nSocialstyrelsens statistikdatabas 2022-05-03\r\n';
    const r = readAggregated(Buffer.from(text), 'x.csv', { as: 'sdb' });
    expect(r.rows.map((x) => [x.kommunCode, x.measure, x.period, x.sex, x.value, x.status, x.extra.Urval])).toEqual([
      ['0000', 'Antal biståndsmottagare', '2021', 'K', 101234, 'ok', 'vuxna'],
      ['0000', 'Antal biståndsmottagare', '2021', 'M', null, 'suppressed', 'vuxna'],
    ]);
  });
});
