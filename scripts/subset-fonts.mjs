// Writes assets/fonts/DejaVuSans{,-Bold}-subset.ttf: the characters of SUBSET_RANGES
// (src/charts/font-subset.ts), glyph outlines, metrics and kerning kept. Run after `npm run build`
// when the ranges change; test/charts/font-subset.test.ts checks that the files match them.
import { readFileSync, writeFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { SUBSET_RANGES } from '../dist/charts/font-subset.js';

let chars = '';
for (const [a, b] of SUBSET_RANGES) for (let c = a; c <= b; c++) chars += String.fromCodePoint(c);
for (const name of ['DejaVuSans', 'DejaVuSans-Bold']) {
  const full = readFileSync(new URL(`../assets/fonts/${name}.ttf`, import.meta.url));
  const out = await subsetFont(full, chars, { targetFormat: 'truetype' });
  writeFileSync(new URL(`../assets/fonts/${name}-subset.ttf`, import.meta.url), out);
  console.log(`assets/fonts/${name}-subset.ttf: ${out.length} bytes (from ${full.length})`);
}
