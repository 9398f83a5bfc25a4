/**
 * Encodings of the files case systems and Excel write: UTF-8 with or without BOM, and
 * Windows-1252 (Excel's "CSV (semikolonavgränsad)" on Swedish Windows; a superset of Latin-1
 * for text).
 */
export type Encoding = 'utf8' | 'windows-1252';

export function parseEncoding(name: string): Encoding | undefined {
  const n = name.toLowerCase();
  if (n === 'utf8' || n === 'utf-8') return 'utf8';
  if (['windows-1252', 'cp1252', 'latin1', 'latin-1', 'iso-8859-1'].includes(n)) return 'windows-1252';
  return undefined;
}

export function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

export function hasUtf16Bom(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextDecoder('utf-8');
const cp1252 = new TextDecoder('windows-1252');

export function isValidUtf8(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) {
    if (b[i] >= 0x80) {
      try {
        strictUtf8.decode(b);
        return true;
      } catch {
        return false;
      }
    }
  }
  return true;
}

/** Text of a small file: UTF-8 after a BOM or when valid, else Windows-1252. */
export function decodeDetected(bytes: Uint8Array): string {
  if (hasUtf8Bom(bytes)) return decode(bytes.subarray(3), 'utf8');
  return decode(bytes, isValidUtf8(bytes) ? 'utf8' : 'windows-1252');
}

export function decode(b: Uint8Array, enc: Encoding): string {
  return enc === 'utf8' ? utf8.decode(b) : cp1252.decode(b);
}

/** Windows-1252 bytes of a text; characters it cannot hold become `?`, as Excel does. */
export function encodeCp1252(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c < 0x100)) out[i] = c;
    else out[i] = CP1252_HIGH.get(c) ?? 0x3f;
  }
  return out;
}

const CP1252_HIGH = new Map<number, number>();
{
  const d = new TextDecoder('windows-1252');
  for (let b = 0x80; b < 0xa0; b++) CP1252_HIGH.set(d.decode(Uint8Array.of(b)).charCodeAt(0), b);
}
