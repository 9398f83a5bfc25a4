/**
 * One chart's PNG, drawn and encoded on the calling thread: what a PNG worker runs.
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, fontFilesFor } from './font-files.js';
import { encodePng } from './png.js';

/** The PNG of `svg` drawn `widthPx` wide on white, saying `dpi` in its pHYs chunk. */
export function drawPng(svg: string, widthPx: number, dpi: number): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: { fontFiles: fontFilesFor(svg), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  }).render();
  return encodePng(image.width, image.height, image.pixels, dpi);
}
