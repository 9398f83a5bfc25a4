/**
 * The sample report as a user makes it (`bistand report --recipe data/sample/recipe.json`, with
 * its PNGs, and `--pdf` where a browser is installed), run once for all the test files that
 * read it — rapport.docx, rapport.html, tabeller.xlsx, the region's and municipalities' files —
 * whichever test process asks first; the others wait for it. `'no-png'` names a second,
 * independent run of the same recipe with `--no-png`, for "same input, same bytes" at a third of
 * the first's cost (drawing the PNGs is two thirds of it).
 */
import { existsSync, openSync, closeSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from '../src/report/pdf.js';
import { ROOT, cliAsync } from './helpers.js';

export interface SharedReport {
  /** the report's folder: read it, never write in it */
  out: string;
  status: number | null;
  stderr: string;
  /** whether the run printed rapport.pdf */
  pdf: boolean;
}

const browser = findBrowser();
const runs = new Map<string, Promise<SharedReport>>();

export type SampleRun = 'full' | 'no-png';

export function sampleReport(copy: SampleRun = 'full'): Promise<SharedReport> {
  let run = runs.get(copy);
  if (!run) runs.set(copy, (run = once(copy)));
  return run;
}

async function once(copy: SampleRun): Promise<SharedReport> {
  const root = process.env.BISTAND_TEST_SHARED;
  if (!root) throw new Error('BISTAND_TEST_SHARED is not set: run the tests through vitest (test/global-setup.ts)');
  const out = join(root, `sample-${copy}`);
  const done = `${out}.json`;
  let mine = false;
  try {
    closeSync(openSync(`${out}.lock`, 'wx'));
    mine = true;
  } catch {
    // another test process is writing it
  }
  if (mine) {
    const pdf = Boolean(browser) && copy === 'full';
    const args = ['report', '--recipe', join(ROOT, 'data/sample/recipe.json'), '--out', out, ...(copy === 'no-png' ? ['--no-png'] : []), ...(pdf ? ['--pdf'] : [])];
    const r = await cliAsync(args, pdf ? { BISTAND_BROWSER: browser! } : {});
    writeFileSync(`${done}.tmp`, JSON.stringify({ out, status: r.status, stderr: r.stderr, pdf }));
    renameSync(`${done}.tmp`, done);
  }
  while (!existsSync(done)) await new Promise((r) => setTimeout(r, 50));
  return JSON.parse(readFileSync(done, 'utf8')) as SharedReport;
}
