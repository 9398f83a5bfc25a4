/**
 * Charts that read right and travel: tick labels that never repeat, hidden and missing values
 * marked at their slots, the Swedish locale and font fallbacks inside the .vl.json (so the
 * plain vega-lite CLI draws `3,5 %`). The sample report's charts: test/report/report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/charts/spec.js';
import { toSvg } from '../../src/charts/render.js';
import type { ChartData, Point } from '../../src/charts/types.js';
import { axisLabels } from './text-boxes.js';


const chart = (pcts: number[], statuses: Point['status'][] = []): ChartData => ({
  kind: 'chart',
  id: 'd1',
  slug: 'test',
  title: 'Test',
  subtitle: 'Andel (%)',
  template: 'grouped',
  order: pcts.map((_p, i) => `Kommun ${i}`),
  yTitle: 'Andel (%)',
  points: pcts.map((pct, i) => ({ code: String(1000 + i), name: `Kommun ${i}`, year: 2021, series: '2021', pct: statuses[i] && statuses[i] !== 'ok' ? null : pct, numerator: null, denominator: null, status: statuses[i] ?? 'ok' })),
  source: 'Källa: test',
  notes: [],
  codes: [],
});

describe('axes', () => {
  for (const max of [0.12, 0.45, 0.9, 2.3, 3.9, 7, 18, 47, 100]) {
    it(`no tick label repeats when the largest value is ${max} %`, async () => {
      const svg = await toSvg(chartSpec(chart([max, max / 2, max / 3, max / 7])));
      const [, y] = axisLabels(svg);
      expect(y.length).toBeGreaterThan(2);
      expect(new Set(y).size, y.join(' | ')).toBe(y.length);
    });
  }

  it('a hidden value is an X at its slot and a missing one a dash, not an empty slot', async () => {
    const svg = await toSvg(chartSpec(chart([3.1, 2.2, 4.0], ['ok', 'suppressed', 'missing'])));
    expect(svg).toMatch(/>X<\/text>/);
    expect(svg).toMatch(/>–<\/text>/);
    // value labels with one decimal, as the report quotes figures
    expect(svg).toContain('>3,1\u00a0%<');
  });
});
