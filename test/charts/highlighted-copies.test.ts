/**
 * A chart's highlighted copies laid out by one re-run view are the same bytes as copies laid out
 * afresh: every municipality, a hidden and a missing one (whose subtitle lines differ), names
 * longer than the chart's subtitle, and a draft's third subtitle line.
 */
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/charts/spec.js';
import { HighlightedCopies, toSvg } from '../../src/charts/render.js';
import type { ChartData, Point } from '../../src/charts/types.js';

const NAMES = ['Ale', 'Öckerö', 'Kommunen med ett mycket långt namn som vidgar underrubriken', 'Lilla Edet', 'Mölndal'];

function chart(template: ChartData['template'], draft = false): ChartData {
  const statuses: Point['status'][] = ['ok', 'suppressed', 'ok', 'missing', 'ok'];
  const points: Point[] = [];
  for (const year of [2019, 2020, 2021])
    NAMES.forEach((name, i) =>
      points.push({ code: String(1440 + i), name, year, series: String(year), pct: statuses[i] === 'ok' ? 2 + i + (year - 2019) / 3 : null, numerator: null, denominator: null, status: statuses[i] }),
    );
  return { kind: 'chart', id: 'd1', slug: 'test', title: 'Andel av befolkningen', subtitle: 'Andel (%)', template, order: NAMES, yTitle: 'Andel (%)', points, source: 'Källa: test', notes: [], codes: points.map((p) => p.code), draft };
}

describe('highlighted copies', () => {
  for (const draft of [false, true]) {
    it(`are the bytes of fresh views for every municipality${draft ? ' (draft)' : ''}`, async () => {
      const c = chart('grouped', draft);
      const copies = new HighlightedCopies();
      try {
        for (const [i, name] of NAMES.entries()) {
          const highlight = { code: String(1440 + i), name };
          const spec = chartSpec(c, highlight);
          const reused = await copies.svg(spec, highlight.code);
          expect(reused).toBe(await toSvg(chartSpec(c, highlight)));
          // the copy names its municipality and dims the others
          expect(reused).toContain(name.slice(0, 20));
        }
      } finally {
        copies.finalize();
      }
    });
  }

  it('are laid out afresh when the compiled chart holds no highlight test', async () => {
    // a trend has no opacity condition: nothing to re-run, and the copy is still right
    const c = chart('trend');
    const copies = new HighlightedCopies();
    try {
      for (const [i, name] of NAMES.slice(0, 2).entries()) {
        const spec = chartSpec(c, { code: String(1440 + i), name });
        expect(await copies.svg(spec, String(1440 + i))).toBe(await toSvg(spec));
      }
    } finally {
      copies.finalize();
    }
  });
});
