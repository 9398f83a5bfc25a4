/**
 * The fast row path against the general path, on rows where every field may be odd: padded,
 * quoted, empty, out of range, a period, a field too many or too few, CRLF, blank lines. The
 * two must agree on every count, every reject (line, column, reason, fields) and every table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMunicipalities } from '../../../src/io/reference.js';
import { Rejected } from '../../../src/io/register/index.js';
import { runRegister } from '../../../src/pipeline/register.js';
import { memorySource } from '../../helpers.js';

const ID = ['1', '2', '3', '77', '123456789012', ' 4', '5 ', '', '"6"', '"1234567"', 'a;b'];
const KOMMUN = ['1480', '1480', '0180', '180', '1281', '14800', '9999', 'x', ' 1480', '"1480"', ''];
const YEAR = ['2021', '2021', '2020', '2019', '2018', '2022', '1899', '21', '2021 ', ''];
const MONTH = ['1', '01', '6', '12', '13', '0', '2021-03', '2020-03', '', ' 3'];
const PERIOD = ['2021-03', '202103', '2021M03', '2020-12-31', '2021-13', '21-03', '', ' 2021-01'];
const HINDER = ['Arbetslös – ingen ersättning', ' Sjukskriven m läkarintyg ', '"Sociala skäl; annat"', '"Arbetslös – ingen ersättning"', '"Okänt"', '"ab"', '"abcdef"', 'x"y', 'a\rb', '', 'Okänt'];
const AGE = ['30', '45', '', '17', '131', ' 40', '0042', 'x', '3\r0'];
const BIRTH = ['1980', '2010', '', '1849', '2030', '80'];
const SEX = ['K', 'M', '1', '2', 'k', 'm', 'man', 'Kvinna', 'kvinnor', 'män', '', '3', 'x', ' K', '"M"', 'KM'];
const HOUSEHOLD = ['1', '2', '3', '4', '5', '6', '', '0', '7', '12', ' 3', '"4"', 'x'];
const AMOUNT = ['1234', '1234,50', '12.5', '-350', '', '1 234', '12,345', 'x', '1,2,3', ' 5', '"100"', '0', '7.'];

type Layout = 'year-month' | 'period' | 'birth';
const HEADERS: Record<Layout, string[]> = {
  'year-month': ['person_id', 'kommun', 'year', 'month', 'hinder', 'age', 'belopp', 'sex'],
  period: ['period', 'kommun', 'person_id', 'hinder', 'hushallstyp'],
  birth: ['kommun', 'sex', 'person_id', 'year', 'month', 'birth_year', 'hinder'],
};
const POOLS: Record<string, string[]> = { person_id: ID, kommun: KOMMUN, year: YEAR, month: MONTH, period: PERIOD, hinder: HINDER, age: AGE, birth_year: BIRTH, belopp: AMOUNT, sex: SEX, hushallstyp: HOUSEHOLD };

const rowArb = (header: string[]) =>
  fc.record({
    fields: fc.tuple(...header.map((h) => fc.constantFrom(...POOLS[h]))),
    // mostly plain rows, now and then a field too many or too few, a blank or an all-empty line
    shape: fc.constantFrom('plain', 'plain', 'plain', 'plain', 'plain', 'plain', 'extra', 'short', 'blank', 'empty'),
  });

async function read(text: string, fastRows: boolean) {
  const rejects: Rejected[] = [];
  const { result: r } = await runRegister(memorySource(Buffer.from(text), [4096, 33, 1000]), {
    years: [2021],
    gapRule: 'internal',
    municipalities: loadMunicipalities(),
    requireHinder: true,
    readSex: true,
    readHousehold: true,
    breakdowns: [2021],
    onReject: (x) => rejects.push(x),
    fastRows,
  });
  const { rowsRead, rowsUsed, rowsOutside, rowsRejected, emptyRows, paddedCodes, firstMonth, persons, labels, labelRows } = r.read;
  return { counts: { rowsRead, rowsUsed, rowsOutside, rowsRejected, emptyRows, paddedCodes, firstMonth, persons }, labels, labelRows, rejects, rows: r.classification.rows };
}

async function readOrError(text: string, fastRows: boolean) {
  try {
    return await read(text, fastRows);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('fast row path = general path', () => {
  it('on rows with odd fields, every layout, LF and CRLF', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Layout>('year-month', 'period', 'birth').chain((layout) =>
          fc.tuple(fc.constant(layout), fc.array(rowArb(HEADERS[layout]), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean()),
        ),
        async ([layout, rows, eol, lastEol]) => {
          const header = HEADERS[layout];
          const lines = rows.map(({ fields, shape }) => {
            if (shape === 'blank') return '';
            if (shape === 'empty') return ';'.repeat(header.length - 1);
            const f = [...fields];
            if (shape === 'extra') f.push('x');
            if (shape === 'short') f.pop();
            return f.join(';');
          });
          const text = [header.join(';'), ...lines].join(eol) + (lastEol ? eol : '');
          const fast = await readOrError(text, true);
          const general = await readOrError(text, false);
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes plain rows itself and leaves odd ones to the general path', async () => {
    const text = 'person_id;kommun;year;month;hinder;age\n1;1480;2021;3;Arbetslös;30\n2; 1480;2021;3;Arbetslös;30\n3;1480;2021;13;Arbetslös;30\n';
    const r = await read(text, true);
    expect(r.counts).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1, persons: 2 });
    expect(r.rejects.map((x) => [x.where.line, x.where.column])).toEqual([[4, 4]]);
  });
});
