/** The disclosure pattern decided on a pool thread is the pattern decided here, and its failures are the task's. */
import { describe, expect, it } from 'vitest';
import type { KommunYear } from '../../src/domain/classify.js';
import { decidePattern, printableRegions } from '../../src/domain/disclosure.js';
import { GR } from '../../src/domain/municipalities.js';
import { onThread } from '../../src/threads/pool.js';
import { GROUPS } from '../../src/domain/reasons.js';
import { DEFAULT_SUPPRESS } from '../../src/domain/suppress.js';
import { loadMunicipalities } from '../../src/io/reference.js';

/** GR's municipalities over two years, seeded, a few of their counts below the threshold. */
function grRows(): KommunYear[] {
  const munis = loadMunicipalities();
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return [2020, 2021].flatMap((year) =>
    GR.codes.map((code) => {
      const groups = GROUPS.map(() => (rand() < 0.15 ? Math.floor(rand() * 5) : 15 + Math.floor(rand() * 300)));
      const recipients = groups.reduce((a, b) => a + b, 0);
      return { kommun: munis.kommuner.findIndex((k) => k.code === code), year, recipients, longTerm: Math.floor(recipients * 0.4), veryLongTerm: rand() < 0.1 ? 2 : Math.floor(recipients * 0.2), groups };
    }),
  );
}

describe('the pattern on the thread pool', () => {
  const munis = loadMunicipalities();
  const printable = printableRegions(munis, [GR]);

  it('decides the same pattern as the main thread, cell by cell', async () => {
    const rows = grRows();
    const here = await decidePattern({ rows }, munis, DEFAULT_SUPPRESS, printable, true);
    expect(here.stats.primary).toBeGreaterThan(0);
    expect(here.stats.secondary).toBeGreaterThan(0);
    const there = await onThread('pattern', { input: { rows }, munis: { kommuner: munis.kommuner.map((k) => ({ code: k.code })) }, options: DEFAULT_SUPPRESS, printable, withGroups: true });
    expect(there).toEqual(here.toState());
  }, 60_000);

  it("rejects with the worker's error, and does not wait for an answer that never comes", async () => {
    const rows = grRows().map((r) => ({ ...r, kommun: 9999 }));
    await expect(onThread('pattern', { input: { rows }, munis: { kommuner: [] }, options: DEFAULT_SUPPRESS, printable, withGroups: true })).rejects.toThrow(/code/);
  }, 60_000);
});
