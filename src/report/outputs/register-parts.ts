/**
 * The register's breakdowns in the report's year (T9, T10): a row per municipality, its adult
 * recipients and each part's share of them. A part's count is shown as the pattern of parts
 * decides it (domain/disclosure/parts.ts, the same cells `classify --by` prints): a hidden part
 * is X, and so is every part of a municipality whose parts are left out, or whose recipients are
 * hidden or fewer than the smallest denominator a share may have (SPEC §6). No region row: the
 * parts of a total are not protected.
 */
import { BREAKDOWNS, type Breakdown } from '../../domain/classify.js';
import { partArea } from '../../domain/disclosure/parts.js';
import type { Cell, Column } from '../../tables/table.js';
import { type Output, type OutputId, type ReportContext, areaName } from '../context.js';
import { REG } from '../facts.js';
import { SV } from '../../texts-sv.js';

/** One column: its name and the part of a breakdown it shows. */
export interface PartColumn {
  name: string;
  by: Breakdown;
  part: (typeof BREAKDOWNS)[Breakdown][number];
}

export function partsTable(c: ReportContext, id: OutputId, title: string, slug: string, wanted: readonly PartColumn[], note: string): Output {
  const have = wanted.filter((col) => c.facts.parts.has(col.by));
  const y = c.year;
  const recipients = (code: string): Cell => {
    const f = c.facts.get(REG.recipients, code, y);
    if (f?.status !== 'ok' || typeof f.value !== 'number') return '–';
    return c.suppress.enabled ? (c.facts.pattern.shown('recipients', code, y, f.value) as Cell) : f.value;
  };
  const cell = (code: string, col: PartColumn, n: Cell): Cell => {
    const parts = c.facts.parts.get(col.by)!;
    const counts = parts.counts.get(code);
    if (!counts || n === '–') return '–';
    if (typeof n !== 'number' || parts.pattern.leftOut.has(`${code}|${y}`)) return 'X';
    const i = (BREAKDOWNS[col.by] as readonly string[]).indexOf(col.part);
    const v = parts.pattern.view.shown('recipients', partArea(code, col.by, col.part), y, counts[i].recipients);
    if (typeof v !== 'number' || (c.suppress.enabled && n < c.suppress.minDenominator)) return 'X';
    return n > 0 ? Number(((100 * v) / n).toFixed(1)) : '–';
  };
  const columns: Column[] = [{ name: 'kommun_code' }, { name: 'kommun_name' }, { name: 'recipients' }, ...have.map((col) => ({ name: col.name, decimals: 1 }))];
  const rows = c.region.codes.map((code) => {
    const n = recipients(code);
    return [code, areaName(c, code), n, ...have.map((col) => cell(code, col, n))];
  });
  return { kind: 'table', id, slug, title, table: { columns, rows }, source: SV.registerSource(String(y), c.credit, c.source), notes: [note, ...(c.suppress.enabled ? [SV.partsHidden(c.suppress.minDenominator)] : []), SV.markersRegister], codeColumn: 0 };
}
