/**
 * Long-term and very long-term shares of adult recipients: the region over three years (D3),
 * or every municipality in Y (D4). From the register, else Kolada N31814 / U31801.
 */
import type { ChartData, Point } from '../../charts/types.js';
import { Output, ReportContext, areaName, skip, yearSpan } from '../context.js';
import { REG } from '../facts.js';
import { countPoints, hiddenNote, kpiPoints } from '../points.js';
import { SV } from '../../texts-sv.js';

export function longTerm(c: ReportContext, id: 'd3' | 'd4'): Output {
  const codes = [...c.region.codes];
  const title = id === 'd3' ? SV.d3Title(c.region.name) : SV.d4Title;
  const years = id === 'd3' ? c.years : [c.year];
  const notes: string[] = [];
  const chart = (points: Point[], source: string, extraNotes: string[], regionLabel: string, subtitleTail: string): ChartData & { id: typeof id } => {
    const pts = id === 'd3' ? points.filter((p) => p.code === c.region.id) : points;
    return {
      kind: 'chart',
      id,
      slug: id === 'd3' ? 'langvarigt-regionen' : 'langvarigt-per-kommun',
      title,
      subtitle: SV.shareOfAdultRecipients(id === 'd3' ? yearSpan(c) : String(c.year), subtitleTail),
      template: id === 'd3' ? 'years' : 'grouped',
      order: id === 'd3' ? years.map(String) : [...codes.map((k) => areaName(c, k)), regionLabel],
      yTitle: SV.yShareOfRecipients,
      points: pts,
      source,
      notes: [...hiddenNote(pts), ...extraNotes],
      codes,
    };
  };
  if (c.facts.registerYears.length) {
    const vlYears = years.filter((y) => c.facts.veryLongYears.has(y));
    const missing = years.filter((y) => !c.facts.veryLongYears.has(y));
    if (missing.length) notes.push(SV.veryLongNotDrawn(missing.join(', ')));
    const den = (code: string, y: number) => {
      const f = c.facts.get(REG.recipients, code, y);
      return f ? (f.value as number) : 0;
    };
    let points = countPoints(c, codes, years, [{ label: SV.longTerm, num: REG.longTerm }], den, true, true);
    if (vlYears.length) points = [...points, ...countPoints(c, codes, vlYears, [{ label: SV.veryLongTerm, num: REG.veryLongTerm }], den, true, true)];
    notes.push(SV.veryLongDefinitionShort);
    return chart(points, SV.registerSource(yearSpan(c), c.credit), notes, c.region.name, '');
  }
  if (c.facts.has('N31814') || c.facts.has('U31801')) {
    const series = [
      ...(c.facts.has('N31814') ? [{ label: SV.longTerm, kpi: 'N31814' as const }] : []),
      ...(c.facts.has('U31801') ? [{ label: SV.veryLongTerm, kpi: 'U31801' as const }] : []),
    ];
    const { points, notes: n } = kpiPoints(c, codes, years, series, true);
    return chart(points, SV.koladaSource(series.map((s) => s.kpi).join(', '), c.credit), n, SV.unweightedMean(c.region.name), id === 'd3' ? SV.unweightedMeanTail : '');
  }
  return skip(id, title, 'needsLongTerm');
}
