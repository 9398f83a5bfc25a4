/** Shares under suppression (the pattern of hidden counts is domain/disclosure, attacked in disclosure.test.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPRESS, share } from '../../src/domain/suppress.js';

describe('suppression', () => {
  it('shares: hidden with a hidden count or a small denominator', () => {
    expect(share(3, 'X', DEFAULT_SUPPRESS)).toBe('X');
    expect(share('X', 40, DEFAULT_SUPPRESS)).toBe('X');
    expect(share(5, 9, DEFAULT_SUPPRESS)).toBe('X');
    expect(share(5, 10, DEFAULT_SUPPRESS)).toBe(50);
    expect(share(0, 0, DEFAULT_SUPPRESS)).toBeNull();
  });
});
