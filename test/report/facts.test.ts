/** A register count the facts give: 0 for a municipality the register covers with nobody counted, missing for one it does not cover. */
import { describe, expect, it } from 'vitest';
import { Coverage } from '../../src/domain/coverage.js';
import { Pattern } from '../../src/domain/disclosure.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { Facts, REG } from '../../src/report/facts.js';

describe('the facts of a register', () => {
  it('a covered municipality without a counted person is 0, an uncovered one missing, a year outside the register unknown', () => {
    const munis = loadMunicipalities();
    const coverage = new Coverage();
    coverage.mark('1480', 2021, 0);
    coverage.mark('1481', 2021, 0);
    const f = new Facts();
    const row = { kommun: munis.kommuner.findIndex((k) => k.code === '1480'), year: 2021, recipients: 7, longTerm: 3, veryLongTerm: null, groups: [0, 0, 0, 0, 0], paid: null };
    f.addRegister({ rows: [row], veryLongAvailable: [false], children: [0], unknownAge: [0], twoKommuner: [0] }, munis, [2021], coverage, false, new Pattern(true));
    expect([f.get(REG.recipients, '1480', 2021), f.get(REG.recipients, '1481', 2021), f.get(REG.recipients, '1482', 2021), f.get(REG.recipients, '1480', 2020)]).toEqual([
      { value: 7, status: 'ok' },
      { value: 0, status: 'ok' },
      { value: null, status: 'missing' },
      undefined,
    ]);
    expect(f.get(REG.veryLongTerm, '1480', 2021)).toBeUndefined();
    expect(f.pattern.enabled).toBe(true);
  });
});
