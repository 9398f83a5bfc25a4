/**
 * No chart prints text over text: the laid-out boxes of every label, title, legend entry and note
 * are measured in Vega's scene graph. For the report's forms (13 areas) and for ranked charts of
 * a county (49) and of Riket (290 municipalities, with their longest names).
 */
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/charts/spec.js';
import { ranked } from '../../src/charts/ranked-spec.js';
import type { ChartData, Point } from '../../src/charts/types.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { overlaps, textBoxes } from './text-boxes.js';

const munis = loadMunicipalities().kommuner;

function chart(codes: string[], series: string[], years: number[]): ChartData {
  const points: Point[] = [];
  let k = 0;
  for (const y of years)
    for (const label of series) {
      // a chart of years (D1) has the year as its series
      const s = series.length === 1 ? String(y) : label;
      for (const code of codes) {
        const name = munis.find((m) => m.code === code)!.name;
        // values spread and tied, some hidden and missing, as a real register gives
        const v = ((k++ * 7919) % 400) / 10;
        const status: Point['status'] = k % 37 === 0 ? 'suppressed' : k % 53 === 0 ? 'missing' : 'ok';
        points.push({ code, name, year: y, series: s, pct: status === 'ok' ? v : null, numerator: null, denominator: null, status });
      }
      points.push({ code: 'r', name: 'Regionen (ovägt medel)', year: y, series: s, pct: 12.3, numerator: null, denominator: null, status: 'ok', method: 'unweighted', drawn: true });
      points.push({ code: '0000', name: 'Riket', year: y, series: s, pct: 12.9, numerator: null, denominator: null, status: 'ok' });
    }
  return {
    kind: 'chart',
    id: 'd5',
    slug: 't',
    title: 'Försörjningshinder per kommun',
    subtitle: 'Andel av vuxna biståndsmottagare per grupp av försörjningshinder (%), 2019–2021',
    template: 'grouped',
    order: [...codes.map((c) => munis.find((m) => m.code === c)!.name), 'Regionen (ovägt medel)', 'Riket'],
    yTitle: 'Andel (%)',
    points,
    source: 'Källa: syntetiskt exempelregister (bistand sample) 2019–2021, bearbetning: bistand (exempeldata)',
    notes: ['X = dold (sekretess): 4 värden på färre än 5 personer.', 'Regionen: ovägt medel av kommunernas andelar.'],
    codes,
  };
}

const gr = ['1384', '1401', '1402', '1407', '1415', '1419', '1440', '1441', '1462', '1480', '1481', '1482', '1489'];
const vg = munis.filter((m) => m.countyCode === '14').map((m) => m.code);
const all = munis.map((m) => m.code);

describe('no text over text', () => {
  for (const [label, codes] of [['13 areas', gr], ['a county, 49', vg], ['Riket, 290', all]] as const)
    for (const series of [['2021'], ['Långvarigt (≥ 10 mån)', 'Mycket långvarigt (≥ 27 av 36 mån)'], ['Arbetslöshet', 'Ohälsa', 'Sociala skäl']])
      it(`${label}, ${series.length} series`, async () => {
        const c = chart(codes, series, series.length === 1 ? [2019, 2020, 2021] : [2021]);
        expect(ranked(c)).toBe(codes.length > 15);
        const boxes = await textBoxes(chartSpec(c));
        // every municipality is named
        for (const code of codes) expect(boxes.some((b) => b.text === munis.find((m) => m.code === code)!.name)).toBe(true);
        expect(overlaps(boxes)).toEqual([]);
      });

  it('a trend against four close comparisons', async () => {
    const names = ['Ale', 'Västra Götalands län (ovägt medel)', 'Riket', 'Liknande kommuner ekonomiskt bistånd, Ale (medel)', 'Göteborgsregionen (ovägt medel)'];
    const points: Point[] = names.flatMap((name, i) => [2019, 2020, 2021].map((year) => ({ code: String(i), name, year, series: name, pct: 3.1 + i * 0.08, numerator: null, denominator: null, status: 'ok' as const })));
    const c: ChartData = { ...chart(gr, ['2021'], [2021]), id: 'trend', template: 'trend', order: ['2019', '2020', '2021'], points, codes: ['1440'] };
    const boxes = await textBoxes(chartSpec(c));
    for (const n of names) expect(boxes.some((b) => b.text === n)).toBe(true);
    expect(overlaps(boxes)).toEqual([]);
    // the municipality's values lie on the comparisons' lines: each label has a white halo under it
    const layers = (chartSpec(c) as { vconcat: { layer: { mark: { type: string; color?: string; stroke?: string }; encoding: { text?: { field: string } } }[] }[] }).vconcat[0].layer;
    const labels = layers.flatMap((l, i) => (l.encoding.text?.field === 'label' && l.mark.color !== 'white' ? [i] : []));
    expect(labels.length).toBe(2);
    for (const i of labels) expect(layers[i - 1].mark).toMatchObject({ type: 'text', color: 'white', stroke: 'white' });
    const ale = boxes.filter((b) => b.text === '3,1\u00a0%');
    expect(ale.length).toBe(6);
  });

  it("a ranked chart's values lie over its lines, on a white halo", () => {
    type Layer = { mark?: { type: string; color?: string; stroke?: string }; layer?: Layer[] };
    const spec = chartSpec(chart(vg, ['Arbetslöshet', 'Ohälsa'], [2021])) as { vconcat: { hconcat: { layer: Layer[] }[] }[] };
    for (const panel of spec.vconcat[0].hconcat) {
      // the panel's marks in drawing order
      const marks = panel.layer.flatMap((l) => l.layer ?? [l]).map((l) => l.mark!);
      const rule = marks.findIndex((m) => m.type === 'rule');
      const values = marks.flatMap((m, i) => (m.type === 'text' && m.color === '#333333' && i > 0 && marks[i - 1].stroke === 'white' ? [i] : []));
      expect(values.length).toBe(1);
      expect(values[0]).toBeGreaterThan(rule);
    }
  });

  it("a ranked chart's subtitle names its year once, whether the chart's own named one year or a span", () => {
    for (const subtitle of ['Andel av vuxna biståndsmottagare (%), 2021', 'Andel av vuxna biståndsmottagare (%), 2019–2021']) {
      const spec = chartSpec({ ...chart(all, ['Långvarigt (≥ 10 mån)'], [2021]), subtitle }) as { title: { subtitle: string[] } };
      expect(spec.title.subtitle[0]).toBe('Andel av vuxna biståndsmottagare (%), 2021, sorterat efter värde');
    }
  });

  it('the measure finds overlapping text when there is some', () => {
    expect(overlaps([{ text: 'a', role: '', x1: 0, y1: 0, x2: 10, y2: 10 }, { text: 'b', role: '', x1: 5, y1: 5, x2: 15, y2: 15 }])).toEqual([['a', 'b']]);
    expect(overlaps([{ text: 'a', role: '', x1: 0, y1: 0, x2: 10, y2: 10 }, { text: 'b', role: '', x1: 10, y1: 0, x2: 15, y2: 10 }])).toEqual([]);
  });
});
