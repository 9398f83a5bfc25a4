/** A municipality's own trend (its profile): its share of the population against the region's, from D1. */
import type { ChartData } from '../../charts/types.js';
import { ReportContext, areaName } from '../context.js';
import { SV } from '../../texts-sv.js';

export function trendFor(c: ReportContext, d1: ChartData, code: string): ChartData {
  const mine = d1.points.filter((p) => p.drawn !== false && (p.code === code || p.code === c.region.id));
  return {
    ...d1,
    id: 'trend',
    slug: 'utveckling',
    title: SV.trendTitle(areaName(c, code)),
    template: 'trend',
    order: c.years.map(String),
    points: mine.map((p) => ({ ...p, series: p.name })),
    codes: [code],
  };
}
