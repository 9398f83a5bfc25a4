/**
 * The order the test files start in. vitest starts the files that took longest in its last run
 * first; without a last run (a fresh clone, CI) it starts the largest files first, and some of the
 * longest files are small (cases generated in a loop, reports spawned), so one of them ended the
 * run alone on one core: a fresh clone's suite took 131–136 s against 117–119 s with timings
 * (docs/performance.md). Without timings, these start first, longest first; the rest as vitest has
 * them. A file missing from the list only starts later.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST = [
  'e2e/hostile',
  'report/report',
  'domain/disclosure-national',
  'e2e/cli',
  'e2e/docx',
  'report/every-region-1',
  'e2e/household',
  'domain/disclosure',
  'fetch/fetch',
  'e2e/text-as-data',
  'report/coverage',
  'domain/disclosure/parts',
].map((f) => `/test/${f}.test.ts`);

export default class Sequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timed = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`) !== undefined;
    if (sorted.every(timed)) return sorted;
    const rank = (f: TestSpecification) => {
      const i = LONGEST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? LONGEST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
