/** Everything a report's reader sees is Swedish, without the command line's words (issue 36). */
import { describe, expect, it } from 'vitest';
import { SKIP_SV, SV } from '../src/texts-sv.js';

/** Each text of a catalogue: a string as it is, a function called with placeholder arguments. */
function texts(catalogue: Record<string, unknown>): [string, string][] {
  return Object.entries(catalogue).flatMap(([k, v]) => {
    if (typeof v === 'string') return [[k, v]];
    if (typeof v !== 'function') return [];
    try {
      return [[k, String((v as (...a: unknown[]) => unknown)(...Array.from({ length: v.length }, (_, i) => (i % 2 ? 2 : 'X'))))]];
    } catch {
      return [];
    }
  });
}

describe('the reader\'s texts', () => {
  it('name no command-line option', () => {
    const withFlags = [...texts(SV), ...texts(SKIP_SV)].filter(([, t]) => /(^|[\s(])--[a-z]/.test(t));
    expect(withFlags).toEqual([]);
  });
});
