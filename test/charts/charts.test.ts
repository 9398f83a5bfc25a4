/**
 * Charts that read right and travel: tick labels that never repeat, hidden and missing values
 * marked at their slots, the Swedish locale and font fallbacks inside the .vl.json (so the
 * plain vega-lite CLI draws `3,5 %`), and PNGs that say 300 dpi.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/charts/spec.js';
import { toPngAsync, toSvg } from '../../src/charts/render.js';
import type { ChartData, Point } from '../../src/charts/types.js';
import { ROOT, cliAsync } from '../helpers.js';
import { overlaps, textBoxes } from './text-boxes.js';

/** The text of every axis's labels in an SVG, one list per axis. */
function axisLabels(svg: string): string[][] {
  const out: string[][] = [];
  for (const m of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/gs)) out.push([...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]));
  return out;
}

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

describe('the sample report', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bistand-charts-')), 'out');
  let svgs: string[] = [];
  beforeAll(async () => {
    const r = await cliAsync(['report', '--recipe', join(ROOT, 'data/sample/recipe.json'), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    svgs = ['region', ...readdirSync(join(out, 'kommun')).map((k) => `kommun/${k}`)].flatMap((d) =>
      readdirSync(join(out, d))
        .filter((f) => f.endsWith('.svg'))
        .map((f) => join(out, d, f)),
    );
  }, 120_000);

  it('no chart repeats a tick label, in any folder', () => {
    expect(svgs.length).toBeGreaterThan(50);
    for (const f of svgs) for (const labels of axisLabels(readFileSync(f, 'utf8'))) expect(new Set(labels).size, `${f}: ${labels.join(' | ')}`).toBe(labels.length);
  });

  it('no chart of the sample report prints text over text (laid-out boxes measured)', async () => {
    for (const f of svgs.filter((f) => !f.includes('/kommun/') || f.includes('1407-'))) {
      const boxes = await textBoxes(JSON.parse(readFileSync(f.replace(/\.svg$/, '.vl.json'), 'utf8')));
      expect(boxes.length).toBeGreaterThan(5);
      expect(overlaps(boxes), f).toEqual([]);
    }
  });

  it('every hidden value of D4 is marked, and the note gives the reason and the threshold', () => {
    const spec = JSON.parse(readFileSync(join(out, 'region/d4-langvarigt-per-kommun.vl.json'), 'utf8'));
    const hidden = spec.data.values.filter((v: { status: string }) => v.status === 'suppressed');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((v: { marker: string }) => v.marker === 'X')).toBe(true);
    expect(spec.vconcat[0].title.text.join(' ')).toMatch(/X = dolt \(sekretess\): \d+ värden? på färre än 5 personer/);
  });

  it('the .vl.json renders Swedish numbers and names its font fallbacks with the plain vega-lite CLI', () => {
    const spec = join(out, 'region/d1-andel-av-befolkningen.vl.json');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vega-lite/bin/vl2svg'), spec], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/>\d,\d\u00a0%</);
    expect(r.stdout).not.toMatch(/>\d\.\d%</);
    expect(r.stdout).toContain('font-family="DejaVu Sans, Arial, Helvetica, sans-serif"');
  });

  it('the PNG says 300 dpi (pHYs), so Word places it at 16 cm', async () => {
    const png = readFileSync(join(out, 'region/d1-andel-av-befolkningen.png'));
    const at = png.indexOf('pHYs');
    expect(at).toBeGreaterThan(0);
    expect([png.readUInt32BE(at + 4), png.readUInt32BE(at + 8), png[at + 12]]).toEqual([11811, 11811, 1]);
    // the chunk's CRC is right: a PNG reader that checks it (resvg does) reads the file back
    const again = await toPngAsync(readFileSync(join(out, 'region/d1-andel-av-befolkningen.svg'), 'utf8'), 400);
    writeFileSync(join(out, 'check.png'), again);
    expect(again.indexOf('pHYs')).toBe(37);
  });

  it('a --no-suppress chart says it is not for publication', async () => {
    const o = join(out, '..', 'draft');
    const r = await cliAsync(['report', '--recipe', join(ROOT, 'data/sample/recipe.json'), '--out', o, '--no-suppress', '--no-png']);
    expect(r.status).toBe(0);
    const spec = JSON.parse(readFileSync(join(o, 'region/d4-langvarigt-per-kommun.vl.json'), 'utf8'));
    expect(spec.title.subtitle).toContain('Ej för publicering – små tal visas');
    expect(readFileSync(join(o, 'index.md'), 'utf8')).toContain('Ej för publicering – små tal visas');
  }, 120_000);
});
