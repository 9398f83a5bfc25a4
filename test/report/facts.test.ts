/** The report's facts hold the register's counts before their pattern: none can be read unprotected meanwhile. */
import { describe, expect, it } from 'vitest';
import { Coverage } from '../../src/domain/coverage.js';
import { Pattern } from '../../src/domain/disclosure.js';
import { loadMunicipalities } from '../../src/io/reference.js';
import { Facts } from '../../src/report/facts.js';

describe('the facts and the pattern decided on its thread', () => {
  it('reading the pattern between the counts and their pattern is an error; after, it is the pattern given', () => {
    const f = new Facts();
    expect(f.pattern.enabled).toBe(false);
    f.addRegister({ rows: [], veryLongAvailable: [true], children: [0], unknownAge: [0] }, loadMunicipalities(), [2021], new Coverage(), false);
    expect(() => f.pattern).toThrow(/before it was decided/);
    const p = new Pattern(true);
    f.setPattern(p);
    expect(f.pattern).toBe(p);
  });
});
