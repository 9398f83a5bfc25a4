/**
 * Vega-Lite spec → Vega → SVG (headless, no canvas) → PNG with resvg at print resolution, on worker threads.
 * Swedish number format comes from a d3 locale set before the view runs.
 */
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import { installTextMetrics } from './fonts.js';
import { onThread } from '../threads/pool.js';
import { xmlText } from '../text.js';

/** Decimal comma, no-break space between thousands, a no-break space before %. */
export const SV_NUMBER_LOCALE = { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], percent: '\u00a0%', minus: '−' };

let localeSet = false;

function prepare(): void {
  installTextMetrics();
  if (!localeSet) {
    vega.formatLocale(SV_NUMBER_LOCALE as unknown as Parameters<typeof vega.formatLocale>[0]);
    localeSet = true;
  }
}

const altOf = (spec: TopLevelSpec) => (typeof spec.description === 'string' ? spec.description : undefined);

export async function toSvg(spec: TopLevelSpec): Promise<string> {
  prepare();
  const vg = compile(spec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: 'none' });
  try {
    return readerSvg(await view.toSVG(), altOf(spec));
  } finally {
    view.finalize();
  }
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CODE_SIGNAL = 'bistand_highlight';
const SUBTITLE_SIGNAL = 'bistand_subtitle';

/**
 * The copies of one chart that differ only in the municipality they highlight (a profile's D1,
 * D4 and D5): laid out by one view, which each copy re-runs with its municipality and subtitle
 * line as signals. Compiling and parsing a view for each copy was most of the report's layout
 * time (39 copies in the GR report); the SVG is the same bytes as a fresh view's, which the
 * tests compare copy by copy. A chart whose compiled form does not hold the highlight where it
 * is looked for is laid out afresh each time.
 */
export class HighlightedCopies {
  private view?: vega.View;
  private fresh = false;

  /** The SVG of `spec`, the chart highlighting `code` as chartSpec writes it. */
  async svg(spec: TopLevelSpec, code: string): Promise<string> {
    const subtitle = (spec.title as Json | undefined)?.subtitle;
    if (this.fresh || !/^[0-9A-Za-z_-]+$/.test(code) || !Array.isArray(subtitle)) return toSvg(spec);
    prepare();
    if (!this.view) {
      const vg = parametrized(compile(spec).spec as Json, code, subtitle);
      if (!vg) {
        this.fresh = true;
        return toSvg(spec);
      }
      this.view = new vega.View(vega.parse(vg), { renderer: 'none' });
    } else {
      this.view.signal(CODE_SIGNAL, code).signal(SUBTITLE_SIGNAL, subtitle);
    }
    await this.view.runAsync();
    return readerSvg(await this.view.toSVG(), altOf(spec));
  }

  finalize(): void {
    this.view?.finalize();
    this.view = undefined;
  }
}

/**
 * The compiled spec with its highlight made signals: the title's subtitle (which names the
 * municipality) and every `datum.code === '<code>'` test. Undefined when either is not found
 * exactly where expected, so that a change in vega-lite's output falls back to fresh views.
 */
function parametrized(vg: Json, code: string, subtitle: unknown[]): Json | undefined {
  const test = `datum.code === '${code}'`;
  const wanted = JSON.stringify(subtitle);
  let subtitles = 0;
  let tests = 0;
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      if (!node.includes(test)) return node;
      tests++;
      return node.split(test).join(`datum.code === ${CODE_SIGNAL}`);
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'subtitle' && JSON.stringify(v) === wanted) {
        subtitles++;
        out[k] = { signal: SUBTITLE_SIGNAL };
      } else out[k] = walk(v);
    }
    return out;
  };
  // the data never name the highlight (every copy draws the same points), so they are kept as they are
  const { data, ...rest } = vg;
  const body = walk(rest) as Json;
  if (subtitles !== 1 || tests === 0) return undefined;
  return {
    ...body,
    data,
    signals: [...(body.signals ?? []), { name: CODE_SIGNAL, value: code }, { name: SUBTITLE_SIGNAL, value: subtitle }],
  };
}


/**
 * Vega labels every mark for screen readers in English ("X-axis for a discrete scale with 14
 * values …"), which a Swedish reader's screen reader would read out: those labels go, and the
 * chart is one image whose name is its Swedish alt text.
 */
export function readerSvg(svg: string, alt?: string): string {
  // a chart vega sizes as infinite (an empty legend did) is a bug of ours, caught here, not in a document
  const size = /^<svg[^>]* width="([^"]*)" height="([^"]*)"/.exec(svg);
  if (!size || !(Number(size[1]) > 0 && Number(size[1]) < 1e5 && Number(size[2]) > 0 && Number(size[2]) < 1e5)) throw new Error(`a chart's SVG has no finite size (${alt ?? 'untitled'})`);
  const bare = svg.replace(/ (?:aria-[a-z]+|role)="[^"]*"/g, '');
  if (alt === undefined) return bare;
  return bare.replace(/^<svg([^>]*)>/, (_, attrs: string) => `<svg${attrs} role="img" aria-label="${xmlText(alt)}"><title>${xmlText(alt)}</title>`);
}

/**
 * PNG of an SVG at `widthPx` pixels wide (print: 16 cm at 300 dpi ≈ 1890 px), drawn and
 * compressed on a worker thread, so charts draw while the next is laid out.
 */
export async function toPngAsync(svg: string, widthPx: number, dpi = PRINT_DPI): Promise<Buffer> {
  const png = await onThread('png', { svg, widthPx, dpi });
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

export const PRINT_DPI = 300;

export const PRINT_WIDTH_PX = Math.round((16 / 2.54) * PRINT_DPI);
