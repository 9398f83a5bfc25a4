/**
 * Long-term and very long-term shares of adult recipients: the region over three years (D3),
 * or every municipality in Y (D4). From the register, else Kolada N31814 / U31801.
 */
import type { ChartData, Point } from '../../charts/types.js';
import { Output, ReportContext, skip, yearSpan } from '../context.js';
import { REG } from '../facts.js';
import { countPoints, hiddenNote, kpiPoints, regionLabel, chartOrder } from '../points.js';
import { SV } from '../../texts-sv.js';

export function longTerm(c: ReportContext, id: 'd3' | 'd4'): Output {
  const codes = [...c.region.codes];
  const title = id === 'd3' ? SV.d3Title(c.region.name) : SV.d4Title;
  const years = id === 'd3' ? c.years : [c.year];
  const chart = (points: Point[], source: string, notes: string[], label: string, subtitleTail: string): ChartData & { id: typeof id } => {
    // D3 draws the region only; its CSV keeps the municipalities' figures it is made of
    // (one municipality's report: its own figure)
    const own = c.region.codes.length === 1 ? c.region.codes[0] : c.region.id;
    const pts = id === 'd3' ? points.map((p) => (p.code === own && !p.method ? p : p.code === c.region.id ? p : { ...p, drawn: false })) : points;
    return {
      kind: 'chart',
      id,
      slug: id === 'd3' ? 'langvarigt-regionen' : 'langvarigt-per-kommun',
      title,
      subtitle: SV.shareOfAdultRecipients(id === 'd3' ? yearSpan(c) : String(c.year), subtitleTail),
      template: id === 'd3' ? 'years' : 'grouped',
      order: id === 'd3' ? years.map(String) : chartOrder(c, codes, points, label),
      yTitle: SV.yShareOfRecipients,
      points: pts,
      source,
      notes: [...hiddenNote(c, pts), ...notes],
      codes,
    };
  };
  if (c.facts.registerYears.length) {
    const notes: string[] = [];
    const missing = years.filter((y) => !c.facts.veryLongYears.has(y));
    if (missing.length) notes.push(SV.veryLongNotDrawn(missing.join(', ')));
    const den = (code: string, y: number) => {
      const f = c.facts.get(REG.recipients, code, y);
      return f?.status === 'ok' ? (f.value as number) : null;
    };
    const series = [
      { label: SV.longTerm, num: REG.longTerm },
      { label: SV.veryLongTerm, num: REG.veryLongTerm },
    ];
    const { points, notes: n } = countPoints(c, codes, years, series, den, true, true);
    return chart(points, SV.registerSource(yearSpan(c), c.credit, c.source), [...n, ...notes, SV.veryLongDefinitionShort], regionLabel(c), id === 'd3' ? SV.regionTail(c.regionMean) : '');
  }
  if (c.facts.has('N31814') || c.facts.has('U31801')) {
    const series = [
      ...(c.facts.has('N31814') ? [{ label: SV.longTerm, kpi: 'N31814' as const }] : []),
      ...(c.facts.has('U31801') ? [{ label: SV.veryLongTerm, kpi: 'U31801' as const }] : []),
    ];
    const { points, notes } = kpiPoints(c, codes, years, series, true);
    return chart(points, SV.koladaSource(series.map((s) => s.kpi).join(', '), c.credit, c.koladaFetched), notes, regionLabel(c, 'unweighted'), id === 'd3' ? SV.regionTail('unweighted') : '');
  }
  return skip(id, title, 'needsLongTerm');
}
