import { describe, expect, it } from 'vitest';
import { readAggregated } from '../../../src/io/aggregated/read.js';
import { runTidy } from '../../../src/pipeline/tidy.js';

const page = (values: object[]) => JSON.stringify({ values, count: values.length });

describe('Kolada as published', () => {
  it('drops values flagged isdeleted and says how many; keeps group rows as groups', () => {
    const text = page([
      { kpi: 'N31807', municipality: '1480', period: 2021, values: [{ gender: 'T', value: 5.9, isdeleted: true }, { gender: 'T', value: 6.1 }] },
      { kpi: 'N31807', municipality: '1481', period: 2021, isdeleted: true, values: [{ gender: 'T', value: 3.0 }] },
      { kpi: 'N31807', municipality: '1481', period: 2021, values: [{ gender: 'T', value: 3.2 }] },
      { kpi: 'N31807', municipality: 'G128683', period: 2021, values: [{ gender: 'T', value: 4.4, count: 13 }] },
    ]);
    const { result, notes } = runTidy(Buffer.from(text), 'kolada.json', {});
    const col = (n: string) => result.columns.findIndex((c) => c.name === n);
    expect(result.rows.map((r) => [r[col('kommun_code')], r[col('value')], r[col('members')]])).toEqual([
      ['1480', 6.1, ''],
      ['1481', 3.2, ''],
      ['G128683', 4.4, '13'],
    ]);
    expect(notes.map((n) => n.text)).toContain('kolada.json: 2 values flagged isdeleted (replaced by Kolada later) dropped');
  });

  it('two values for one KPI, municipality, year and sex are an error', () => {
    const json = page([{ kpi: 'N31807', municipality: '1480', period: 2021, values: [{ gender: 'T', value: 5.9 }, { gender: 'T', value: 6.1 }] }]);
    expect(() => readAggregated(Buffer.from(json), 'k.json')).toThrow(/^N31807 1480 2021: two values for sex T$/);
    const csv = 'kpi,municipality_id,year,gender,value\nN31807,1480,2021,T,5.9\nN31807,1481,2021,T,3.1\nN31807,1480,2021,T,6.1\n';
    try {
      readAggregated(Buffer.from(csv), 'k.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ message: 'N31807 Göteborg 2021 T: a second value (the first is at line 2)', where: { file: 'k.csv', line: 4 } });
    }
  });
});
