/**
 * D5: recipients per municipality by reason group (unemployment, ill health, social reasons),
 * as a share of recipients in Y. From the register's vote per person, else Socialstyrelsen's
 * categories in Kolada (N31858–N31861, N31863) summed into the report's groups.
 */
import type { ChartData, Point } from '../../charts/types.js';
import { Output, OutputModule, ReportContext, areaName, skip } from '../context.js';
import { KpiId, REG } from '../facts.js';
import { countPoints, drawable, hiddenNote, regionLabel, chartOrder, isSingle } from '../points.js';
import { GROUP_SV, SV } from '../../texts-sv.js';

const SHOWN_GROUPS = ['unemployment', 'ill_health', 'social'] as const;

function chart(c: ReportContext, points: Point[], regionLabel: string, source: string, notes: string[]): ChartData & { id: 'd5' } {
  const codes = [...c.region.codes];
  return {
    kind: 'chart',
    id: 'd5',
    slug: 'forsorjningshinder',
    title: SV.d5Title,
    subtitle: SV.reasonsSubtitle(c.year),
    template: 'grouped',
    order: chartOrder(c, codes, points, regionLabel),
    yTitle: SV.yShareOfRecipients,
    points,
    source,
    notes: [...hiddenNote(c, points), ...notes],
    codes,
  };
}

/** Socialstyrelsen's categories summed into the report's groups. */
const KOLADA_GROUPS: [string, KpiId[]][] = [
  [GROUP_SV.unemployment, ['N31858', 'N31859']],
  [GROUP_SV.ill_health, ['N31860', 'N31861']],
  [GROUP_SV.social, ['N31863']],
];

function fromKolada(c: ReportContext): Output | undefined {
  if (!KOLADA_GROUPS.every(([, kpis]) => kpis.every((k) => c.facts.has(k)))) return undefined;
  const codes = [...c.region.codes];
  const points: Point[] = [];
  for (const [label, kpis] of KOLADA_GROUPS) {
    const vals: number[] = [];
    for (const code of codes) {
      const fs = kpis.map((k) => c.facts.get(k, code, c.year));
      const ok = fs.every((f) => f?.status === 'ok' && typeof f.value === 'number');
      const pct = ok ? fs.reduce((a, f) => a + (f!.value as number), 0) : null;
      if (pct !== null) vals.push(pct);
      const status = ok ? 'ok' : fs.some((f) => f?.status === 'suppressed') ? 'suppressed' : fs.some((f) => f) ? 'missing' : 'not_available';
      points.push({ code, name: areaName(c, code), year: c.year, series: label, pct, numerator: null, denominator: null, status });
    }
    const mean = vals.length && drawable(codes.length - vals.length, codes.length) ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
    if (!isSingle(c)) points.push({ code: c.region.id, name: regionLabel(c, 'unweighted'), year: c.year, series: label, pct: mean, numerator: null, denominator: null, status: mean === null ? 'missing' : 'ok', method: 'unweighted', drawn: true });
  }
  const kpis = KOLADA_GROUPS.flatMap(([, k]) => k).join(', ');
  return chart(c, points, regionLabel(c, 'unweighted'), SV.koladaSource(kpis, c.credit, c.koladaFetched), [SV.koladaGroups, SV.koladaEtablering]);
}

function fromRegister(c: ReportContext): Output {
  const den = (code: string, y: number) => {
    const f = c.facts.get(REG.recipients, code, y);
    return f?.status === 'ok' ? (f.value as number) : null;
  };
  const series = SHOWN_GROUPS.map((g) => ({ label: GROUP_SV[g], num: REG.group(g) }));
  const { points, notes } = countPoints(c, [...c.region.codes], [c.year], series, den, true, true);
  return chart(c, points, regionLabel(c), SV.registerSource(String(c.year), c.credit, c.source), [...notes, SV.reasonsVote, SV.etableringAsIllHealth]);
}

export const d5: OutputModule = {
  id: 'd5',
  inputs: '--register with a försörjningshinder column, or Kolada N31858–N31861 and N31863',
  build(c) {
    if (c.facts.registerYears.length && c.facts.registerHasReasons) return fromRegister(c);
    return fromKolada(c) ?? skip('d5', SV.d5Title, c.facts.registerYears.length ? 'registerNoReasons' : 'needsReasons');
  },
};
