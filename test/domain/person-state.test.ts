import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersonState, layoutFor } from '../../src/domain/person-state.js';

describe('person state', () => {
  it('gives each reference year its own 36-month window, whatever the word boundaries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 2016, max: 2024 }), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(200)), (years, months) => {
        const layout = layoutFor(years);
        const state = new PersonState(layout, 1, undefined, false);
        const inside = months.filter((m) => m < layout.months);
        for (const m of inside) state.add(0, m, 0, 40, 0);
        layout.years.forEach((y, yi) => {
          const first = y * 12 - 24 - layout.start;
          let expected = 0;
          for (let i = 0; i < 36; i++) if (inside.includes(first + i)) expected += 2 ** i;
          expect(state.window(0, yi)).toBe(expected);
        });
      }),
    );
  });
});
