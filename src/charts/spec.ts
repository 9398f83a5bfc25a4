/**
 * A chart's Vega-Lite spec: a template from `specs/` filled with the data, titles, source line,
 * notes and alt text of one catalogue entry, optionally with one municipality highlighted.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SV } from '../texts-sv.js';
import type { ChartData } from './types.js';
import { NOTE_FONT_SIZE, TEXT_SIZE, config, describe, template, valueText, wrap } from './templates.js';
import { textWidth } from './fonts.js';

/** A grouped chart's bar, in px: as tall as a value label of the smallest text size. */
const GROUPED_BAR = 12;
import { ranked, rankedSpec } from './ranked-spec.js';
import { plainDeep } from '../text.js';

export { chartConfig, wrap } from './templates.js';

/**
 * The y axis's format: as many decimals as the tick step needs and no more, so that no two
 * ticks read the same (`.0%` with ticks every 0,5 % printed 1 % twice).
 */
export function axisFormat(maxShare: number, tickCount = 6): string {
  if (!(maxShare > 0)) return '.0%';
  const raw = maxShare / tickCount;
  const power = 10 ** Math.floor(Math.log10(raw));
  const e = raw / power;
  const step = (e >= 7.07 ? 10 : e >= 3.16 ? 5 : e >= 1.41 ? 2 : 1) * power;
  const decimals = Math.max(0, Math.ceil(-Math.log10(step * 100) - 1e-9));
  return `.${decimals}~%`;
}

