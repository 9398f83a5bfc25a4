/**
 * A chart of many areas (more than RANKED_FROM, a county or Riket): one horizontal bar per
 * municipality for the last year, sorted by value, a panel per series side by side sharing one
 * order, the region's figure and Riket as lines named in the legend. The height grows with the
 * areas, so every name is written at a legible size on its own row; the forms of the GR report
 * (vertical bars, three years) stay for up to RANKED_FROM areas.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SV } from '../texts-sv.js';
import { textWidth } from './fonts.js';
import type { ChartData, Point } from './types.js';
import { TEXT_SIZE, chartConfig, describe, wrap } from './templates.js';
import { plainDeep } from '../text.js';

/** Up to this many areas a chart keeps the report's forms. */
export const RANKED_FROM = 15;

const ROW = 16;
const LABEL_SIZE = TEXT_SIZE;
const VALUE_SIZE = TEXT_SIZE;
const WIDTH = 640;

const sv1 = (n: number) => `${n.toFixed(1).replace('.', ',')}\u00a0%`;

/** Whether a chart of these data is drawn ranked. */
export const ranked = (c: ChartData) => c.template === 'grouped' && new Set(c.points.filter((p) => p.drawn !== false && !p.method && p.code !== '0000').map((p) => p.code)).size > RANKED_FROM;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function rankedSpec(c: ChartData, draft = false): TopLevelSpec {
  const drawn = c.points.filter((p) => p.drawn !== false);
  const year = Math.max(...drawn.map((p) => p.year));
  const last = drawn.filter((p) => p.year === year);
  // the series of a chart of years (D1) is the year: one panel; otherwise a panel per series
  const series = [...new Set(last.map((p) => p.series))];
  const areas = last.filter((p) => !p.method && p.code !== '0000');
  const lines = last.filter((p) => (p.method || p.code === '0000') && p.pct !== null);
  // the order of the first series: highest first, hidden and missing last, then by name
  const first = new Map(areas.filter((p) => p.series === series[0]).map((p) => [p.code, p]));
  const codes = [...new Set(areas.map((p) => p.code))].sort((a, b) => {
    const pa = first.get(a)?.pct ?? -1;
    const pb = first.get(b)?.pct ?? -1;
    return pb - pa || (first.get(a)?.name ?? a).localeCompare(first.get(b)?.name ?? b, 'sv');
  });
  const rank = new Map(codes.map((k, i) => [k, i]));
  const names = codes.map((k) => areas.find((p) => p.code === k)!.name);
  const labelWidth = Math.ceil(Math.max(...names.map((n) => textWidth(n, LABEL_SIZE, false)))) + 6;
  const maxShare = Math.max(0.001, ...last.map((p) => (p.pct ?? 0) / 100));
  const panelWidth = Math.floor((WIDTH - labelWidth - (series.length - 1) * 12) / series.length);
  const row = (p: Point) => ({
    code: p.code,
    name: p.name,
    series: p.series,
    rank: rank.get(p.code) ?? 0,
    share: p.pct === null ? null : Math.round(p.pct * 100) / 10000,
    status: p.status,
    marker: p.status === 'suppressed' ? 'X' : p.status === 'ok' ? '' : '–',
    label: p.pct === null ? '' : sv1(p.pct),
  });
  const x = (axis: boolean): Json => ({
    field: 'share',
    type: 'quantitative',
    // room at the right for the value labels
    scale: { domain: [0, maxShare * 1.22], nice: false },
    axis: axis ? { format: '.0%', tickCount: 4, orient: 'top', title: null, grid: true, gridColor: '#e4e4e4', labelExpr: "replace(format(datum.value, '.0%'), /\\s?%$/, '\u00a0%')" } : null,
  });
  const y = (labels: boolean): Json => ({
    field: 'name',
    type: 'nominal',
    sort: { field: 'rank', op: 'min', order: 'ascending' },
    title: null,
    axis: labels ? { labelFontSize: LABEL_SIZE, labelLimit: labelWidth + 10, ticks: false, domain: false, labelPadding: 4 } : null,
  });
  const panel = (s: string, i: number): Json => ({
    width: panelWidth,
    height: codes.length * ROW,
    // the lines' values over the panel: a label on the line itself could cover the other line's
    title: { text: series.length > 1 ? s : '', subtitle: lines.filter((p) => p.series === s).map((p) => `${p.name}: ${sv1(p.pct!)}`), fontSize: 12, subtitleFontSize: TEXT_SIZE, anchor: 'start', offset: 16 },
    transform: [{ filter: { field: 'series', equal: s } }],
    // bars, then the lines across them, then the values on a white halo over the lines: a value
    // next to a bar that ends near the mean was printed through the line
    layer: [
      {
        // one y for the bars and their labels, so that the order and the names are the bars'
        encoding: { y: y(i === 0) },
        layer: [
          {
            transform: [{ filter: 'datum.kind === "area"' }],
            mark: { type: 'bar', tooltip: true, height: ROW - 4 },
            encoding: { x: x(true), color: { value: ['#1f5a96', '#6aa2d8', '#f0a04b', '#8cc084', '#c44e52'][i % 5] } },
          },
        ],
      },
      // no line, no legend of lines: vega sizes an empty legend as infinitely large
      ...(lines.length ? [{
        transform: [{ filter: 'datum.kind === "line"' }],
        mark: { type: 'rule', strokeWidth: 1.5, color: '#222222' },
        encoding: {
          x: x(false),
          strokeDash: { field: 'name', type: 'nominal', title: null, legend: { orient: 'top', direction: 'vertical', symbolType: 'stroke', labelFontSize: TEXT_SIZE } },
        },
      }] : []),
      {
        encoding: { y: y(i === 0) },
        layer: [
          ...[{ color: 'white', stroke: 'white', strokeWidth: 3, strokeJoin: 'round' }, { color: '#333333' }].map((paint) => ({
            transform: [{ filter: 'datum.kind === "area" && datum.status === "ok"' }],
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: VALUE_SIZE, ...paint },
            encoding: { x: x(false), text: { field: 'label' } },
          })),
          {
            transform: [{ filter: 'datum.kind === "area" && datum.status !== "ok"' }],
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, fontSize: VALUE_SIZE, fontWeight: 'bold', color: '#333333' },
            encoding: { x: { datum: 0, type: 'quantitative', scale: { domain: [0, maxShare * 1.22], nice: false }, axis: null }, text: { field: 'marker' } },
          },
        ],
      },
    ],
  });
  const notes = [c.source, ...c.notes].flatMap((line) => wrap(line, WIDTH, TEXT_SIZE));
  const spec: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: describe({ ...c, points: last }),
    title: { text: c.title, subtitle: [SV.rankedSubtitle(c.subtitle, year), ...(draft ? [SV.draft] : [])] },
    data: { values: [...areas.map((p) => ({ ...row(p), kind: 'area' })), ...lines.map((p) => ({ ...row(p), kind: 'line' }))] },
    vconcat: [{ hconcat: series.map(panel), spacing: 12, title: { text: notes, orient: 'bottom', anchor: 'start', fontSize: TEXT_SIZE, fontWeight: 'normal', color: '#555555', lineHeight: 14, offset: 14 } }],
    ...(lines.length ? { resolve: { scale: { strokeDash: 'shared' } } } : {}),
    config: chartConfig(),
  };
  return plainDeep(spec) as TopLevelSpec;
}
