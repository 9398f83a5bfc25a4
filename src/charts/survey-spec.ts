/**
 * The survey diagrams' Vega-Lite specs (D6–D12): horizontal bars of means on the 1–4 scale with
 * the scale's words on the axis (D7, D8, D12), importance and fulfilment as two points a row with
 * the gap written beside them (D9–D11), and the staff's tenure as three bars of whole percent
 * (D6). Rows are as many as the items; the height grows with them, long labels wrap.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SurveyChart } from './types.js';
import { SV } from '../texts-sv.js';
import { chartConfig, wrap } from './spec.js';
import { TEXT_SIZE } from './templates.js';
import { plainDeep } from '../text.js';

const ROW = 26;
const LABEL_WIDTH = 290;
const WIDTH = 300;
const sv = (n: number, d = 1) => n.toFixed(d).replace('.', ',').replace('-', '\u2212');

type Json = Record<string, unknown>;

function describe(c: SurveyChart): string {
  const ok = c.bars.filter((b) => b.value !== null);
  if (!ok.length) return SV.altNoValues(c.title, c.subtitle);
  const v = (b: (typeof ok)[number]) => (c.template === 'gap' ? b.gap ?? 0 : b.value!);
  const top = ok.reduce((a, b) => (v(b) > v(a) ? b : a));
  const bottom = ok.reduce((a, b) => (v(b) < v(a) ? b : a));
  const text = (b: (typeof ok)[number]) => `${b.label} ${c.template === 'tenure' ? `${b.value} %` : sv(v(b))}`;
  return SV.altSurveyBars(c.title, c.subtitle, text(top), text(bottom));
}

/** The row labels, wrapped to lines that fit beside the bars (Vega draws a list as lines). */
const rowLabel = (label: string) => wrap(label, LABEL_WIDTH, TEXT_SIZE);

export function surveySpec(c: SurveyChart, draft = false): TopLevelSpec {
  const rows = c.bars.map((b) => b.label);
  // every row as tall as the longest label's lines need
  const lines = Math.max(1, ...rows.map((r) => rowLabel(r).length));
  const height = Math.max(3, rows.length) * Math.max(ROW, lines * 14 + 10);
  const notes = [c.source, ...c.notes].flatMap((line) => wrap(line, LABEL_WIDTH + WIDTH + 40, TEXT_SIZE));
  const y = { field: 'label', type: 'nominal', sort: rows, title: null, axis: { labelExpr: `${JSON.stringify(Object.fromEntries(rows.map((r) => [r, rowLabel(r)])))}[datum.value]`, labelLimit: LABEL_WIDTH + 10, labelFontSize: TEXT_SIZE, labelLineHeight: 13, domain: false, ticks: false } };
  let values: Json[];
  let layer: Json[];
  let x: Json;
  if (c.template === 'tenure') {
    values = c.bars.map((b) => ({ label: b.label, value: b.value === null ? null : b.value / 100, text: b.value === null ? '' : `${b.value}\u00a0%`, n: b.n }));
    x = { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] }, axis: { format: '.0%', labelExpr: "replace(format(datum.value, '.0%'), /\\s?%$/, '\u00a0%')", tickCount: 5, grid: true } };
    layer = [
      { mark: { type: 'bar', color: '#1f5f8b', height: 16 }, encoding: { x, y } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: TEXT_SIZE }, encoding: { x: { field: 'value', type: 'quantitative' }, y, text: { field: 'text' } } },
    ];
  } else {
    const scale = c.scale!;
    // the scale's words under each step, on two lines so that none is dropped for overlap
    const labelExpr = `${JSON.stringify([[''], ...scale.map((s, i) => [String(i + 1), ...wrap(s, 70, TEXT_SIZE)])])}[datum.value]`;
    x = { type: 'quantitative', title: null, scale: { domain: [1, 4], nice: false }, axis: { values: [1, 2, 3, 4], labelExpr, labelAngle: 0, labelFontSize: TEXT_SIZE, labelOverlap: false, labelLineHeight: 13, grid: true, labelBound: false, labelFlush: false } };
    if (c.template === 'means') {
      values = c.bars.map((b) => ({ label: b.label, value: b.value, text: b.value === null ? '–' : sv(b.value), n: b.n }));
      layer = [
        // the reference line under the bars and their labels
        ...(c.rule ? [{ mark: { type: 'rule', color: '#b03a2e', strokeDash: [4, 3] }, encoding: { x: { datum: c.rule, type: 'quantitative' } } }] : []),
        { mark: { type: 'bar', color: '#1f5f8b', height: 16 }, encoding: { x: { ...x, field: 'value' }, x2: { datum: 1 }, y } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: TEXT_SIZE, stroke: 'white', strokeWidth: 3, strokeOpacity: 0.9 }, encoding: { x: { field: 'value', type: 'quantitative' }, y, text: { field: 'text' } } },
        { mark: { type: 'text', align: 'left', dx: 4, fontSize: TEXT_SIZE }, encoding: { x: { field: 'value', type: 'quantitative' }, y, text: { field: 'text' } } },
      ];
    } else {
      values = c.bars.map((b) => ({ label: b.label, imp: b.value, ful: b.second ?? null, n: b.n, n2: b.n2 ?? 0, gap: b.gap ?? null, text: b.gap === null || b.gap === undefined ? '–' : `${SV.gapLabel} ${sv(b.gap)}` }));
      const color = { field: 'series', type: 'nominal', title: null, scale: { domain: [SV.importance, SV.fulfilment], range: ['#1f5f8b', '#e08e0b'] }, legend: { orient: 'top' } };
      layer = [
        { mark: { type: 'rule', color: '#999999', strokeWidth: 2 }, encoding: { x: { ...x, field: 'imp' }, x2: { field: 'ful' }, y } },
        {
          mark: { type: 'point', filled: true, size: 80, opacity: 1 },
          transform: [{ fold: ['imp', 'ful'], as: ['key', 'value'] }, { calculate: `datum.key === 'imp' ? '${SV.importance}' : '${SV.fulfilment}'`, as: 'series' }, { filter: 'datum.value !== null' }],
          encoding: { x: { ...x, field: 'value' }, y, color, shape: { field: 'series', type: 'nominal', title: null, scale: { domain: [SV.importance, SV.fulfilment], range: ['circle', 'diamond'] } } },
        },
        { mark: { type: 'text', align: 'left', fontSize: TEXT_SIZE, x: WIDTH + 8 }, encoding: { y, text: { field: 'text' } } },
      ];
    }
  }
  const subtitle = [c.subtitle, ...(draft ? [SV.draft] : [])];
  return plainDeep({
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    description: describe(c),
    title: { text: c.title, subtitle: subtitle.length === 1 ? subtitle[0] : subtitle },
    data: { values },
    vconcat: [
      {
        width: WIDTH,
        height,
        title: { text: notes, orient: 'bottom', anchor: 'start', fontSize: TEXT_SIZE, fontWeight: 'normal', color: '#555555', offset: 14, lineHeight: 14 },
        layer,
      },
    ],
    config: chartConfig(),
  }) as unknown as TopLevelSpec;
}