/** What the chart's text says about a municipality whose values are all hidden or missing. */
function highlightLine(c: ChartData, highlight: { code: string; name: string }): string {
  const mine = c.points.filter((p) => p.code === highlight.code && p.drawn !== false);
  if (mine.length && mine.every((p) => p.status === 'suppressed')) return SV.highlightedHidden(highlight.name);
  if (mine.length && mine.every((p) => p.status !== 'ok')) return SV.highlightedMissing(highlight.name);
  return SV.highlighted(highlight.name);
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function chartSpec(c: ChartData, highlight?: { code: string; name: string }): TopLevelSpec {
  // many areas: ranked horizontal bars, not 290 unreadable columns
  if (ranked(c)) return rankedSpec(c, c.draft);
  const t = template(c.template) as Json;
  const drawn = c.points.filter((p) => p.drawn !== false);
  const series = [...new Set(drawn.map((p) => p.series))];
  t.description = describe({ ...c, points: drawn });
  const busyTrend = c.template === 'trend' && series.length > 2;
  const kr = c.unit === 'kr';
  const subtitle = [c.subtitle, ...(highlight ? [highlightLine(c, highlight)] : []), ...(c.draft ? [SV.draft] : [])];
  t.title = { text: c.title, subtitle: subtitle.length === 1 ? subtitle[0] : subtitle };
  t.data = {
    values: drawn.map((p) => ({
      code: p.code,
      name: p.name,
      x: c.template === 'grouped' ? p.name : String(p.year),
      year: String(p.year),
      series: p.series,
      // a share as a fraction (the axis formats it as percent); kronor as they are
      share: p.pct === null ? null : kr ? p.pct : Math.round(p.pct * 100) / 10000,
      status: p.status,
      // a hidden value is an X at its slot, a missing one a dash: never an empty slot that reads as 0
      marker: p.status === 'suppressed' ? 'X' : p.status === 'ok' ? '' : '–',
      // the value as the report quotes it, written here so that any renderer prints the same
      // a trend against several comparisons labels the municipality's own points only: the
      // comparisons' labels would lie on each other (their values are in the key-figures table)
      label: p.pct === null || (busyTrend && p.series !== series[0]) ? '' : valueText(p.pct, c.unit),
      // a line chart's label goes above its point when it is the year's highest, else below
      above: p.pct !== null && drawn.every((q) => q.year !== p.year || q.pct === null || q.pct <= p.pct!),
      // the region's figure and Riket: drawn unlike a municipality (outlined, dashed)
      reference: Boolean(p.method) || p.code === '0000',
    })),
  };
  t.config = config();
  const view = t.vconcat[0];
  // the notes wrapped to the chart's width: a long list of names must not widen the chart
  // (a grouped chart's names stand left of its bars: the notes may run under them too)
  const names = c.template === 'grouped' ? Math.max(0, ...drawn.map((p) => textWidth(p.name, TEXT_SIZE, false))) + 6 : 40;
  view.title.text = [c.source, ...c.notes].flatMap((line) => wrap(line, (view.width as number) + names, NOTE_FONT_SIZE));
  const maxShare = Math.max(0, ...drawn.map((p) => (p.pct ?? 0) / (kr ? 1 : 100)));
  // a grouped chart's bars lie down: every name written horizontally on its own row, every value
  // horizontally at its bar's end, at a size that reads in print (GROUPED_BAR px a bar)
  const grouped = c.template === 'grouped';
  const value = grouped ? 'x' : 'y';
  if (grouped) {
    const areas = new Set(drawn.map((p) => p.name)).size;
    const gap = 8;
    view.height = areas * (series.length * GROUPED_BAR + gap);
    view.encoding.y.scale.paddingInner = gap / (series.length * GROUPED_BAR + gap);
  }
  // a grouped chart's bars of the region's figure and Riket: outlined with a dark dashed line, so
  // that the mean does not read as one more municipality, and named in a legend of their own (only
  // where one has a value: vega sizes an empty legend as infinitely large)
  if (grouped && t.data.values.some((v: Json) => v.reference && v.share !== null))
    view.layer.splice(1, 0, {
      transform: [{ filter: 'datum.reference && datum.share !== null' }],
      mark: { type: 'bar', filled: false, stroke: '#1a1a1a', strokeWidth: 1.5 },
      encoding: {
        x: { field: 'share', type: 'quantitative', title: '', scale: { domain: [0, 1], nice: false } },
        strokeDash: { field: 'name', type: 'nominal', title: null, scale: { range: [[4, 2]] }, legend: { orient: 'top', symbolType: 'square', symbolFillColor: 'white', symbolStrokeColor: '#1a1a1a', symbolStrokeWidth: 1.5 } },
        opacity: { value: 1 },
      },
    });
  const encodings: Json[] = [view.encoding, ...(view.layer ?? []).map((l: Json) => l.encoding)].filter(Boolean);
  for (const e of encodings) {
    if (e.x?.sort) e.x.sort = c.order;
    if (grouped && e.y?.sort) e.y.sort = c.order;
    if (e.xOffset) e.xOffset.sort = series;
    if (e.yOffset) e.yOffset.sort = series;
    if (e.color) {
      e.color.sort = series;
      e.color.scale.domain = series;
      // long comparison names in two columns, not one row wider than the chart
      if (busyTrend && e.color.legend) e.color.legend = { ...e.color.legend, columns: 2 };
    }
    const q = e[value];
    if (q && 'title' in q) q.title = c.yTitle;
    // room at the bars' ends for the longest value label
    if (grouped && q?.scale?.domain) q.scale.domain = [0, Math.max(0.001, maxShare) * 1.18];
    if (q?.axis && kr) {
      // whole kronor, thousands apart by a no-break space
      q.axis.format = ',d';
      q.axis.labelExpr = `replace(format(datum.value, ',d'), /,/g, '\u00a0')`;
    } else if (q?.axis) {
      q.axis.format = axisFormat(maxShare, q.axis.tickCount);
      // Swedish whatever the renderer's locale: the Vega editor, Altair and vl2svg ignore a
      // spec's locale when they are given their own
      q.axis.labelExpr = `replace(replace(format(datum.value, '${q.axis.format}'), '.', ','), /\\s?%$/, '\u00a0%')`;
    }
    if (highlight && e.opacity) e.opacity = { condition: { test: `datum.code === '${highlight.code}'`, value: 1 }, value: 0.35 };
  }
  // input text (names, titles, notes) is plain wherever it lands: SVG, Vega's expressions
  return plainDeep(t) as TopLevelSpec;
}

/**
 * A chart as a document shows it: under its caption, which is its title there, so the picture
 * has none; its subtitle (unit, years, the highlighted municipality, the draft mark) stays at the
 * top. The chart's own files keep the title: they are shown alone.
 */
export function documentSpec(spec: TopLevelSpec): TopLevelSpec {
  const { title, ...rest } = spec as Json;
  const lines = [title?.subtitle ?? []].flat().filter((l: unknown) => typeof l === 'string' && l !== '');
  return (lines.length ? { ...rest, title: { text: lines, fontSize: 12, fontWeight: 'normal', color: '#333333', offset: 10 } } : rest) as TopLevelSpec;
}

