import { describe, expect, it } from 'vitest';
import { encodeCp1252 } from '../../../src/io/encoding.js';
import { DEFAULT_SAMPLE, SampleOptions, generateSample } from '../../../src/sample/generate.js';
import { parseRegisterText, referenceClassify } from '../../reference/classifier.js';
import { expectSameTable, fastClassify, threadedClassify } from '../../helpers.js';

function sampleText(o: Partial<SampleOptions>): string {
  let s = '';
  generateSample({ ...DEFAULT_SAMPLE, persons: 600, ...o }, (t) => (s += t));
  return s;
}

const variants: [string, Partial<SampleOptions>, (s: string) => Uint8Array][] = [
  ['UTF-8, ;, LF', {}, (s) => Buffer.from(s)],
  ['UTF-8 with BOM, commas, CRLF', { delimiter: ',', lineEnding: '\r\n' }, (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)])],
  ['Windows-1252, Swedish headers, CRLF', { header: 'swedish', lineEnding: '\r\n' }, encodeCp1252],
  ['tab, period column, birth year', { delimiter: '\t', period: 'period', age: 'birth_year' }, (s) => Buffer.from(s)],
  ['no age column (all ages count)', { age: 'none' }, (s) => Buffer.from(s)],
];

describe('register reader: encodings, delimiters, layouts', () => {
  for (const [name, o, encode] of variants) {
    it(`agrees with the reference: ${name}`, async () => {
      const text = sampleText({ ...o, seed: 11 });
      const { rows, hasAge } = parseRegisterText(text);
      const expected = referenceClassify(rows, 2021, 'internal', hasAge);
      const bytes = encode(text);
      expectSameTable(await fastClassify(bytes, 2021), expected);
      // rows cut at odd places by small reads must not change anything
      expectSameTable(await fastClassify(bytes, 2021, {}, [4093, 17, 65521]), expected);
    });
  }

  it('decodes Windows-1252 labels so they still match their reasons', async () => {
    const text = 'person_id;kommun;år;månad;försörjningshinder\n1;1480;2021;1;Arbetslös – ingen ersättning\n2;1480;2021;1;Sjukskriven m läkarintyg, ingen sjukpenning\n';
    const got = await fastClassify(encodeCp1252(text), 2021);
    expect(got[0].groups).toMatchObject({ unemployment: 1, ill_health: 1, other: 0 });
  });

  it('reads codes that lost their leading zero and quoted codes', async () => {
    const text = 'id,kommun,period\n1,180,2021-01\n2,"0180",202102\n';
    const got = await fastClassify(Buffer.from(text), 2021, { requireHinder: false });
    expect(got.map((r) => [r.kommun, r.recipients])).toEqual([['0180', 2]]);
  });
});

describe('register reader: two threads', () => {
  const header = 'person_id;kommun;year;month;hinder\n';
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `${from + i};1480;2021;${(i % 12) + 1};Arbetslös – ingen ersättning\n`).join('');

  it('a line break inside quotes across the cut falls back to one pass, same result', async () => {
    // the quoted label holds many line breaks, so a cut near the middle lands inside it
    const text = header + rows(50) + `99;1480;2021;1;"Arbetslös${'\n'.repeat(400)} – ingen ersättning"\n` + rows(50, 100);
    const one = await fastClassify(Buffer.from(text), 2021);
    expect(one[0].recipients).toBe(101);
    expectSameTable(await threadedClassify(Buffer.from(text), 2021, 2), one);
  });

  it('a bad row in the second range names its line in the whole file', async () => {
    const text = header + rows(300) + '7;14x0;2021;1;x\n' + rows(10, 500);
    await expect(threadedClassify(Buffer.from(text), 2021, 2)).rejects.toMatchObject({ where: { line: 302, column: 2 } });
  });

  it('rejects from every range arrive in file order with their lines', async () => {
    const text = header + '1;14x0;2021;1;x\n' + rows(300) + '7;14x0;2021;1;x\n' + rows(10, 500);
    const lines: number[] = [];
    const got = await threadedClassify(Buffer.from(text), 2021, 2, { onReject: (r) => lines.push(r.where.line!) });
    expect(lines).toEqual([2, 303]);
    expect(got[0].recipients).toBe(310);
  });
});

describe('register reader: periods', () => {
  it('reads 2021-03, 2021-3, 202103, 2021M03, 2021-03-15 and 20210315 as March 2021', async () => {
    const text = ['id;kommun;period', ...['2021-03', '2021-3', '202103', '2021M03', '2021-03-15', '20210315'].map((p, i) => `${i};1480;${p}`)].join('\n') + '\n';
    const got = await fastClassify(Buffer.from(text), 2021, { requireHinder: false });
    expect(got[0].recipients).toBe(6);
  });
  it('rejects 2021-13, 2021-03-32 and 21-03', async () => {
    for (const p of ['2021-13', '2021-03-32', '21-03']) {
      await expect(fastClassify(Buffer.from(`id;kommun;period\n1;1480;${p}\n`), 2021, { requireHinder: false }), p).rejects.toMatchObject({ where: { line: 2, column: 3 } });
    }
  });
});
