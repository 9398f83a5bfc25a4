/**
 * Interns byte strings (person ids, reason labels) into dense integers, without making a JS
 * string per row: an open-addressing hash table of typed arrays over one byte pool.
 * A person id never leaves this table as text.
 */

export class ByteIntern {
  private slots: Int32Array;
  private mask: number;
  private hashes: Uint32Array;
  private offsets: Int32Array;
  private lengths: Int32Array;
  private pool: Uint8Array;
  private poolUsed = 0;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.hashes = new Uint32Array(initialCapacity);
    this.offsets = new Int32Array(initialCapacity);
    this.lengths = new Int32Array(initialCapacity);
    this.pool = new Uint8Array(initialCapacity * 12);
  }

  /** The id of buf[start, end), adding it when new. */
  intern(buf: Uint8Array, start: number, end: number): number {
    // FNV-1a, then a final mix so that ids that differ in their last digit spread well
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h >>>= 0;
    const len = end - start;
    const mask = this.mask;
    let s = h & mask;
    for (;;) {
      const id = this.slots[s];
      if (id < 0) break;
      if (this.hashes[id] === h && this.lengths[id] === len && this.equals(id, buf, start, len)) return id;
      s = (s + 1) & mask;
    }
    return this.add(buf, start, len, h, s);
  }

  private equals(id: number, buf: Uint8Array, start: number, len: number): boolean {
    const pool = this.pool;
    const off = this.offsets[id];
    for (let i = 0; i < len; i++) if (pool[off + i] !== buf[start + i]) return false;
    return true;
  }

  private add(buf: Uint8Array, start: number, len: number, h: number, slot: number): number {
    const id = this.size++;
    if (id >= this.hashes.length) this.growEntries();
    if (this.poolUsed + len > this.pool.length) {
      const bigger = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + len));
      bigger.set(this.pool.subarray(0, this.poolUsed));
      this.pool = bigger;
    }
    this.pool.set(buf.subarray(start, start + len), this.poolUsed);
    this.offsets[id] = this.poolUsed;
    this.lengths[id] = len;
    this.hashes[id] = h;
    this.poolUsed += len;
    this.slots[slot] = id;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes, (k) => new Uint32Array(k));
    this.offsets = grow(this.offsets, (k) => new Int32Array(k));
    this.lengths = grow(this.lengths, (k) => new Int32Array(k));
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap).fill(-1);
    const mask = cap - 1;
    for (let id = 0; id < this.size; id++) {
      let s = this.hashes[id] & mask;
      while (slots[s] >= 0) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The bytes of an id (for labels; never used to print a person id). */
  bytes(id: number): Uint8Array {
    return this.pool.subarray(this.offsets[id], this.offsets[id] + this.lengths[id]);
  }
}
