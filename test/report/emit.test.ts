/**
 * emit writes what a plan names and nothing else: a table's three files, a chart's four, index.md,
 * and the documents when the plan has sheets; a PNG that fails is emit's error (not an unhandled
 * rejection), and nothing it wrote is published.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { StagedDir } from '../../src/io/staged-dir.js';
import { emit } from '../../src/report/emit.js';
import type { ReportPlan } from '../../src/report/plan.js';
import type { Table } from '../../src/tables/table.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'bistand-emit-')), 'out');
const table: Table = { columns: [{ name: 'kommun_code' }, { name: 'value', decimals: 1 }], rows: [['1480', 1.25]] };
const spec: TopLevelSpec = { description: 'Ett diagram', data: { values: [{ a: 'x', b: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } } };

function plan(dpi: number, sheets: boolean): ReportPlan {
  return {
    files: [
      { kind: 'table', base: 'region/t1-test', table, reader: table, title: 'Tabell', notes: ['Källa: test'], codeColumns: [0] },
      { kind: 'chart', base: 'region/d1-test', spec, data: table, dpi },
    ],
    document: {
      title: 'Test',
      year: 2021,
      sections: [{ anchor: 'regionen', heading: 'Regionen', items: [{ kind: 'chart', anchor: 'd1', caption: 'Diagram 1: Test', picture: 'region/d1-test#dokument', alt: 'Ett diagram', source: 'Källa: test', notes: [] }] }],
      closing: 'Slut.',
    },
    pictures: [{ name: 'region/d1-test#dokument', spec, dpi }],
    texts: [{ path: 'region/text.md', lines: ['# Förslag till text', '', 'Text.'] }],
    sheets: sheets ? [{ name: 'T1', table }] : [],
    index: ['# Test'],
    png: true,
    pdf: false,
  };
}

describe('emit', () => {
  it('writes the files the plan names, the documents with them', async () => {
    const dir = new StagedDir(fresh());
    await emit(plan(150, true), dir);
    await dir.publish();
    const files = (sub: string) => readdirSync(join(dir.out, sub)).sort();
    expect(files('region')).toEqual(['d1-test.csv', 'd1-test.png', 'd1-test.svg', 'd1-test.vl.json', 't1-test.csv', 't1-test.md', 't1-test.sv.csv', 'text.md']);
    expect(readFileSync(join(dir.out, 'region/text.md'), 'utf8')).toBe('# Förslag till text\n\nText.\n');
    expect(files('.').filter((f) => !f.startsWith('.'))).toEqual(['index.md', 'rapport.docx', 'rapport.html', 'region', 'tabeller.xlsx']);
    expect(readFileSync(join(dir.out, 'index.md'), 'utf8')).toBe('# Test\n');
    expect(readFileSync(join(dir.out, 'rapport.html'), 'utf8')).toContain('aria-label="Ett diagram"');
  });

  it('gives a PNG that fails as its own error, after the others settle, and publishes nothing', async () => {
    const out = fresh();
    const dir = new StagedDir(out);
    const unhandled: unknown[] = [];
    const on = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', on);
    try {
      // 0 dpi: a PNG 0 pixels wide, which resvg refuses
      await expect(emit(plan(0, false), dir)).rejects.toThrow(/size is zero/);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', on);
      await dir.abort();
    }
    expect(existsSync(out)).toBe(false);
  });
});
