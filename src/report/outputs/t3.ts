/** T3: handläggare with socionomexamen (%), from Kolada U31404, or else the ÖJ file's question. */
import type { Cell } from '../../tables/table.js';
import { Output, OutputModule, ReportContext, areaName, tableYears, withDistricts } from '../context.js';
import { DISTRICTS, District, districtCode, isDistrictCode } from '../../domain/districts.js';
import { SV } from '../../texts-sv.js';
import { kpiTable } from './kpi-table.js';

/** The ÖJ question on socionomexamen, per municipality (Göteborg: the mean of its socialförvaltningar). */
function fromOj(c: ReportContext): Output | undefined {
  const rows = c.facts.oj.filter((r) => /socionom/i.test(r.measure));
  if (!rows.length) return undefined;
  const years = tableYears(c, [...new Set(rows.map((r) => Number(r.period)))].filter(Number.isFinite).sort()).map(String);
  const districts = DISTRICTS.filter((d) => rows.some((r) => r.extra.district === d)).map(districtCode);
  const codes = [...withDistricts(c.region.codes, districts), ...(rows.some((r) => r.kommunCode === '0000') ? ['0000'] : [])];
  const cell = (code: string, y: string): Cell => {
    const mine = rows.filter((r) => (isDistrictCode(code) ? districtCode(r.extra.district as District) === code : r.kommunCode === code) && r.period === y);
    const nums = mine.filter((r) => typeof r.value === 'number').map((r) => r.value as number);
    if (nums.length) return Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 10) / 10;
    return mine.length ? (mine.some((r) => r.status === 'suppressed') ? 'X' : '–') : '';
  };
  const notes: string[] = [SV.markersOj];
  if (rows.filter((r) => r.kommunCode === '1480').length > years.length) notes.push(SV.gothenburgMean);
  if (!codes.includes('0000')) notes.push(SV.noRiketInOj);
  return {
    kind: 'table',
    id: 't3',
    slug: 'socionomexamen',
    title: SV.t3Title,
    table: { columns: [{ name: 'kommun_code' }, { name: 'kommun_name' }, ...years.map((y) => ({ name: y, raw: true }))], rows: codes.map((code) => [code.slice(0, 4), areaName(c, code), ...years.map((y) => cell(code, y))]) },
    source: SV.ojSource(c.credit),
    notes,
    codeColumn: 0,
  };
}

export const t3: OutputModule = {
  id: 't3',
  inputs: 'Kolada U31404, or an ÖJ file with a socionomexamen question',
  build: (c) => (!c.facts.has('U31404') && fromOj(c)) || kpiTable(c, 't3', 'U31404', SV.t3Title, 'socionomexamen', true, true),
};
