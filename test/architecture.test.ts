/** The layout of src/: modules import one another in one direction only. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Static imports and re-exports (type-only ones too: they tie the modules' designs together). */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const spec = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"](\.[^'"]+)['"]/g;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(spec)) deps.push(normalize(join(dirname(f), m[1].replace(/\.js$/, '.ts'))));
    graph.set(f, deps.filter((d) => graph.has(d) || files.includes(d)));
  }
  return graph;
}

/** Every cycle's modules, as paths relative to src/ (Tarjan's strongly connected components). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        on.delete(w);
        comp.push(relative(SRC, w));
        if (w === v) break;
      }
      if (comp.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('src/ layout', () => {
  const graph = importGraph(tsFiles(SRC));

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the cycle check finds one', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });

  it('the register reader is imported through its entry only (and its range job by the pool worker)', () => {
    const inside = (f: string) => relative(SRC, f).startsWith(join('io', 'register') + '/');
    const reached: string[] = [];
    for (const [f, deps] of graph)
      if (!inside(f)) for (const d of deps) if (inside(d) && !/register\/index\.ts$/.test(d) && !(relative(SRC, f) === join('threads', 'worker.ts') && /register\/(range-job|types)\.ts$/.test(d))) reached.push(`${relative(SRC, f)} → ${relative(SRC, d)}`);
    expect(reached).toEqual([]);
  });

  it('charts/ does not import report/', () => {
    const wrong = [...graph].flatMap(([f, deps]) => (relative(SRC, f).startsWith('charts/') ? deps.filter((d) => relative(SRC, d).startsWith('report/')).map((d) => relative(SRC, d)) : []));
    expect(wrong).toEqual([]);
  });
});
