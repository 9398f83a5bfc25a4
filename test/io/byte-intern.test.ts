import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteIntern } from '../../src/io/byte-intern.js';

describe('byte intern', () => {
  it('hashes a key the same from a word read as from its bytes one by one, zero bytes and all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), fc.nat(5), fc.uint8Array({ minLength: 8, maxLength: 8 }), (key, at, after) => {
        const a = new ByteIntern(16);
        const b = new ByteIntern(16);
        // in a roomy buffer (words), and at the very end of one (byte by byte)
        const roomy = new Uint8Array(at + key.length + 8);
        roomy.set(key, at);
        roomy.set(after, at + key.length);
        const tight = Uint8Array.from(key);
        expect(a.hash(roomy, at, at + key.length)).toBe(b.hash(tight, 0, key.length));
        expect([a.k0, a.k1]).toEqual([b.k0, b.k1]);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives equal keys one id and different keys different ids, long keys and zero bytes too', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 14 }), { maxLength: 200 }), (keys) => {
        const t = new ByteIntern(4);
        const seen = new Map<string, number>();
        for (const k of keys) {
          const buf = new Uint8Array(k.length + 3);
          buf.set(k, 1);
          const id = t.intern(buf, 1, 1 + k.length);
          const name = Buffer.from(k).toString('hex');
          if (seen.has(name)) expect(id).toBe(seen.get(name));
          else expect(id).toBe(seen.size);
          seen.set(name, id);
          expect(Buffer.from(t.bytes(id)).toString('hex')).toBe(name);
        }
      }),
    );
  });
});
