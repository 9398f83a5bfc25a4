/** PNGs drawn on the pool's threads: the same bytes as drawn here, in order, and a bad SVG is an error of its own chart only. */
import { describe, expect, it } from 'vitest';
import { drawPng } from '../../src/charts/png-draw.js';
import { toPngAsync } from '../../src/charts/render.js';

const svg = (fill: string, label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="120" height="60" fill="${fill}"/><text x="20" y="90" font-family="DejaVu Sans" font-size="12">${label}</text></svg>`;

describe('PNGs on the thread pool', () => {
  it('gives each chart the bytes drawing it on this thread gives', async () => {
    const svgs = ['#1f5f8b', '#c0392b', '#27ae60', '#8e44ad', '#f39c12'].map((c, i) => svg(c, `Område ${i}: 12,5 %`));
    const pngs = await Promise.all(svgs.map((s) => toPngAsync(s, 400, 300)));
    for (let i = 0; i < svgs.length; i++) expect(Buffer.compare(pngs[i], drawPng(svgs[i], 400, 300))).toBe(0);
    expect(new Set(pngs.map((p) => p.toString('base64'))).size).toBe(svgs.length);
  });

  it('rejects an SVG resvg cannot read, and draws the next one', async () => {
    await expect(toPngAsync('<svg', 400, 300)).rejects.toThrow();
    const ok = await toPngAsync(svg('#000000', 'x'), 400, 300);
    expect([...ok.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});
