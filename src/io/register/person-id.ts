/**
 * One person, one id: a personnummer arrives as `19800101-1234`, `198001011234`, `800101-1234`,
 * `8001011234`, with `+` (100 years or older), a space, a no-break space or a zero-width
 * character — one person in every form. The id's bytes are rewritten in place to one form before
 * they are counted: invisible characters (no-break and zero-width spaces, soft hyphens, joiners,
 * direction marks, a byte-order mark) go from any id; an id that is then a personnummer (10 or
 * 12 digits with a date, a samordningsnummer's day + 60 too, and at most one `-`, `+` or space
 * before the last four) becomes its 10 digits, century dropped. Other ids (löpnummer) are left as
 * they are. Two persons born a hundred years apart with the same last ten digits would be one:
 * a register of adults in the same years holds no such pair in practice.
 */

/** Bytes of the invisible characters removed from an id, as UTF-8 sequences; a lone 0xA0 or 0xAD is Windows-1252's. */
const INVISIBLE: readonly number[][] = [
  [0xc2, 0xa0], // no-break space
  [0xc2, 0xad], // soft hyphen
  [0xe2, 0x80, 0x8b], // zero-width space
  [0xe2, 0x80, 0x8c], // zero-width non-joiner
  [0xe2, 0x80, 0x8d], // zero-width joiner
  [0xe2, 0x80, 0x8e], // left-to-right mark
  [0xe2, 0x80, 0x8f], // right-to-left mark
  [0xe2, 0x80, 0xaf], // narrow no-break space
  [0xe2, 0x81, 0xa0], // word joiner
  [0xef, 0xbb, 0xbf], // byte-order mark, zero-width no-break space
];

const isDigit = (b: number) => b >= 48 && b <= 57;
const two = (buf: Uint8Array, i: number) => (buf[i] - 48) * 10 + (buf[i + 1] - 48);

/** Whether the 6 digits at buf[i] are a date YYMMDD (day + 60 for a samordningsnummer). */
function isDate(buf: Uint8Array, i: number): boolean {
  const month = two(buf, i + 2);
  const day = two(buf, i + 4);
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/** Whether buf[s, e) are 12 digits of a personnummer with its century (18, 19, 20). */
export function isPnr12(buf: Uint8Array, s: number, e = s + 12): boolean {
  if (e - s !== 12) return false;
  for (let i = s; i < e; i++) if (!isDigit(buf[i])) return false;
  const century = two(buf, s);
  return century >= 18 && century <= 20 && isDate(buf, s + 2);
}

/**
 * Rewrites the id at buf[s, e) in place to its one form; returns its new end (≤ e). The bytes
 * after the new end up to e are left as they were.
 */
export function canonicalId(buf: Uint8Array, s: number, e: number): number {
  // invisible characters out
  let w = s;
  for (let r = s; r < e; ) {
    const seq = buf[r] >= 0x80 ? INVISIBLE.find((q) => q.every((b, j) => r + j < e && buf[r + j] === b)) : undefined;
    if (seq) {
      r += seq.length;
      continue;
    }
    // Windows-1252's no-break space and soft hyphen, where they are no part of a UTF-8 character
    if ((buf[r] === 0xa0 || buf[r] === 0xad) && !(r > s && buf[r - 1] >= 0xc2 && buf[r - 1] <= 0xdf)) {
      r++;
      continue;
    }
    buf[w++] = buf[r++];
  }
  // a personnummer: digits, at most one separator, between the date and the last four
  const len = w - s;
  const sep = len === 11 || len === 13 ? w - 5 : -1;
  if (sep >= 0 && buf[sep] !== 0x2d && buf[sep] !== 0x2b && buf[sep] !== 0x20) return w;
  const digits = sep >= 0 ? len - 1 : len;
  if (digits !== 10 && digits !== 12) return w;
  for (let i = s; i < w; i++) if (i !== sep && !isDigit(buf[i])) return w;
  const date = digits === 12 ? s + 2 : s;
  if (digits === 12 && (two(buf, s) < 18 || two(buf, s) > 20)) return w;
  if (!isDate(buf, date)) return w;
  // the date's six digits and the last four
  buf.copyWithin(s, date, date + 6);
  buf.copyWithin(s + 6, w - 4, w);
  return s + 10;
}
