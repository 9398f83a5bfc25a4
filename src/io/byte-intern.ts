/**
 * Interns byte strings (person ids, reason labels) into dense integers, without making a JS
 * string per row: an open-addressing hash table in one Int32Array. A slot is
 * [hash, id + 1, k0, k1]: keys of up to 8 bytes without a zero byte (person ids, nearly always)
 * live in the slot itself, so a lookup touches one cache line; longer keys are compared
 * against a byte pool. A person id never leaves this table as text.
 */

import { ByteView } from './byte-view.js';

const SLOT = 4;
const MAP_BATCH = 256;
/**
 * Keys per slot before the table grows. Linear probing at 3/4 still finds most keys in the
 * first cache line (four slots a line); against 1/2 it saved an eighth of the page faults
 * and 17 MB on the bench register, at the same speed.
 */
const LOAD = 0.75;

/** The raw arrays of a ByteIntern, to move it between threads. */
export interface ByteInternData {
  table: Int32Array;
  offsets: Int32Array;
  lengths: Int32Array;
  pool: Uint8Array;
  poolUsed: number;
  size: number;
}

export class ByteIntern {
  private table: Int32Array;
  private mask: number;
  private offsets: Int32Array;
  private lengths: Int32Array;
  private pool: Uint8Array;
  private poolUsed = 0;
  size = 0;

  constructor(initialCapacity = 1 << 12, data?: ByteInternData) {
    if (data) {
      this.table = data.table;
      this.offsets = data.offsets;
      this.lengths = data.lengths;
      this.pool = data.pool;
      this.poolUsed = data.poolUsed;
      this.size = data.size;
      this.mask = this.table.length / SLOT - 1;
      return;
    }
    let cap = 16;
    while (cap * LOAD < initialCapacity) cap <<= 1;
    this.table = new Int32Array(cap * SLOT);
    this.mask = cap - 1;
    this.offsets = new Int32Array(initialCapacity);
    this.lengths = new Int32Array(initialCapacity);
    this.pool = new Uint8Array(initialCapacity * 8);
  }

  data(): ByteInternData {
    return { table: this.table, offsets: this.offsets, lengths: this.lengths, pool: this.pool, poolUsed: this.poolUsed, size: this.size };
  }

  /** The two key words of the last `hash` (keys of up to 8 bytes). */
  k0 = 0;
  k1 = 0;

  /**
   * The hash of buf[start, end); for short keys also sets k0 and k1. The low bit tells short
   * keys (1) from pooled ones (0).
   */
  hash(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    let k0 = 0;
    let k1 = 0;
    let short = len <= 8;
    if (short && start + 8 <= buf.length) {
      // two little-endian words instead of a loop over the bytes; bytes past the key are
      // masked off, and a zero byte inside it (found with the bytes past it set) makes it long
      const view = this.keyView.get(buf);
      const m0 = MASKS[len < 4 ? len : 4];
      const m1 = MASKS[len > 4 ? len - 4 : 0];
      k0 = view.getUint32(start, true) & m0;
      k1 = len > 4 ? view.getUint32(start + 4, true) & m1 : 0;
      if (hasZeroByte(k0 | ~m0) || hasZeroByte(k1 | ~m1)) short = false;
    } else if (short) {
      for (let i = 0; i < len; i++) {
        const b = buf[start + i];
        if (b === 0) short = false;
        if (i < 4) k0 |= b << (i << 3);
        else k1 |= b << ((i - 4) << 3);
      }
    }
    this.k0 = k0;
    this.k1 = k1;
    return short ? mix(Math.imul(k0, 0x9e3779b1) ^ Math.imul(k1 ^ len, 0x85ebca6b)) | 1 : this.hashLong(buf, start, end) & ~1;
  }

