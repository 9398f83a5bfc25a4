import { defineConfig } from 'vitest/config';
import Sequencer from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // a fresh clone has no timings of a last run: test/sequencer.ts
    sequence: { sequencer: Sequencer },
    testTimeout: 60_000,
    // e2e tests spawn the CLI; two workers match the two cores of our machines
    pool: 'forks',
    // (the tiering budget of test/helpers.ts NODE_ARGS, for the HiGHS programs run in-process)
    // one process per fork for all its files (isolate: false): loading vega, docx and exceljs
    // again for each of 56 files was a third of the suite's time; no test relies on a fresh process
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false, execArgv: ['--wasm-tiering-budget=1000000000'] } },
  },
});
