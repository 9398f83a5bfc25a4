/**
 * A chart's Vega-Lite spec: a template from `specs/` filled with the data, titles, source line,
 * notes and alt text of one catalogue entry, optionally with one municipality highlighted.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { SV } from '../texts-sv.js';
import type { ChartData } from './types.js';

const SPEC_DIR = fileURLToPath(new URL('../../specs/', import.meta.url));
const templates = new Map<string, Record<string, unknown>>();

function template(name: string): Record<string, unknown> {
  if (!templates.has(name)) templates.set(name, JSON.parse(readFileSync(`${SPEC_DIR}${name}.vl.json`, 'utf8')));
  return structuredClone(templates.get(name)!);
}

function config(): Record<string, unknown> {
  return template('config');
}

const sv = (n: number, d = 1) => n.toFixed(d).replace('.', ',');

/** Alt text: what the chart shows, and its largest and smallest values. */
function describe(c: ChartData): string {
  const ok = c.points.filter((p) => p.pct !== null);
  if (!ok.length) return SV.altNoValues(c.title, c.subtitle);
  const max = ok.reduce((a, b) => (b.pct! > a.pct! ? b : a));
  const min = ok.reduce((a, b) => (b.pct! < a.pct! ? b : a));
  const lbl = (p: (typeof ok)[number]) => `${p.name}${p.series && p.series !== String(p.year) ? `, ${p.series}` : ''}, ${p.year}`;
  return SV.altBars(c.title, c.subtitle, `${lbl(max)} ${sv(max.pct!)} %`, `${lbl(min)} ${sv(min.pct!)} %`);
}

export function chartSpec(c: ChartData, highlight?: { code: string; name: string }): TopLevelSpec {
  const t = template(c.template) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const series = [...new Set(c.points.map((p) => p.series))];
  t.description = describe(c);
  t.title = { text: c.title, subtitle: highlight ? [c.subtitle, SV.highlighted(highlight.name)] : c.subtitle };
  t.data = {
    values: c.points.map((p) => ({
      code: p.code,
      name: p.name,
      x: c.template === 'grouped' ? p.name : String(p.year),
      year: String(p.year),
      series: p.series,
      share: p.pct === null ? null : Math.round(p.pct * 100) / 10000,
      status: p.status,
    })),
  };
  t.config = config();
  const view = t.vconcat[0];
  view.title.text = [c.source, ...c.notes];
  const layers = view.layer ?? [view];
  for (const l of layers) {
    const e = l.encoding;
    if (e.x?.sort) e.x.sort = c.order;
    if (e.xOffset) e.xOffset.sort = series;
    if (e.color) {
      e.color.sort = series;
      e.color.scale.domain = series;
    }
    if (e.y && 'title' in e.y) e.y.title = c.yTitle;
  }
  if (highlight && view.encoding?.opacity) {
    view.encoding.opacity = { condition: { test: `datum.code === '${highlight.code}'`, value: 1 }, value: 0.35 };
  }
  return t as TopLevelSpec;
}
