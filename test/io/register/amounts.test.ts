/**
 * The amount column (belopp, sbel): each municipality's amounts of the year summed in whole öre,
 * the same whichever path or thread read a row; a value that is no sum of kronor is a rejected row
 * naming its line and column.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oreOf } from '../../../src/io/register/sink.js';
import { loadMunicipalities } from '../../../src/io/reference.js';
import { openSource } from '../../../src/io/source.js';
import { runRegister, type RegisterRun } from '../../../src/pipeline/register.js';
import { memorySource } from '../../helpers.js';

const munis = loadMunicipalities();
const run = (more: Partial<RegisterRun> = {}): RegisterRun => ({ years: [2021], gapRule: 'internal', municipalities: munis, requireHinder: false, requireYears: [], ...more });
const paidOf = async (text: string, more: Partial<RegisterRun> = {}, path?: string) => {
  const { result } = await runRegister(path ? await openSource(path) : memorySource(Buffer.from(text), [4096, 33, 1000]), run(more));
  return Object.fromEntries(result.classification.rows.map((r) => [`${munis.kommuner[r.kommun].code}|${r.year}`, r.paid?.ore ?? null]));
};

describe('amounts', () => {
  it('reads 1234, 1234,50, 1234.5, -350, 1 234 and "1 234,5" as öre', () => {
    const ore = (s: string) => oreOf(Buffer.from(s), 0, Buffer.from(s).length);
    expect(['1234', '1234,50', '1234.5', '-350', '1 234', '1\u00a0234,5', '0', '7.'].map(ore)).toEqual([123400, 123450, 123450, -35000, 123400, 123450, 0, 700]);
    expect(['x', '1,2,3', '12,345', '', '-', '1e3'].map(ore).every(Number.isNaN)).toBe(true);
  });

  it("sums each municipality's rows of the year, one thread or two, in the fast or general path", async () => {
    // rows of 2021 and of 2020 (outside Y: not Y's amounts), some quoted (the general path)
    const lines = ['person_id;kommun;year;month;belopp'];
    const want: Record<string, number> = {};
    for (let i = 0; i < 4000; i++) {
      const code = ['1480', '1481', '1407'][i % 3];
      const year = i % 5 === 0 ? 2020 : 2021;
      const ore = (i * 7919) % 1_000_000;
      const kr = `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
      lines.push(`${i % 900};${code};${year};${(i % 12) + 1};${i % 7 === 0 ? `"${kr}"` : kr}`);
      if (year === 2021) want[`${code}|2021`] = (want[`${code}|2021`] ?? 0) + ore;
    }
    const text = lines.join('\n') + '\n';
    expect(await paidOf(text)).toEqual(want);
    const path = join(mkdtempSync(join(tmpdir(), 'bistand-amounts-')), 'r.csv');
    writeFileSync(path, text);
    expect(await paidOf(text, { threads: 2, minParallelBytes: 0 }, path)).toEqual(want);
    expect(await paidOf(text, { fastRows: false })).toEqual(want);
  });

  it('no amount column: no sum (never 0)', async () => {
    expect(await paidOf('person_id;kommun;year;month\n1;1480;2021;3\n')).toEqual({ '1480|2021': null });
  });

  it('a value that is no sum of kronor stops the run at its line and column', async () => {
    await expect(paidOf('person_id;kommun;year;month;belopp\n1;1480;2021;3;100\n2;1480;2021;3;12 kr\n')).rejects.toMatchObject({ where: { line: 3, column: 5 } });
  });
});
