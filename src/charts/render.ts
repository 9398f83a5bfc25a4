/**
 * Vega-Lite spec → Vega → SVG (headless, no canvas) → PNG with resvg at print resolution, on worker threads.
 * Swedish number format comes from a d3 locale set before the view runs.
 */
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import { installTextMetrics } from './fonts.js';
import { drawPngOnWorker } from './png-pool.js';

/** Decimal comma, no-break space between thousands, a no-break space before %. */
export const SV_NUMBER_LOCALE = { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%', minus: '−' };

let localeSet = false;

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  installTextMetrics();
  if (!localeSet) {
    vega.formatLocale(SV_NUMBER_LOCALE as unknown as Parameters<typeof vega.formatLocale>[0]);
    localeSet = true;
  }
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return readerSvg(await view.toSVG(), typeof spec.description === 'string' ? spec.description : undefined);
  } finally {
    view.finalize();
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Vega labels every mark for screen readers in English ("X-axis for a discrete scale with 14
 * values …"), which a Swedish reader's screen reader would read out: those labels go, and the
 * chart is one image whose name is its Swedish alt text.
 */
export function readerSvg(svg: string, alt?: string): string {
  const bare = svg.replace(/ (?:aria-[a-z]+|role)="[^"]*"/g, '');
  if (alt === undefined) return bare;
  return bare.replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs} role="img" aria-label="${escapeXml(alt)}"><title>${escapeXml(alt)}</title>`);
}

/**
 * PNG of an SVG at `widthPx` pixels wide (print: 16 cm at 300 dpi ≈ 1890 px), drawn and
 * compressed on a worker thread, so charts draw while the next is laid out.
 */
export function toPngAsync(svg: string, widthPx: number, dpi = PRINT_DPI): Promise<Buffer> {
  return drawPngOnWorker(svg, widthPx, dpi);
}

export const PRINT_DPI = 300;

export const PRINT_WIDTH_PX = Math.round((16 / 2.54) * PRINT_DPI);