  /**
   * Four bytes a step, read as words (labels are 30–60 bytes and come once a row): the same
   * value as assembling each word from its bytes.
   */
  private hashLong(buf: Uint8Array, start: number, end: number): number {
    const view = this.keyView.get(buf);
    let h = 0x811c9dc5 ^ (end - start);
    let i = start;
    for (; i + 4 <= end; i += 4) h = Math.imul(h ^ view.getInt32(i, true), 0x01000193) ^ (h >>> 15);
    for (; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    return mix(h);
  }

  /** of the keys' buffer, and of the pool */
  private readonly keyView = new ByteView();
  private readonly poolView = new ByteView();

  /**
   * Reads the slots that the first n hashes point at, and nothing else, in a loop small enough
   * that the CPU keeps many of its cache misses in flight at once; `internHashed` on the same
   * keys then finds them in cache. (A touch inside the hashing loop overlapped nothing: that
   * loop's body is too long for the CPU to run ahead into the next rows.)
   */
  prefetch(hashes: Int32Array, n: number): number {
    const t = this.table;
    const mask = this.mask;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += t[((hashes[i] >>> 1) & mask) * SLOT + 1];
    return sum;
  }

  /** The id of buf[start, end), adding it when new. */
  intern(buf: Uint8Array, start: number, end: number): number {
    const h = this.hash(buf, start, end);
    return this.internHashed(buf, start, end, h, this.k0, this.k1);
  }

  /** `intern` with the hash (and key words) already computed by `hash`. */
  internHashed(buf: Uint8Array, start: number, end: number, h: number, k0: number, k1: number): number {
    const len = end - start;
    const short = (h & 1) === 1;
    const t = this.table;
    const mask = this.mask;
    let s = (h >>> 1) & mask;
    for (;;) {
      const at = s * SLOT;
      const id1 = t[at + 1];
      if (id1 === 0) break;
      if (t[at] === h) {
        if (short) {
          if (t[at + 2] === k0 && t[at + 3] === k1) return id1 - 1;
        } else if (this.lengths[id1 - 1] === len && this.equals(id1 - 1, buf, start, len)) return id1 - 1;
      }
      s = (s + 1) & mask;
    }
    return this.add(buf, start, len, h, k0, k1, s);
  }

  /** Word by word, then the last bytes. */
  private equals(id: number, buf: Uint8Array, start: number, len: number): boolean {
    const pool = this.pool;
    const pv = this.poolView.get(pool);
    const bv = this.keyView.get(buf);
    const off = this.offsets[id];
    let i = 0;
    for (; i + 4 <= len; i += 4) if (pv.getInt32(off + i, true) !== bv.getInt32(start + i, true)) return false;
    for (; i < len; i++) if (pool[off + i] !== buf[start + i]) return false;
    return true;
  }

  private add(buf: Uint8Array, start: number, len: number, h: number, k0: number, k1: number, slot: number): number {
    const id = this.size++;
    if (id >= this.offsets.length) {
      const n = this.offsets.length * 2;
      const offsets = new Int32Array(n);
      offsets.set(this.offsets);
      const lengths = new Int32Array(n);
      lengths.set(this.lengths);
      this.offsets = offsets;
      this.lengths = lengths;
    }
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool.subarray(0, this.poolUsed));
      this.pool = bigger;
    }
    // a loop, not set(subarray(…)): a view object a new person cost more than the copy
    const pool = this.pool;
    const at0 = this.poolUsed;
    for (let i = 0; i < len; i++) pool[at0 + i] = buf[start + i];
    this.offsets[id] = this.poolUsed;
    this.lengths[id] = len;
    this.poolUsed += len;
    const at = slot * SLOT;
    this.table[at] = h;
    this.table[at + 1] = id + 1;
    this.table[at + 2] = k0;
    this.table[at + 3] = k1;
    if (this.size > (this.mask + 1) * LOAD) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    const t = new Int32Array(cap * SLOT);
    const mask = cap - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 1] === 0) continue;
      let s = (old[at] >>> 1) & mask;
      while (t[s * SLOT + 1] !== 0) s = (s + 1) & mask;
      // four stores, not set(subarray(…)): a view object a key cost more than the copy
      const to = s * SLOT;
      t[to] = old[at];
      t[to + 1] = old[at + 1];
      t[to + 2] = old[at + 2];
      t[to + 3] = old[at + 3];
    }
    this.table = t;
    this.mask = mask;
  }

  /**
   * Interns every key of `other` (another thread's table) and returns, per id of `other`, the
   * id here. Walks `other`'s slots in order, which already hold each key's hash and words, in
   * batches whose slots here are prefetched first.
   */
  mapFrom(other: ByteIntern): Int32Array {
    const map = new Int32Array(other.size);
    const t = other.table;
    const hashes = new Int32Array(MAP_BATCH);
    const at = new Int32Array(MAP_BATCH);
    let n = 0;
    const drain = () => {
      this.prefetch(hashes, n);
      for (let i = 0; i < n; i++) {
        const a = at[i];
        const id = t[a + 1] - 1;
        const off = other.offsets[id];
        map[id] = this.internHashed(other.pool, off, off + other.lengths[id], t[a], t[a + 2], t[a + 3]);
      }
      n = 0;
    };
    for (let a = 0; a < t.length; a += SLOT) {
      if (t[a + 1] === 0) continue;
      hashes[n] = t[a];
      at[n++] = a;
      if (n === MAP_BATCH) drain();
    }
    drain();
    return map;
  }

  /** The bytes of an id (labels, and merging the tables of two threads; never printed for a person). */
  bytes(id: number): Uint8Array {
    return this.pool.subarray(this.offsets[id], this.offsets[id] + this.lengths[id]);
  }
}

/** The bytes of 0–4 bytes of a word, low first. */
const MASKS = [0, 0xff, 0xffff, 0xffffff, -1];

/** Whether one of the four bytes of x is zero. */
function hasZeroByte(x: number): boolean {
  return ((x - 0x01010101) & ~x & 0x80808080) !== 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

