/** The laid-out boxes of a chart's text, from Vega's scene graph with the chart's own font metrics. */
import * as vega from 'vega';
import { compile, TopLevelSpec } from 'vega-lite';
import { installTextMetrics, textWidth } from '../../src/charts/fonts.js';

export interface Box {
  text: string;
  role: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** a rotated text's four corners (its box above is the box around them) */
  corners?: [number, number][];
}

type Node = { marktype?: string; role?: string; items?: Item[] };
type Item = Node & { x?: number; y?: number; dx?: number; dy?: number; angle?: number; align?: string; baseline?: string; fontSize?: number; fontWeight?: string | number; text?: unknown; opacity?: number; bounds?: { x1: number; y1: number; x2: number; y2: number } };

export async function textBoxes(spec: TopLevelSpec): Promise<Box[]> {
  installTextMetrics();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const boxes: Box[] = [];
  // bounds are in the frame of the enclosing group, which sits at its item's x, y
  const walk = (mark: Node, ox: number, oy: number) => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === 'group') for (const child of item.items ?? []) walk(child, ox + (item.x ?? 0), oy + (item.y ?? 0));
      else if (mark.marktype === 'text' && item.bounds && item.opacity !== 0) {
        const text = Array.isArray(item.text) ? item.text.join('\n') : String(item.text ?? '');
        if (!text.trim()) continue;
        const b = item.bounds;
        const box: Box = { text, role: mark.role ?? '', x1: ox + b.x1, y1: oy + b.y1, x2: ox + b.x2, y2: oy + b.y2 };
        if (item.angle && !Array.isArray(item.text)) box.corners = rotated(item, text, ox, oy);
        boxes.push(box);
      }
    }
  };
  walk((view.scenegraph() as unknown as { root: Node }).root, 0, 0);
  view.finalize();
  return boxes;
}

/** The corners of a rotated one-line text: its unrotated box (width by the font, height the font size) turned about its anchor. */
function rotated(item: Item, text: string, ox: number, oy: number): [number, number][] {
  const size = item.fontSize ?? 11;
  const w = textWidth(text, size, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
  const left = item.align === 'right' ? -w : item.align === 'center' ? -w / 2 : 0;
  const top = item.baseline === 'top' ? 0 : item.baseline === 'middle' ? -size / 2 : item.baseline === 'bottom' ? -size : -0.8 * size;
  const a = (item.angle! * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const x0 = ox + (item.x ?? 0);
  const y0 = oy + (item.y ?? 0);
  const dx = item.dx ?? 0;
  const dy = item.dy ?? 0;
  return ([[left, top], [left + w, top], [left + w, top + size], [left, top + size]] as [number, number][]).map(([x, y]) => [x0 + (x + dx) * cos - (y + dy) * sin, y0 + (x + dx) * sin + (y + dy) * cos]);
}

/** Whether two convex polygons overlap by more than `tol` (separating axes). */
function polygonsOverlap(p: [number, number][], q: [number, number][], tol: number): boolean {
  for (const poly of [p, q])
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i];
      const [x2, y2] = poly[(i + 1) % poly.length];
      const len = Math.hypot(x2 - x1, y2 - y1) || 1;
      const [nx, ny] = [-(y2 - y1) / len, (x2 - x1) / len];
      const proj = (pts: [number, number][]) => pts.map(([x, y]) => x * nx + y * ny);
      const a = proj(p);
      const b = proj(q);
      if (Math.max(...a) - tol <= Math.min(...b) || Math.max(...b) - tol <= Math.min(...a)) return false;
    }
  return true;
}

const cornersOf = (b: Box): [number, number][] => b.corners ?? [[b.x1, b.y1], [b.x2, b.y1], [b.x2, b.y2], [b.x1, b.y2]];

/** Pairs of texts whose boxes overlap by more than `tolerance` pixels each way. */
export function overlaps(boxes: Box[], tolerance = 0.5): [string, string][] {
  const out: [string, string][] = [];
  const sorted = [...boxes].sort((a, b) => a.y1 - b.y1);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j].y1 < sorted[i].y2 - tolerance; j++) {
      const a = sorted[i];
      const b = sorted[j];
      // a halo: the same text drawn twice at one place (white stroke under it), read as one
      const same = a.text === b.text && [a.x1 - b.x1, a.y1 - b.y1, a.x2 - b.x2, a.y2 - b.y2].every((d) => Math.abs(d) < 0.5);
      if (!same && a.x1 < b.x2 - tolerance && b.x1 < a.x2 - tolerance && polygonsOverlap(cornersOf(a), cornersOf(b), tolerance)) out.push([a.text, b.text]);
    }
  return out;
}

/** The text of every axis's labels in an SVG, one list per axis. */
export function axisLabels(svg: string): string[][] {
  const out: string[][] = [];
  for (const m of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/gs)) out.push([...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]));
  return out;
}
