/**
 * The shipped font subset: it holds every character of its ranges with the whole font's outlines
 * and widths, draws a chart to the same pixels, and a text beyond it gets the whole font.
 */
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { chartSpec } from '../../src/charts/spec.js';
import { toSvg } from '../../src/charts/render.js';
import { FONT_FAMILY, FONT_FILES, fontFilesFor } from '../../src/charts/font-files.js';
import { SUBSET_RANGES, inSubset } from '../../src/charts/font-subset.js';
import { subsetFonts, textWidth, wholeFonts } from '../../src/charts/fonts.js';
import type { ChartData } from '../../src/charts/types.js';
import { ROOT } from '../helpers.js';

const parse = (p: string) => {
  const b = readFileSync(p);
  return opentype.parse(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

describe('font subset', () => {
  for (const name of ['DejaVuSans', 'DejaVuSans-Bold']) {
    it(`${name}: every character of the ranges, with the whole font's width and outline`, () => {
      const full = parse(join(ROOT, `assets/fonts/${name}.ttf`));
      const sub = parse(join(ROOT, `assets/fonts/${name}-subset.ttf`));
      const missing: string[] = [];
      for (const [a, b] of SUBSET_RANGES)
        for (let cp = a; cp <= b; cp++) {
          const ch = String.fromCodePoint(cp);
          const g = full.charToGlyph(ch);
          if (g.index === 0) continue;
          const s = sub.charToGlyph(ch);
          if (s.index === 0) missing.push(cp.toString(16));
          else if (s.advanceWidth !== g.advanceWidth || s.path.toPathData(2) !== g.path.toPathData(2)) missing.push(`${cp.toString(16)} (differs)`);
        }
      expect(missing).toEqual([]);
      expect(sub.getAdvanceWidth('Tjörn −1,5 % ≤ Öckerö', 11, { kerning: true })).toBeCloseTo(full.getAdvanceWidth('Tjörn −1,5 % ≤ Öckerö', 11, { kerning: true }), 6);
    });
  }

  it('measures text as the whole font does, kerning of every pair of letters, digits and signs included', () => {
    // the report's main thread measures with the subset: a width that differed would move a label
    const chars = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÜabcdefghijklmnopqrstuvwxyzåäöéü0123456789.,:;-–−%()«»"\'/ '];
    for (const bold of [false, true]) {
      const sub = bold ? subsetFonts().bold : subsetFonts().regular;
      const whole = bold ? wholeFonts().bold : wholeFonts().regular;
      const differs: string[] = [];
      for (const a of chars) for (const b of chars) if (sub.getAdvanceWidth(a + b, 10, { kerning: true }) !== whole.getAdvanceWidth(a + b, 10, { kerning: true })) differs.push(a + b);
      expect(differs).toEqual([]);
    }
    expect(textWidth('Vuxna biståndsmottagare per vuxen invånare (%), 2019–2021', 11, true)).toBe(wholeFonts().bold.getAdvanceWidth('Vuxna biståndsmottagare per vuxen invånare (%), 2019–2021', 11, { kerning: true }));
  });

  it('draws a chart to the same pixels as the whole font', async () => {
    const c: ChartData = {
      kind: 'chart',
      id: 'd1',
      slug: 'test',
      title: 'Andel av befolkningen – Göteborgsregionen',
      subtitle: 'Andel (%)',
      template: 'grouped',
      order: ['Öckerö', 'Tjörn', 'Lilla Edet'],
      yTitle: 'Andel (%)',
      points: ['Öckerö', 'Tjörn', 'Lilla Edet'].map((name, i) => ({ code: String(1407 + i), name, year: 2021, series: '2021', pct: 1.5 + i, numerator: null, denominator: null, status: 'ok' as const })),
      source: 'Källa: test «Socialstyrelsen»',
      notes: ['Uppgift saknas för Härryda ≥ 2021'],
      codes: [],
    };
    const svg = await toSvg(chartSpec(c));
    expect(fontFilesFor(svg)).not.toEqual(FONT_FILES);
    const draw = (files: string[]) => new Resvg(svg, { fitTo: { mode: 'width', value: 800 }, background: 'white', font: { fontFiles: files, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().pixels;
    expect(Buffer.compare(draw(fontFilesFor(svg)), draw(FONT_FILES))).toBe(0);
  });

  it('a text beyond the subset gets the whole font', () => {
    expect(inSubset('Malå, Åre, Överkalix: 3,5 % – 12 ≤ 20 … €')).toBe(true);
    expect(inSubset('Жлобин')).toBe(false);
    expect(fontFilesFor('<text>Жлобин</text>')).toEqual(FONT_FILES);
  });
});
